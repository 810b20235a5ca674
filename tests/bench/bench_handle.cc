// Throughput of PutItem and GetItem (operations per second) and of Query and Scan (items per
// second) through Engine::Handle, with 1 KB items, and the engine's memory per stored item.
// Prints figures; never fails on time. Runs natively and, compiled to wasm, under node.
//
// PutItem is measured twice: into memory the process has never touched, then, after that table
// is deleted, into the memory it gave back. The first pays the operating system's page faults
// (on a virtual machine several microseconds a 4 KB page, more than the engine's own work for
// the item); the second is what a playground session that has held tables before costs.
#include <algorithm>
#include <chrono>
#include <malloc.h>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace {

using Clock = std::chrono::steady_clock;

// Bytes the allocator has handed out and not had back (glibc natively, dlmalloc in wasm).
size_t HeapBytesInUse() {
#if defined(__EMSCRIPTEN__)
  return static_cast<size_t>(mallinfo().uordblks);
#else
  return mallinfo2().uordblks;
#endif
}

// Keeps the memory the engine frees in the process, as wasm memory does (it never shrinks):
// glibc would hand a freed top of its heap, and every block above the mmap threshold, back to
// the system, and their next use would fault each page in again.
void KeepFreedMemory() {
#if !defined(__EMSCRIPTEN__)
  mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest
#endif
}

struct Figures {
  double ops_per_second;
  double p50_us;
  double p99_us;
};

// The engine's clock moves 1 ms per request, so the load stays inside DynamoDB's capacity
// limits and the benchmark measures the engine, not the throttling.
ddbpg::base::ManualClock* bench_clock = nullptr;

template <class MakeBody>
Figures Measure(ddbpg::Engine& engine, const std::string& target, int count, MakeBody make_body) {
  std::vector<double> latencies;
  latencies.reserve(count);
  auto start = Clock::now();
  for (int i = 0; i < count; ++i) {
    std::string body = make_body(i);
    bench_clock->Advance(0.001);
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

// Query: 100 item collections of 200 items; Scan: the whole table in 1 MB pages.
void MeasureReads(ddbpg::Engine& engine, const std::string& padding) {
  engine.Handle("DynamoDB_20120810.CreateTable",
                R"({"TableName":"reads","BillingMode":"PAY_PER_REQUEST",)"
                R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],)"
                R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}]})");
  const int kCollections = 100;
  const int kPerCollection = 200;
  for (int i = 0; i < kCollections * kPerCollection; ++i) {
    bench_clock->Advance(0.001);
    engine.Handle("DynamoDB_20120810.PutItem",
                  R"({"TableName":"reads","Item":{"pk":{"S":"p)" + std::to_string(i % kCollections) +
                      R"("},"sk":{"N":")" + std::to_string(i) + R"("},"payload":{"S":")" + padding +
                      R"("}}})");
  }
  // The first round is not timed: in wasm, V8 compiles a function with its optimising tier only
  // once it has run a while, and a timed first round would measure its baseline code.
  auto start = Clock::now();
  long long items = 0;
  for (int round = 0; round < 11; ++round) {
    if (round == 1) {
      start = Clock::now();
      items = 0;
    }
    for (int c = 0; c < kCollections; ++c) {
      bench_clock->Advance(0.1);
      ddbpg::Response response = engine.Handle(
          "DynamoDB_20120810.Query",
          R"({"TableName":"reads","KeyConditionExpression":"pk = :p",)"
          R"("ExpressionAttributeValues":{":p":{"S":"p)" + std::to_string(c) + R"("}}})");
      items += response.status == 200 ? kPerCollection : 0;
    }
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("Query 1KB items: %.0f items/s\n", items / seconds);

  start = Clock::now();
  items = 0;
  for (int round = 0; round < 6; ++round) {
    if (round == 1) {  // the first round untimed, as for Query
      start = Clock::now();
      items = 0;
    }
    std::string start_key;
    do {
      bench_clock->Advance(1);
      std::string body = R"({"TableName":"reads")" +
                         (start_key.empty() ? "" : R"(,"ExclusiveStartKey":)" + start_key) + "}";
      ddbpg::Response response = engine.Handle("DynamoDB_20120810.Scan", body);
      // Count is written before the items and LastEvaluatedKey after them: each is looked for
      // from its own end, so finding them does not walk the megabyte page (that would be a
      // good part of what is measured).
      size_t count_at = response.body.find("\"Count\":");
      items += count_at == std::string::npos ? 0 : std::atoll(response.body.c_str() + count_at + 8);
      size_t key_at = response.body.rfind("\"LastEvaluatedKey\":");
      start_key.clear();
      if (key_at != std::string::npos) {
        size_t begin = key_at + 19;
        int depth = 0;
        size_t end = begin;
        for (; end < response.body.size(); ++end) {
          if (response.body[end] == '{') ++depth;
          if (response.body[end] == '}' && --depth == 0) break;
        }
        start_key = response.body.substr(begin, end - begin + 1);
      }
    } while (!start_key.empty());
  }
  seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("Scan 1KB items: %.0f items/s\n", items / seconds);
}

// Playground.SimulateWorkload: simulated requests handled per second of wall time.
void MeasureSimulation(ddbpg::Engine& engine) {
  engine.Handle("Playground.SetClock", R"({"Mode":"VIRTUAL","Now":2000000000})");
  engine.Handle("DynamoDB_20120810.CreateTable",
                R"({"TableName":"sim","BillingMode":"PAY_PER_REQUEST",)"
                R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
                R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]})");
  auto start = Clock::now();
  ddbpg::Response response = engine.Handle(
      "Playground.SimulateWorkload",
      R"({"TableName":"sim","DurationSeconds":100,"RequestsPerSecond":2000,)"
      R"("Operations":{"GetItem":3,"PutItem":1},"ItemSizeBytes":1000,)"
      R"("KeyDistribution":{"Type":"ZIPF","KeyCount":10000,"Exponent":1.0}})");
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (response.status != 200) {
    std::fprintf(stderr, "simulation failed: %s\n", response.body.c_str());
    return;
  }
  std::printf("SimulateWorkload: %.0f simulated requests/s (200,000 requests in %.2f s)\n",
              200000 / seconds, seconds);
}

// PutItem into a table with `count` global secondary indexes, each keyed on an attribute every
// item carries, so each put writes every index.
void MeasurePutWithIndexes(ddbpg::Engine& engine, int count, const std::string& padding) {
  const std::string table = "gsi" + std::to_string(count);
  std::string definitions = R"({"AttributeName":"pk","AttributeType":"S"})";
  std::string indexes;
  for (int g = 0; g < count; ++g) {
    const std::string name = "g" + std::to_string(g);
    definitions += R"(,{"AttributeName":")" + name + R"(","AttributeType":"S"})";
    indexes += std::string(g ? "," : "") + R"({"IndexName":"index-)" + name +
               R"(","KeySchema":[{"AttributeName":")" + name +
               R"(","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"}})";
  }
  // Each item has its own index key values, so the index's writes spread over its partitions.
  auto attributes = [count](int i) {
    std::string text;
    for (int g = 0; g < count; ++g) {
      text += R"(,"g)" + std::to_string(g) + R"(":{"S":"v)" + std::to_string(i) + R"("})";
    }
    return text;
  };
  engine.Handle("DynamoDB_20120810.CreateTable",
                R"({"TableName":")" + table + R"(","BillingMode":"PAY_PER_REQUEST",)"
                R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
                R"("AttributeDefinitions":[)" + definitions + "]" +
                    (count ? R"(,"GlobalSecondaryIndexes":[)" + indexes + "]" : "") + "}");
  Figures put = Measure(engine, "DynamoDB_20120810.PutItem", 10000, [&](int i) {
    return R"({"TableName":")" + table + R"(","Item":{"pk":{"S":"key-)" + std::to_string(i) +
           R"("},"payload":{"S":")" + padding + R"("})" + attributes(i) + "}}";
  });
  std::printf("PutItem 1KB with %d GSIs: %.0f ops/s  p50 %.1f us  p99 %.1f us\n", count,
              put.ops_per_second, put.p50_us, put.p99_us);
}

}  // namespace

int main() {
  ddbpg::base::ManualClock clock;
  bench_clock = &clock;
  ddbpg::Engine engine(clock);
  engine.Handle("DynamoDB_20120810.CreateTable",
                R"({"TableName":"bench","BillingMode":"PAY_PER_REQUEST",)"
                R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
                R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]})");
  const int kItems = 20000;
  const std::string padding(1000, 'x');  // with the key, about 1 KB per item
  auto put_into = [&](const std::string& table) {
    return Measure(engine, "DynamoDB_20120810.PutItem", kItems, [&](int i) {
      return R"({"TableName":")" + table + R"(","Item":{"pk":{"S":"key-)" + std::to_string(i) +
             R"("},"payload":{"S":")" + padding + R"("}}})";
    });
  };
  KeepFreedMemory();
  engine.Handle("DynamoDB_20120810.CreateTable",
                R"({"TableName":"fresh","BillingMode":"PAY_PER_REQUEST",)"
                R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
                R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]})");
  Figures first_touch = put_into("fresh");
  engine.Handle("DynamoDB_20120810.DeleteTable", R"({"TableName":"fresh"})");
  const size_t heap_before = HeapBytesInUse();
  Figures put = put_into("bench");
  Figures get = Measure(engine, "DynamoDB_20120810.GetItem", kItems, [&](int i) {
    return R"({"TableName":"bench","Key":{"pk":{"S":"key-)" + std::to_string(i) + R"("}}})";
  });
  // Everything the engine keeps for the items: the items, their keys, partition statistics and
  // the per-key metrics, against the items' DynamoDB size (names and values, about 1,018 bytes).
  const double bytes_per_item =
      static_cast<double>(HeapBytesInUse() - heap_before) / static_cast<double>(kItems);
  std::printf("Memory per 1KB item: %.0f bytes (DynamoDB size about 1018 bytes)\n",
              bytes_per_item);
  std::printf("PutItem 1KB into fresh memory: %.0f ops/s  p50 %.1f us  p99 %.1f us\n",
              first_touch.ops_per_second, first_touch.p50_us, first_touch.p99_us);
  std::printf("PutItem 1KB: %.0f ops/s  p50 %.1f us  p99 %.1f us\n", put.ops_per_second,
              put.p50_us, put.p99_us);
  std::printf("GetItem 1KB: %.0f ops/s  p50 %.1f us  p99 %.1f us\n", get.ops_per_second,
              get.p50_us, get.p99_us);
  for (int indexes : {0, 1, 5}) MeasurePutWithIndexes(engine, indexes, padding);
  MeasureReads(engine, padding);
  MeasureSimulation(engine);
  return 0;
}
