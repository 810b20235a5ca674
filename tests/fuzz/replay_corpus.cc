// Replays the committed fuzz corpora (tests/fuzz/corpus/<target>/) through the fuzz targets, so
// every input the fuzzer ever kept stays a regression test in the ordinary test run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_targets.h"

namespace ddbpg::fuzz {
namespace {

std::vector<std::string> CorpusOf(const std::string& target) {
  std::vector<std::string> inputs;
  std::filesystem::path directory = std::filesystem::path(DDBPG_FUZZ_CORPUS_DIR) / target;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    std::ifstream file(entry.path(), std::ios::binary);
    inputs.emplace_back(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  }
  return inputs;
}

TEST(ReplayCorpusTest, ExpressionCorpusRunsCleanly) {
  std::vector<std::string> inputs = CorpusOf("expression");
  EXPECT_GT(inputs.size(), 10u);
  for (const std::string& input : inputs) {
    FuzzExpression(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  }
}

TEST(ReplayCorpusTest, HandleCorpusRunsCleanly) {
  std::vector<std::string> inputs = CorpusOf("handle");
  EXPECT_GT(inputs.size(), 10u);
  for (const std::string& input : inputs) {
    FuzzHandle(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  }
}

}  // namespace
}  // namespace ddbpg::fuzz
