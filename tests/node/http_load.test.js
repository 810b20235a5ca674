// The HTTP benchmark's load generator (tests/bench/http_load.js) with tiny numbers: against the
// playground's endpoint every phase runs and every answer passes verification, against the
// ceiling server (which answers `{}` to everything) the unverified mode completes, and a server
// answering wrongly is caught. Timing is the benchmark's business, never asserted here. In
// process, on the engine's virtual clock, the batch phase's keys take 48,000 items a second on
// the benchmark's table without a throttle, where 1,000 keys would overload a partition.

import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';

import { startCeilingServer } from '../bench/ceiling_server.js';
import { batchLayout, batchPutRequests, createTableRequest, runLoad } from '../bench/http_load.js';
import { startServer } from '../../wasm/http_server.js';
import { createDynamoDB } from '../../wasm/index.js';

const TINY = { concurrency: 2, items: 100, durationSeconds: 0.2, warmupSeconds: 0 };
const PHASES = ['PutItem', 'GetItem', 'Query', 'Scan', 'BatchWriteItem'];

test('every phase against the playground endpoint, every answer verified, nothing throttled', async () => {
  const server = await startServer({ port: 0 }); // throttling on, as scripts/bench.sh runs it
  try {
    const result = await runLoad({ ...TINY, url: server.url, whileHoldingTable: () => 'called' });
    assert.deepEqual(Object.keys(result.phases), PHASES);
    for (const [name, phase] of Object.entries(result.phases)) {
      assert.equal(phase.verificationErrors, 0, `${name}: ${JSON.stringify(phase.errorKinds)}`);
      assert.equal(phase.throttles, 0, `${name} throttled`);
      assert.ok(phase.operations > 0, `${name} did some operations`);
    }
    assert.equal(result.phases.PutItem.operations, 100);
    assert.equal(result.phases.Query.items, result.phases.Query.operations * 100, 'a Query reads 100 items');
    assert.equal(result.phases.Scan.items, result.phases.Scan.operations * 100, 'a Scan reads the whole table');
    assert.equal(result.holdingTable, 'called');
  } finally {
    await server.close();
  }
});

test('the ceiling server, answers not verified: every phase completes', async () => {
  const { server, url } = await startCeilingServer();
  try {
    const result = await runLoad({ ...TINY, url, verify: false });
    assert.deepEqual(Object.keys(result.phases), PHASES);
    for (const phase of Object.values(result.phases)) assert.equal(phase.verificationErrors, 0);
  } finally {
    server.close();
  }
});

test('a wrong answer is counted as a verification error, never as an operation done', async () => {
  // A server that creates tables but answers `{}` to everything else: right for PutItem and
  // BatchWriteItem, wrong for every read.
  const liar = http.createServer((request, response) => {
    const operation = request.headers['x-amz-target']?.split('.')[1];
    const body = operation === 'DescribeTable' ? { Table: { TableStatus: 'ACTIVE' } } : {};
    request.resume().on('end', () => response.end(JSON.stringify(body)));
  });
  await new Promise((resolve) => liar.listen(0, '127.0.0.1', resolve));
  try {
    const result = await runLoad({ ...TINY, url: `http://127.0.0.1:${liar.address().port}` });
    assert.equal(result.phases.PutItem.verificationErrors, 0);
    for (const name of ['GetItem', 'Query', 'Scan']) {
      assert.ok(result.phases[name].verificationErrors > 0, `${name} wrong answers counted`);
      assert.equal(result.phases[name].operations, 0, `${name}: no wrong answer counted as done`);
    }
    assert.ok(result.phases.BatchWriteItem.verificationErrors > 0, 'acknowledged batches that cannot be read back');
  } finally {
    liar.close();
  }
});

// Writes `itemsPerSecond` of the batch phase's items for `seconds` seconds of virtual time on the
// benchmark's table; returns the writes that came back unprocessed (throttled).
async function unprocessedBatchWrites({ partitionKeys, itemsPerSecond, seconds }) {
  const db = await createDynamoDB();
  try {
    await db.send('Playground.SetClock', { Mode: 'VIRTUAL' });
    await db.send('CreateTable', createTableRequest('bench'));
    const keys = batchLayout(partitionKeys);
    const batchesPerSecond = itemsPerSecond / batchPutRequests(keys, 0).length;
    let unprocessed = 0;
    for (let second = 0, batch = 0; second < seconds; second++) {
      for (let n = 0; n < batchesPerSecond; n++, batch++) {
        const answer = await db.send('BatchWriteItem', { RequestItems: { bench: batchPutRequests(keys, batch) } });
        unprocessed += answer.UnprocessedItems.bench?.length ?? 0;
      }
      await db.send('Playground.AdvanceClock', { Seconds: 1 });
    }
    return unprocessed;
  } finally {
    db.close();
  }
}

test('the batch phase\'s keys take more than the table\'s 40,000 WCU a second without a throttle', async () => {
  // The table's burst covers the seconds above its provisioned rate; its partitions are the limit.
  assert.equal(await unprocessedBatchWrites({ partitionKeys: 100_000, itemsPerSecond: 48_000, seconds: 2 }), 0);
});

test('on 1,000 keys the same load overloads a partition and is throttled', async () => {
  assert.ok(await unprocessedBatchWrites({ partitionKeys: 1000, itemsPerSecond: 48_000, seconds: 2 }) > 0);
});
