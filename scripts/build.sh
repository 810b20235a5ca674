#!/usr/bin/env bash
# Builds both trees: build/native (engine, GoogleTest suite, benchmark) and build/wasm (the
# engine module for node and the browser in wasm/generated/, and the GoogleTest suite as wasm),
# then the tutorial site in site/tutorial/.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's Emscripten runs its JS optimizer on the machine's node, which needs Debian's acorn.
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)

if [ ! -f build/native/build.ninja ]; then
  cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build/native -j "$jobs"

if [ ! -f build/wasm/build.ninja ]; then
  emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build/wasm -j "$jobs"

# The tutorial site (docs/tutorial/*.md rendered into site/tutorial/, served beside the page).
node scripts/build_site.js >/dev/null
