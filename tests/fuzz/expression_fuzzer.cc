// libFuzzer entry for the expression parser and evaluator (scripts/fuzz.sh builds it).
#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ddbpg::fuzz::FuzzExpression(data, size);
  return 0;
}
