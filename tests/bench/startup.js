// Startup time of the in-process engine from node: createDynamoDB() to the first answered
// request, for the first engine of a process and for later ones, and db.reset(). Prints
// figures; never fails on time.
import { createDynamoDB } from '../../wasm/index.js';

const runs = 20;
// The first engine of the process loads and compiles the wasm module.
let start = performance.now();
const first = await createDynamoDB();
await first.send('ListTables', {});
console.log(`startup to first response, first engine of the process: ${(performance.now() - start).toFixed(1)} ms`);
await first.close();

// Engines after the first share the module instance: what a test suite pays per fresh state,
// by a new engine or by db.reset().
const fresh = [];
const resets = [];
const db = await createDynamoDB();
for (let i = 0; i < runs; i++) {
  start = performance.now();
  const other = await createDynamoDB();
  await other.send('ListTables', {});
  fresh.push(performance.now() - start);
  await other.close();
  start = performance.now();
  await db.reset();
  resets.push(performance.now() - start);
}
await db.close();
const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
console.log(`createDynamoDB() after the first: median ${median(fresh).toFixed(2)} ms; db.reset(): median ${median(resets).toFixed(3)} ms`);
