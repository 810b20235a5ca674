#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, AddressSanitizer and UBSan, and runs one.
# Usage: scripts/fuzz.sh expression|handle [seconds]   (default 600)
# New inputs the fuzzer keeps go to tests/fuzz/corpus/<target>/, which the tests replay.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh expression|handle [seconds]}
seconds=${2:-600}
mkdir -p build/fuzz
sources=$(ls engine/*/*.cc | tr '\n' ' ')
clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I. $sources tests/fuzz/fuzz_targets.cc "tests/fuzz/${target}_fuzzer.cc" \
  -o "build/fuzz/${target}_fuzzer"
mkdir -p "tests/fuzz/corpus/${target}"
"build/fuzz/${target}_fuzzer" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
  "tests/fuzz/corpus/${target}"
