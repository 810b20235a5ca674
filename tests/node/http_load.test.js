// The HTTP benchmark's load generator (tests/bench/http_load.js) with tiny numbers: against the
// playground's endpoint every phase runs and every answer passes verification, against the
// ceiling server (which answers `{}` to everything) the unverified mode completes, and a server
// answering wrongly is caught. A Query answer is checked by its keys, read from its bytes, and one
// in eight is parsed and compared in full: a wrong answer must be caught by the key check alone,
// in the check itself and in a run against a proxy that spoils every Query answer. Timing is the
// benchmark's business, never asserted here. In process, on the engine's virtual clock, the batch
// phase's keys take 48,000 items a second on the benchmark's table without a throttle, where
// 1,000 keys would overload a partition.

import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';

import { startCeilingServer } from '../bench/ceiling_server.js';
import {
  batchLayout, batchPutRequests, checkQueryAnswer, createTableRequest, formatLoad, layout, runLoad,
} from '../bench/http_load.js';
import { startServer } from '../../wasm/http_server.js';
import { createDynamoDB } from '../../wasm/index.js';

const TINY = { concurrency: 2, items: 100, durationSeconds: 0.2, warmupSeconds: 0 };
const PHASES = ['PutItem', 'GetItem', 'Query', 'Scan', 'BatchWriteItem'];

test('every phase against the playground endpoint, every answer verified, nothing throttled', async () => {
  const server = await startServer({ port: 0 }); // throttling on, as scripts/bench.sh runs it
  try {
    // The hook gets the load's client and table while the table holds every item: the
    // comparison counts the playground's partitions there.
    const whileHoldingTable = async ({ client, table }) => {
      const metrics = await client.call('Playground.GetMetrics', { TableName: table });
      return { status: metrics.status, items: metrics.body.Partitions.reduce((sum, p) => sum + p.ItemCount, 0) };
    };
    const result = await runLoad({ ...TINY, url: server.url, whileHoldingTable });
    assert.deepEqual(Object.keys(result.phases), PHASES);
    for (const [name, phase] of Object.entries(result.phases)) {
      assert.equal(phase.verificationErrors, 0, `${name}: ${JSON.stringify(phase.errorKinds)}`);
      assert.equal(phase.throttles, 0, `${name} throttled`);
      assert.ok(phase.operations > 0, `${name} did some operations`);
    }
    assert.equal(result.phases.PutItem.operations, 100);
    assert.equal(result.phases.Query.items, result.phases.Query.operations * 100, 'a Query reads 100 items');
    // Nothing wrong or throttled, so the answers verified in full are those numbered 0, 8, 16, ...
    const query = result.phases.Query;
    assert.equal(query.itemsVerifiedInFull, Math.ceil(query.operations / 8) * 100, 'one Query answer in 8 verified in full');
    assert.equal(query.itemsKeyChecked, query.items - query.itemsVerifiedInFull, 'the others by key');
    assert.match(formatLoad(result), /Query items verified: [\d,]+ in full .*, [\d,]+ by key only/);
    assert.equal(result.phases.Scan.items, result.phases.Scan.operations * 100, 'a Scan reads the whole table');
    assert.deepEqual(result.holdingTable, { status: 200, items: 100 });
  } finally {
    await server.close();
  }
});

test('putAndGetOnly: the PutItem and GetItem phases only, verified, and the table deleted after', async () => {
  const db = await createDynamoDB();
  const server = await startServer({ port: 0, db });
  try {
    const result = await runLoad({ ...TINY, url: server.url, putAndGetOnly: true });
    assert.deepEqual(Object.keys(result.phases), ['PutItem', 'GetItem']);
    assert.equal(result.phases.PutItem.operations, 100);
    assert.ok(result.phases.GetItem.operations > 0);
    assert.equal(result.phases.GetItem.verificationErrors, 0);
    assert.deepEqual((await db.send('ListTables', {})).TableNames, []);
  } finally {
    await server.close();
    await db.close();
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

// A Query of the range of 100 items of partition key p3 from sort key 50, on a table of 2,000
// items (10 partition keys of 200), and its right answer as the playground writes it: compact,
// an item's attributes in name order (the key check must not depend on that order).
const QUERY_TABLE_ITEMS = 2000;
const queryKeys = layout(QUERY_TABLE_ITEMS);
const QUERY = { partition: 3, first: 50, range: 100 };
const itemAt = (partition, sort) => {
  const { pk, sk, payload } = queryKeys.itemOf('p', queryKeys.indexOfKey(partition, sort));
  return { payload, pk, sk };
};
const rangeItems = () => Array.from({ length: QUERY.range }, (_, n) => itemAt(QUERY.partition, QUERY.first + n));
const queryAnswer = (items, count = items.length) => JSON.stringify({ Count: count, Items: items, ScannedCount: count });
const checkByKey = (text) => checkQueryAnswer(Buffer.from(text), queryKeys, QUERY_TABLE_ITEMS, { ...QUERY, inFull: false });
const checkInFull = (text) => checkQueryAnswer(Buffer.from(text), queryKeys, QUERY_TABLE_ITEMS, { ...QUERY, inFull: true });

const NOT_THE_RANGE_LENGTH = 'Query returned more or fewer items than its range holds';
const NOT_THE_RANGE_IN_ORDER = 'Query did not return the items of its range, in sort key order';

// A wrong answer is caught by the key check (what 7 answers in 8 get) as `kind`, and in full too.
function assertCaught(text, kind) {
  assert.equal(checkByKey(text), kind, 'caught by the key check');
  assert.ok(checkInFull(text), 'caught by the full check');
}

test('a right Query answer passes the key check and the full check, whatever its attribute order', () => {
  const items = rangeItems();
  assert.equal(checkByKey(queryAnswer(items)), undefined);
  assert.equal(checkInFull(queryAnswer(items)), undefined);
  const keysFirst = items.map(({ payload, pk, sk }) => ({ sk, pk, payload }));
  assert.equal(checkByKey(queryAnswer(keysFirst)), undefined);
  assert.equal(checkInFull(queryAnswer(keysFirst)), undefined);
});

test('the key check catches a Query answer missing an item, its Count agreeing', () => {
  const items = rangeItems();
  assertCaught(queryAnswer(items.toSpliced(40, 1)), NOT_THE_RANGE_LENGTH);
  assertCaught(queryAnswer(items.slice(0, -1)), NOT_THE_RANGE_LENGTH);
});

test('the key check catches a Query answer with an item out of order', () => {
  const items = rangeItems();
  [items[40], items[41]] = [items[41], items[40]];
  assertCaught(queryAnswer(items), NOT_THE_RANGE_IN_ORDER);
});

test('the key check catches a Query answer whose Count is not its number of items', () => {
  assertCaught(queryAnswer(rangeItems(), 99), 'Query Count is not its number of items');
  assertCaught(queryAnswer(rangeItems(), 101), 'Query Count is not its number of items');
});

test('the key check catches a Query answer with an item of another partition key', () => {
  const items = rangeItems();
  items[40] = itemAt(QUERY.partition + 1, QUERY.first + 40); // the right sort key
  assertCaught(queryAnswer(items), NOT_THE_RANGE_IN_ORDER);
});

test('the key check catches a Query answer with an item twice', () => {
  const items = rangeItems();
  assertCaught(queryAnswer(items.with(41, items[40])), NOT_THE_RANGE_IN_ORDER); // in place of another
  assertCaught(queryAnswer([...items, items[99]]), NOT_THE_RANGE_LENGTH); // one more
});

test("the key check does not count a LastEvaluatedKey's key as an item, wherever it is in the answer", () => {
  const items = rangeItems();
  const lastKey = { pk: items[99].pk, sk: items[99].sk };
  const withLastKey = (before) => JSON.stringify(before
    ? { LastEvaluatedKey: lastKey, Count: items.length, Items: items }
    : { Count: items.length, Items: items, LastEvaluatedKey: lastKey, ScannedCount: items.length });
  for (const before of [true, false]) {
    assert.equal(checkByKey(withLastKey(before)), undefined, `LastEvaluatedKey ${before ? 'before' : 'after'} Items`);
    assert.equal(checkInFull(withLastKey(before)), undefined);
  }
});

test('the key check catches a key number in another spelling and an item without its sort key', () => {
  const text = queryAnswer(rangeItems());
  const spelledWithZero = text.replace('"sk":{"N":"90"}', '"sk":{"N":"090"}');
  assert.notEqual(spelledWithZero, text);
  assertCaught(spelledWithZero, 'Query item key unreadable');
  const items = rangeItems();
  const { sk, ...withoutSortKey } = items[40];
  assert.ok(sk);
  assertCaught(queryAnswer(items.with(40, withoutSortKey)), 'Query item without its partition key or sort key');
});

test('a Query item with a wrong payload is caught only by the full check (why one answer in 8 is parsed)', () => {
  const items = rangeItems();
  items[40] = { ...items[40], payload: { S: 'not what was written' } };
  assert.equal(checkByKey(queryAnswer(items)), undefined);
  assert.equal(checkInFull(queryAnswer(items)), 'wrong item in Query');
});

// A proxy to the endpoint at `target` that passes every request and answer on, but those
// `rewrite` replaces: it is given the operation, the status and the body (bytes) of each answer and
// returns { status, body } to send instead, or nothing to pass the answer on as it is.
async function startRewritingProxy(target, rewrite) {
  const agent = new http.Agent({ keepAlive: true });
  const proxy = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk)).on('end', () => {
      const { hostname, port } = new URL(target);
      http.request({ host: hostname, port, method: request.method, path: request.url, headers: request.headers, agent }, (answer) => {
        const parts = [];
        answer.on('data', (part) => parts.push(part)).on('end', () => {
          const operation = request.headers['x-amz-target']?.split('.')[1];
          const { status = answer.statusCode, body = Buffer.concat(parts) } =
            rewrite(operation, answer.statusCode, Buffer.concat(parts)) ?? {};
          response.writeHead(status, { 'Content-Type': answer.headers['content-type'] }).end(body);
        });
      }).end(Buffer.concat(chunks));
    });
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${proxy.address().port}`,
    close: () => {
      proxy.close();
      proxy.closeAllConnections();
      agent.destroy();
    },
  };
}

// A proxy whose Query answers of status 200 `spoil` changes (parsed, then written back compact).
const startSpoilingProxy = (target, spoil) => startRewritingProxy(target, (operation, status, body) =>
  (operation === 'Query' && status === 200 ? { body: Buffer.from(JSON.stringify(spoil(JSON.parse(body)))) } : undefined));

test('in a run, every Query answer missing an item is caught, not only those verified in full', async () => {
  const server = await startServer({ port: 0 });
  const proxy = await startSpoilingProxy(server.url, (body) => ({ ...body, Items: body.Items.slice(0, -1), Count: body.Count - 1 }));
  try {
    const result = await runLoad({ ...TINY, url: proxy.url });
    const query = result.phases.Query;
    // The phase's two workers start answers 0 and 1 at once, so there are at least two, and answer
    // 1 (as every one numbered other than 0, 8, 16, ...) was checked by key only.
    assert.ok(query.verificationErrors >= 2, `answers checked by key only among the wrong: ${query.verificationErrors}`);
    assert.equal(query.operations, 0, 'no answer counted as done');
    assert.deepEqual(Object.keys(query.errorKinds), [NOT_THE_RANGE_LENGTH]);
    for (const name of ['PutItem', 'GetItem', 'Scan']) assert.equal(result.phases[name].verificationErrors, 0, name);
  } finally {
    proxy.close();
    await server.close();
  }
});

test('a read-back refused for capacity is tried again, not counted as an item lost', async () => {
  const server = await startServer({ port: 0 });
  // Once the batch phase has begun, every other GetItem is answered as a throttled read.
  let batchesSeen = false;
  let getItems = 0;
  let refused = 0;
  const proxy = await startRewritingProxy(server.url, (operation) => {
    if (operation === 'BatchWriteItem') batchesSeen = true;
    if (operation !== 'GetItem' || !batchesSeen || getItems++ % 2 === 1) return undefined;
    refused++;
    return {
      status: 400,
      body: JSON.stringify({
        __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
        message: 'The level of configured provisioned throughput for the table was exceeded.',
      }),
    };
  });
  try {
    const result = await runLoad({ ...TINY, url: proxy.url });
    assert.ok(refused > 0, 'read-backs were refused');
    const batch = result.phases.BatchWriteItem;
    assert.equal(batch.verificationErrors, 0, JSON.stringify(batch.errorKinds));
  } finally {
    proxy.close();
    await server.close();
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
