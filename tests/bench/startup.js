// Startup time of the in-process engine from node: createDynamoDB() to the first answered
// request, for the first engine of a process and for later ones, and db.reset(); and of the HTTP
// endpoint: `node wasm/cli.js` started to its first answer. Prints figures; never fails on time.
import { spawn } from 'node:child_process';
import net from 'node:net';

import { createDynamoDB } from '../../wasm/index.js';
import { waitUntilAnswering } from './ddb_http_client.js';

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

// A port free a moment ago (the endpoint is told its port, so the first answer can be awaited
// without reading what it prints).
function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// A server in a new process, from spawn to its first answered ListTables: for the endpoint, what
// a test suite or a developer waits for after `dynamodb-playground`.
async function serverStartToFirstAnswer(script, ...args) {
  const port = await freePort();
  const started = performance.now();
  const server = spawn(process.execPath, [script, '--port', String(port), ...args], {
    cwd: new URL('../../', import.meta.url), stdio: 'ignore',
  });
  const stopServer = () => server.kill();
  process.once('exit', stopServer); // even if this script fails
  try {
    return await waitUntilAnswering(`http://127.0.0.1:${port}`, { since: started });
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill();
    await exited;
    process.off('exit', stopServer);
  }
}

// The ceiling server (node answering `{}`) is the floor: node's own start and first answer.
const endpointStarts = [];
const bareNodeStarts = [];
for (let i = 0; i < 5; i++) {
  endpointStarts.push(await serverStartToFirstAnswer('wasm/cli.js', '--no-page'));
  bareNodeStarts.push(await serverStartToFirstAnswer('tests/bench/ceiling_server.js'));
}
console.log(`HTTP endpoint (node wasm/cli.js --no-page) start to first answer: median of 5 ${median(endpointStarts).toFixed(0)} ms ` +
  `(a bare node HTTP server: ${median(bareNodeStarts).toFixed(0)} ms)`);
