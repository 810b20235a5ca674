#!/usr/bin/env bash
# Sets up, builds, and serves the playground page and the DynamoDB endpoint on localhost.
# Usage: scripts/serve.sh [--port N]   (default 8000)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh
exec node wasm/cli.js "$@"
