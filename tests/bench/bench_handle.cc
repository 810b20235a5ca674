// Throughput of PutItem and GetItem through Engine::Handle, with 1 KB items. Prints figures;
// never fails on time. Runs natively and, compiled to wasm, under node.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Figures {
  double ops_per_second;
  double p50_us;
  double p99_us;
};

template <class MakeBody>
Figures Measure(ddbpg::Engine& engine, const std::string& target, int count, MakeBody make_body) {
  std::vector<double> latencies;
  latencies.reserve(count);
  auto start = Clock::now();
  for (int i = 0; i < count; ++i) {
    std::string body = make_body(i);
    auto before = Clock::now();
    ddbpg::Response response = engine.Handle(target, body);
    latencies.push_back(std::chrono::duration<double, std::micro>(Clock::now() - before).count());
    if (response.status != 200) {
      std::fprintf(stderr, "unexpected error: %s\n", response.body.c_str());
      return {0, 0, 0};
    }
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(latencies.begin(), latencies.end());
  return {count / seconds, latencies[count / 2], latencies[count * 99 / 100]};
}

}  // namespace

int main() {
  ddbpg::ManualClock clock;
  ddbpg::Engine engine(clock);
  engine.Handle("DynamoDB_20120810.CreateTable",
                R"({"TableName":"bench","BillingMode":"PAY_PER_REQUEST",)"
                R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
                R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]})");
  const int kItems = 20000;
  const std::string padding(1000, 'x');  // with the key, about 1 KB per item
  Figures put = Measure(engine, "DynamoDB_20120810.PutItem", kItems, [&](int i) {
    return R"({"TableName":"bench","Item":{"pk":{"S":"key-)" + std::to_string(i) +
           R"("},"payload":{"S":")" + padding + R"("}}})";
  });
  Figures get = Measure(engine, "DynamoDB_20120810.GetItem", kItems, [&](int i) {
    return R"({"TableName":"bench","Key":{"pk":{"S":"key-)" + std::to_string(i) + R"("}}})";
  });
  std::printf("PutItem 1KB: %.0f ops/s  p50 %.1f us  p99 %.1f us\n", put.ops_per_second,
              put.p50_us, put.p99_us);
  std::printf("GetItem 1KB: %.0f ops/s  p50 %.1f us  p99 %.1f us\n", get.ops_per_second,
              get.p50_us, get.p99_us);
  return 0;
}
