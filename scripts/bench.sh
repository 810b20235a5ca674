#!/usr/bin/env bash
# Prints benchmark figures (never fails on time): PutItem/GetItem throughput natively and in
# wasm under node, the JS API's startup time, and the wasm module's size.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null

echo "== native"
build/native/tests/bench_handle
echo "== wasm under node"
node --no-experimental-fetch build/wasm/tests/bench_handle.js
echo "== module"
node tests/bench/startup.js
echo "wasm size: $(stat -c %s wasm/generated/ddbpg_engine.wasm) bytes" \
  "($(gzip -9c wasm/generated/ddbpg_engine.wasm | wc -c) gzipped)"
