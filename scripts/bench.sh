#!/usr/bin/env bash
# Prints benchmark figures (never fails on time): PutItem/GetItem throughput natively and in
# wasm under node, persistence (acknowledged writes with and without durability, journal bytes
# per write, reopen time), the page's load to interactive and an embed's load to first answer,
# the JS API's startup time and the endpoint's start to first answer, the wasm module's size,
# and the HTTP comparison of issue #15: the same load against the playground's endpoint, a bare
# node HTTP server (the ceiling) and dynalite from npm, with the issue's goals as ratios.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'EOF'
Usage: scripts/bench.sh [--http] [--concurrency C] [--items N] [--duration S] [--warmup S]

  --http           only the startup figures and the HTTP comparison (no build, no in-process,
                   persistence or page figures); needs a built module in wasm/generated/
  --concurrency C  HTTP requests in flight (default 16)
  --items N        items of 1 KB written over HTTP (default 10000: the 10 MB table)
  --duration S     seconds per timed HTTP phase (default 3)
  --warmup S       unmeasured seconds before each HTTP phase (default 1)
EOF
}

http_only=false
concurrency=16
items=10000
duration=3
warmup=1
while [ $# -gt 0 ]; do
  case "$1" in
    --http) http_only=true ;;
    --concurrency) concurrency=$2; shift ;;
    --items) items=$2; shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

in_process_figures() {
  local figures
  figures=$(mktemp -d)
  echo "== native"
  build/native/tests/bench_handle | tee "$figures/native.txt"
  echo "== wasm under node"
  node --no-experimental-fetch build/wasm/tests/bench_handle.js | tee "$figures/wasm.txt"
  node tests/bench/in_process_goals.js "$figures/native.txt" "$figures/wasm.txt"
  rm -rf "$figures"
  echo "== the AWS SDK v3 in process (db.requestHandler()) and over HTTP"
  node tests/bench/sdk_handler.js 2>/dev/null
  echo "== persistence (node, then the page in headless Chromium)"
  node tests/bench/persistence.js
  node tests/bench/persistence_page.js
  echo "== the page and an embed, from load to first answer (headless Chromium)"
  node tests/bench/page_load.js
}

module_figures() {
  echo "== module"
  node tests/bench/startup.js
  for module in ddbpg_engine ddbpg_page; do
    file=wasm/generated/$module.wasm
    [ -f "$file" ] || continue
    echo "$module.wasm: $(stat -c %s "$file") bytes ($(gzip -9c "$file" | wc -c) gzipped)"
  done
  # Issue #15: the engine module no larger than 1.2 MB, 386 KB gzipped (aim: under 1 MB).
  file=wasm/generated/ddbpg_engine.wasm
  if [ -f "$file" ]; then
    awk -v bytes="$(stat -c %s "$file")" -v gzipped="$(gzip -9c "$file" | wc -c)" 'BEGIN {
      printf "engine module vs goal: %.2fx of 1,200,000 bytes, %.2fx of 386,000 gzipped\n",
             bytes / 1200000, gzipped / 386000 }'
  fi
}

# The servers this script starts, stopped on any exit (success, failure or Ctrl-C).
server_pids=()
scratch=""
stop_servers() {
  for pid in ${server_pids[@]+"${server_pids[@]}"}; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  [ -z "$scratch" ] || rm -rf "$scratch"
}
trap stop_servers EXIT

# Three ports free a moment ago.
free_ports() {
  node -e '
    const net = require("node:net");
    const probes = [0, 1, 2].map(() => net.createServer().listen(0, "127.0.0.1"));
    Promise.all(probes.map((p) => new Promise((r) => p.on("listening", r)))).then(() => {
      console.log(probes.map((p) => p.address().port).join(" "));
      probes.forEach((p) => p.close());
    });'
}

# dynalite 4.0.0 from npm into the scratch directory (never into the repository); returns
# non-zero without npm or a network, and the comparison goes on without it.
install_dynalite() {
  command -v npm >/dev/null || return 1
  (cd "$scratch/dynalite" && npm init -y >/dev/null &&
    timeout 300 npm install --no-audit --no-fund --loglevel=error dynalite@4.0.0 >npm.log 2>&1)
}

http_comparison() {
  echo "== HTTP: the playground's endpoint, the ceiling (node answering {}) and dynalite, the same load"
  scratch=$(mktemp -d)
  mkdir "$scratch/dynalite"
  local playground_port ceiling_port dynalite_port
  read -r playground_port ceiling_port dynalite_port < <(free_ports)

  node wasm/cli.js --port "$playground_port" --no-page >"$scratch/playground.log" 2>&1 &
  server_pids+=($!)
  local playground_pid=$!
  node tests/bench/ceiling_server.js --port "$ceiling_port" >"$scratch/ceiling.log" 2>&1 &
  server_pids+=($!)
  local ceiling_pid=$!

  local dynalite_args
  if install_dynalite; then
    node "$scratch/dynalite/node_modules/dynalite/cli.js" --host 127.0.0.1 --port "$dynalite_port" \
      --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 >"$scratch/dynalite.log" 2>&1 &
    server_pids+=($!)
    dynalite_args=(--dynalite "http://127.0.0.1:$dynalite_port" --dynalite-pid "$!")
  else
    echo "dynalite skipped: npm install dynalite@4.0.0 failed (no npm or no network); playground vs ceiling only"
    dynalite_args=(--dynalite-skipped "npm install dynalite@4.0.0 failed")
  fi

  node tests/bench/http_compare.js \
    --playground "http://127.0.0.1:$playground_port" --playground-pid "$playground_pid" \
    --ceiling "http://127.0.0.1:$ceiling_port" --ceiling-pid "$ceiling_pid" \
    "${dynalite_args[@]}" \
    --concurrency "$concurrency" --items "$items" --duration "$duration" --warmup "$warmup"
}

if $http_only; then
  [ -f wasm/generated/ddbpg_engine.wasm ] || { echo "bench.sh: no wasm/generated/ddbpg_engine.wasm; run scripts/build.sh" >&2; exit 1; }
else
  bash scripts/build.sh >/dev/null
  in_process_figures
fi
module_figures
http_comparison
