#!/usr/bin/env bash
# Prints benchmark figures (never fails on time): PutItem/GetItem throughput natively and in
# wasm under node, persistence (acknowledged writes with and without durability, journal bytes
# per write, reopen time), the page's load to interactive and an embed's load to first answer,
# the JS API's startup time, and the wasm module's size.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null

echo "== native"
build/native/tests/bench_handle
echo "== wasm under node"
node --no-experimental-fetch build/wasm/tests/bench_handle.js
echo "== the AWS SDK v3 in process (db.requestHandler()) and over HTTP"
node tests/bench/sdk_handler.js 2>/dev/null
echo "== persistence (node, then the page in headless Chromium)"
node tests/bench/persistence.js
node tests/bench/persistence_page.js
echo "== the page and an embed, from load to first answer (headless Chromium)"
node tests/bench/page_load.js
echo "== module"
node tests/bench/startup.js
for module in ddbpg_engine ddbpg_page; do
  file=wasm/generated/$module.wasm
  [ -f "$file" ] || continue
  echo "$module.wasm: $(stat -c %s "$file") bytes ($(gzip -9c "$file" | wc -c) gzipped)"
done
