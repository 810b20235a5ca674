// The in-process goals table reads bench_handle's figures by name and unit and judges each goal.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { figureOf, goalRows } from '../bench/in_process_goals.js';

const NATIVE = `PutItem 1KB: 250000 ops/s  p50 3.0 us  p99 9.0 us
GetItem 1KB: 290000 ops/s  p50 2.0 us  p99 5.0 us
PutItem 1KB with 0 GSIs: 1 ops/s  p50 1.0 us  p99 1.0 us
Query 1KB items: 1200000 items/s
Scan 1KB items: 900000 items/s
`;
const WASM = `PutItem 1KB: 100000 ops/s  p50 8.0 us  p99 20.0 us
GetItem 1KB: 200000 ops/s  p50 4.0 us  p99 9.0 us
Query 1KB items: 800000 items/s
`;

test('a figure is read by its exact name and unit', () => {
  assert.equal(figureOf(NATIVE, 'PutItem 1KB', 'ops/s'), 250000);
  assert.equal(figureOf(NATIVE, 'Query 1KB items', 'items/s'), 1200000);
  assert.equal(figureOf(NATIVE, 'Query 1KB items', 'ops/s'), null);
  assert.equal(figureOf(WASM, 'Scan 1KB items', 'items/s'), null);
});

test('each goal is judged natively and as the wasm share of native', () => {
  const rows = Object.fromEntries(goalRows(NATIVE, WASM).map((row) => [row.label, row]));
  assert.deepEqual(
    Object.keys(rows),
    ['PutItem ops/s', 'GetItem ops/s', 'Query items/s', 'Scan items/s'],
  );
  assert.equal(rows['PutItem ops/s'].nativeMet, true); // 250k >= 200k
  assert.equal(rows['PutItem ops/s'].shareMet, false); // 0.4x
  assert.equal(rows['GetItem ops/s'].nativeMet, false); // 290k < 300k
  assert.ok(Math.abs(rows['GetItem ops/s'].share - 200 / 290) < 1e-9);
  assert.equal(rows['GetItem ops/s'].shareMet, true);
  assert.equal(rows['Query items/s'].shareMet, true); // 0.67x
  assert.equal(rows['Scan items/s'].wasm, null);
  assert.equal(rows['Scan items/s'].share, null);
  assert.equal(rows['Scan items/s'].shareMet, false);
});
