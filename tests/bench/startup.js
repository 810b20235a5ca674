// Startup time of the in-process engine from node: createDynamoDB() to the first answered
// request, averaged over fresh instances. Prints figures; never fails on time.
import { createDynamoDB } from '../../wasm/index.js';

const runs = 20;
const timings = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const db = await createDynamoDB();
  await db.send('ListTables', {});
  timings.push(performance.now() - start);
  db.close();
}
timings.sort((a, b) => a - b);
console.log(
  `startup to first response: first ${timings[0].toFixed(1)} ms, ` +
    `median ${timings[runs >> 1].toFixed(1)} ms over ${runs} fresh engines`,
);
