// Prints issue #15's in-process goals from the two bench_handle runs (native and wasm under
// node), as ratios of figures from this run: GetItem >= 300k ops/s natively, PutItem >= 200k,
// Query and Scan >= 1M items/s, and wasm >= 0.6x native on each. Never fails on time.
//
//   node tests/bench/in_process_goals.js NATIVE_OUTPUT_FILE WASM_OUTPUT_FILE

import { readFileSync } from 'node:fs';

const GOALS = [
  { label: 'PutItem ops/s', figure: 'PutItem 1KB', unit: 'ops/s', native: 200_000 },
  { label: 'GetItem ops/s', figure: 'GetItem 1KB', unit: 'ops/s', native: 300_000 },
  { label: 'Query items/s', figure: 'Query 1KB items', unit: 'items/s', native: 1_000_000 },
  { label: 'Scan items/s', figure: 'Scan 1KB items', unit: 'items/s', native: 1_000_000 },
];
const WASM_SHARE_GOAL = 0.6;

/** The figure printed as "<name>: <number> <unit>" in a bench_handle output, or null. */
export function figureOf(output, name, unit) {
  for (const line of output.split('\n')) {
    if (!line.startsWith(`${name}: `)) continue;
    const match = line.slice(name.length + 2).match(/^(\d+(?:\.\d+)?) (\S+)/);
    if (match && match[2] === unit) return Number(match[1]);
  }
  return null;
}

export function goalRows(nativeOutput, wasmOutput) {
  return GOALS.map(({ label, figure, unit, native: goal }) => {
    const native = figureOf(nativeOutput, figure, unit);
    const wasm = figureOf(wasmOutput, figure, unit);
    const share = native && wasm !== null ? wasm / native : null;
    return { label, native, wasm, goal, nativeMet: native !== null && native >= goal, share, shareMet: share !== null && share >= WASM_SHARE_GOAL };
  });
}

function main([nativeFile, wasmFile]) {
  const rows = goalRows(readFileSync(nativeFile, 'utf8'), readFileSync(wasmFile, 'utf8'));
  const number = (n) => (n === null ? '-' : Math.round(n).toLocaleString('en-US'));
  const yes = (met) => (met ? 'yes' : 'no');
  console.log('== the in-process goals of issue #15 (1 KB items, through handle()), from the runs above');
  console.log(`${'figure'.padEnd(24)}${'native'.padStart(12)}${'goal'.padStart(12)}  met${'wasm'.padStart(12)}  wasm/native (goal >= ${WASM_SHARE_GOAL}x)  met`);
  for (const row of rows) {
    console.log(
      `${row.label.padEnd(24)}${number(row.native).padStart(12)}${number(row.goal).padStart(12)}  ${yes(row.nativeMet).padEnd(3)}` +
      `${number(row.wasm).padStart(12)}  ${(row.share === null ? '-' : `${row.share.toFixed(2)}x`).padEnd(30)}${yes(row.shareMet)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
