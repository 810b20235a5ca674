// The page's pure modules, under node: the plain/DynamoDB JSON item conversion (a seeded
// round-trip property), the Query the item browser's form builds (run against the engine), the
// partition names and figures the Partitions panel and the heat view's table read, and money
// written for people.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { createDynamoDB } from '../../wasm/index.js';
import { describeResponseCapacity } from '../../web/js/consumed_capacity.js';
import { cellText, toDynamoItem, toPlainItem } from '../../web/js/item_json.js';
import { buildQuery } from '../../web/js/item_query.js';
import { formatDollars, formatUnits, namedPartitions, partitionLimits } from '../../web/js/partition_figures.js';
import { summarisePartition } from '../../web/js/heat_summary.js';
import { seededRandom as random } from './support/seeded_random.js';

const AWKWARD = ['', 'a', 'Ünïcødé', 'quote " and \\ back', 'new\nline', '😀', '0', 'true', 'null'];

function plainValue(next, depth) {
  const kind = Math.floor(next() * (depth > 2 ? 4 : 6));
  switch (kind) {
    case 0: return AWKWARD[Math.floor(next() * AWKWARD.length)];
    case 1: return Math.round((next() - 0.5) * 1e6) / (next() < 0.5 ? 1 : 100);
    case 2: return next() < 0.5;
    case 3: return null;
    case 4: return Array.from({ length: Math.floor(next() * 3) }, () => plainValue(next, depth + 1));
    default: return Object.fromEntries(Array.from({ length: Math.floor(next() * 3) }, (_, i) => [`k${i}`, plainValue(next, depth + 1)]));
  }
}

describe('plain and DynamoDB JSON items', () => {
  test('plain -> DynamoDB -> plain is the identity, and the engine stores what was meant (seeded)', async () => {
    const db = await createDynamoDB();
    await db.send('CreateTable', {
      TableName: 'Things', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    });
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      for (let n = 0; n < 40; n++) {
        const plain = { id: `item-${seed}-${n}` };
        for (let a = 0; a < 4; a++) plain[`a${a}`] = plainValue(next, 0);
        const dynamo = toDynamoItem(plain);
        assert.deepEqual(toPlainItem(dynamo), { item: plain, losses: [] }, `seed ${seed} item ${n}`);
        await db.send('PutItem', { TableName: 'Things', Item: dynamo });
        const { Item } = await db.send('GetItem', { TableName: 'Things', Key: { id: { S: plain.id } } });
        assert.deepEqual(toPlainItem(Item).item, plain, `seed ${seed} item ${n} through the engine`);
      }
    }
    await db.close();
  });

  test('what plain JSON cannot keep is named, never silently dropped', () => {
    const { item, losses } = toPlainItem({
      tags: { SS: ['a', 'b'] }, blob: { B: 'AAE=' }, big: { N: '12345678901234567890' }, ok: { N: '42' },
    });
    assert.deepEqual(item.tags, ['a', 'b']);
    assert.equal(item.ok, 42);
    assert.deepEqual(losses, [
      'tags is a set (SS); plain JSON makes it a list',
      'blob is binary; plain JSON makes it a base64 string',
      'big is a number a JavaScript number cannot hold exactly',
    ]);
  });

  test('an item must be an object of attributes; non-finite numbers are refused', () => {
    assert.throws(() => toDynamoItem([1]), /An item is a JSON object/);
    assert.throws(() => toDynamoItem('x'), /An item is a JSON object/);
    assert.throws(() => toDynamoItem({ n: Infinity }), /n is not a finite number/);
    assert.throws(() => toPlainItem({ x: { Q: 1 } }), /x is not a DynamoDB AttributeValue/);
  });

  test('grid cells show strings and numbers bare, the rest as plain JSON', () => {
    assert.equal(cellText({ S: 'Acme' }), 'Acme');
    assert.equal(cellText({ N: '1.50' }), '1.50');
    assert.equal(cellText({ M: { a: { BOOL: true } } }), '{"a":true}');
    assert.equal(cellText({ B: 'AAE=' }), '(binary) AAE=');
  });
});

describe('the Query form', () => {
  const keys = { partition: { name: 'Year', type: 'N' }, sort: { name: 'Name', type: 'S' } };

  test('builds a Query that the engine runs, reserved words included', async () => {
    const db = await createDynamoDB();
    await db.send('CreateTable', {
      TableName: 'Films', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'Year', AttributeType: 'N' }, { AttributeName: 'Name', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'Year', KeyType: 'HASH' }, { AttributeName: 'Name', KeyType: 'RANGE' }],
    });
    for (const [name, rating] of [['Alien', 8], ['Apocalypse Now', 9], ['Being There', 7]]) {
      await db.send('PutItem', { TableName: 'Films', Item: { Year: { N: '1979' }, Name: { S: name }, Rating: { N: String(rating) } } });
    }
    const run = async (form) => (await db.send('Query', buildQuery('Films', keys, form))).Items.map((item) => item.Name.S);
    assert.deepEqual(await run({ partitionValue: '1979', sortOperator: 'any' }), ['Alien', 'Apocalypse Now', 'Being There']);
    assert.deepEqual(await run({ partitionValue: '1979', sortOperator: 'begins_with', sortValue: 'A' }), ['Alien', 'Apocalypse Now']);
    assert.deepEqual(await run({ partitionValue: '1979', sortOperator: 'between', sortValue: 'B', sortValue2: 'C' }), ['Being There']);
    assert.deepEqual(await run({ partitionValue: '1979', sortOperator: '>', sortValue: 'Alien' }), ['Apocalypse Now', 'Being There']);
    assert.deepEqual(await run({ partitionValue: '1979', filterName: 'Rating', filterOperator: '>=', filterValue: '8' }), ['Alien', 'Apocalypse Now']);
    assert.deepEqual(await run({ partitionValue: '1979', filterName: 'Sequel', filterOperator: 'attribute_not_exists' }), ['Alien', 'Apocalypse Now', 'Being There']);
    assert.deepEqual(await run({ partitionValue: '1980', sortOperator: 'any' }), []);
    await db.close();
  });

  test('a chosen filter type wins over the guess', () => {
    const form = { partitionValue: '1979', filterName: 'zip', filterOperator: '=', filterValue: '02134' };
    assert.deepEqual(buildQuery('Films', keys, form).ExpressionAttributeValues[':f'], { N: '02134' });
    assert.deepEqual(buildQuery('Films', keys, { ...form, filterType: 'S' }).ExpressionAttributeValues[':f'], { S: '02134' });
    assert.deepEqual(buildQuery('Films', keys, { ...form, filterType: 'BOOL', filterValue: 'true' }).ExpressionAttributeValues[':f'], { BOOL: true });
  });

  test('names and values always go through placeholders', () => {
    const input = buildQuery('Films', keys, { partitionValue: '1979', sortOperator: '=', sortValue: 'Alien', filterName: 'Year', filterOperator: 'contains', filterValue: 'x' });
    assert.deepEqual(input, {
      TableName: 'Films',
      KeyConditionExpression: '#pk = :pk AND #sk = :sk',
      FilterExpression: 'contains(#f, :f)',
      ExpressionAttributeNames: { '#pk': 'Year', '#sk': 'Name', '#f': 'Year' },
      ExpressionAttributeValues: { ':pk': { N: '1979' }, ':sk': { S: 'Alien' }, ':f': { S: 'x' } },
    });
  });
});

describe('partition figures', () => {
  const partition = (start, end, seconds = []) => ({ HashRange: { Start: start, End: end }, Seconds: seconds });

  test('partitions are named in hash-range order, the table\'s then each global index\'s', () => {
    const named = namedPartitions({
      Partitions: [partition('9223372036854775808', '18446744073709551615'), partition('0', '9223372036854775807')],
      GlobalSecondaryIndexes: [{ IndexName: 'ByEmail', Partitions: [partition('0', '18446744073709551615')] }],
    });
    assert.deepEqual(named.map((p) => [p.name, p.HashRange.Start]), [
      ['Partition 1', '0'], ['Partition 2', '9223372036854775808'], ['ByEmail #1', '0'],
    ]);
  });

  test('a partition\'s window: busiest second, seconds at half its limit or more, throttles', () => {
    const limits = partitionLimits({ PartitionLimits: { ReadCapacityUnitsPerSecond: 3000, WriteCapacityUnitsPerSecond: 1000, SizeBytes: 10737418240 } });
    assert.deepEqual(limits, { read: 3000, write: 1000 });
    const figures = summarisePartition(partition('0', '1', [
      { ConsumedWriteCapacityUnits: 1000, ConsumedReadCapacityUnits: 0, ThrottledReads: 0, ThrottledWrites: 800 },
      { ConsumedWriteCapacityUnits: 499, ConsumedReadCapacityUnits: 1500, ThrottledReads: 0, ThrottledWrites: 0 },
      { ConsumedWriteCapacityUnits: 10, ConsumedReadCapacityUnits: 0, ThrottledReads: 0, ThrottledWrites: 0 },
    ]), limits);
    assert.deepEqual(figures, { peakWrite: 1000, peakRead: 1500, peakShare: 1, hotSeconds: 2, throttledSeconds: 1, throttledRequests: 800 });

  });

  test("a partition's limits are the engine's, divided by the playground's scale", async () => {
    const db = await createDynamoDB();
    try {
      await db.send('Playground.Configure', { Scale: 4 });
      await db.send('CreateTable', {
        TableName: 'Scaled',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      });
      assert.deepEqual(partitionLimits(await db.send('Playground.GetMetrics', { TableName: 'Scaled' })), { read: 750, write: 250 });
    } finally {
      await db.close();
    }
  });

  test('money and units are written for people', () => {
    assert.equal(formatDollars(0), '$0');
    assert.equal(formatDollars(275), '$275.00');
    assert.equal(formatDollars(0.0075), '$0.0075');
    assert.equal(formatDollars(6.2e-8), '$0.000000062');
    assert.ok(!/e/.test(formatDollars(1.234e-11)));
    assert.equal(formatUnits(12000), '12,000');
    assert.equal(formatUnits(0.5), '0.5');
  });
});

describe('consumed capacity in words', () => {
  test("a response's ConsumedCapacity is named in the operation's unit", () => {
    assert.equal(describeResponseCapacity('GetItem', { ConsumedCapacity: { TableName: 'Music', CapacityUnits: 0.5 } }), '0.5 RCU on Music');
    assert.equal(
      describeResponseCapacity('BatchWriteItem', { ConsumedCapacity: [{ TableName: 'A', CapacityUnits: 2 }, { TableName: 'B', CapacityUnits: 1 }] }),
      '2 WCU on A, 1 WCU on B',
    );
  });

  test('a simulated workload counts what all its requests consumed', () => {
    const output = { ConsumedWriteCapacityUnits: 12470, ConsumedReadCapacityUnits: 0.5, Requests: 20000, Throttled: 8001 };
    assert.equal(describeResponseCapacity('Playground.SimulateWorkload', output), '12,470 WCU and 0.5 RCU in 20,000 requests, 8,001 throttled');
  });

  test('a response with no capacity says so with a dash', () => {
    for (const output of [{}, { TableDescription: {} }, { ConsumedWriteCapacityUnits: '1' }, null]) {
      assert.equal(describeResponseCapacity('CreateTable', output), '—', JSON.stringify(output));
    }
  });
});
