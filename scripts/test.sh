#!/usr/bin/env bash
# The whole test suite from a fresh clone: set-up, both builds, then every test layer
# (engine natively and as wasm under node, the JS API and HTTP endpoint under node, the page in
# headless Chromium). Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh

echo "== engine tests (native)"
ctest --test-dir build/native --output-on-failure
echo "== engine tests (wasm under node)"
ctest --test-dir build/wasm --output-on-failure
echo "== node tests (JS API, HTTP endpoint, AWS SDK)"
node --test tests/node/
echo "== browser tests (headless Chromium)"
node --test tests/browser/
echo "== all tests passed"
