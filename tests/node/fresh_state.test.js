// Fresh state for every test: engines that share one wasm module instance stay apart, and
// db.reset() empties a playground as a new one would be.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { createDynamoDB } from '../../wasm/index.js';

const TABLE = {
  TableName: 'Things',
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
};

describe('fresh state', () => {
  it('keeps engines apart, and a closed one does not disturb the others', async () => {
    const a = await createDynamoDB();
    const b = await createDynamoDB();
    await a.send('CreateTable', TABLE);
    await a.send('PutItem', { TableName: 'Things', Item: { id: { S: 'only in a' } } });
    assert.deepEqual((await b.send('ListTables', {})).TableNames, []);
    await b.send('CreateTable', TABLE);
    assert.equal((await b.send('Scan', { TableName: 'Things' })).Count, 0);
    await a.close();
    const c = await createDynamoDB();
    assert.deepEqual((await c.send('ListTables', {})).TableNames, []);
    assert.deepEqual((await b.send('ListTables', {})).TableNames, ['Things']);
    await b.close();
    await c.close();
  });

  it('reset() empties tables, streams, settings and the clock, and keeps the options', async () => {
    const db = await createDynamoDB({ throttling: false });
    await db.send('Playground.SetClock', { Mode: 'VIRTUAL', Now: 1767225600 });
    await db.send('CreateTable', { ...TABLE, StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } });
    await db.send('Playground.Configure', { Scale: 100 });
    await db.reset();
    assert.deepEqual((await db.send('ListTables', {})).TableNames, []);
    assert.deepEqual((await db.send('DynamoDBStreams_20120810.ListStreams', {})).Streams, []);
    const settings = await db.send('Playground.Configure', {});
    assert.equal(settings.Scale, 1);
    assert.equal(settings.Throttling, 'OFF'); // createDynamoDB({ throttling: false }) still holds
    assert.equal((await db.send('Playground.SetClock', { Mode: 'REAL' })).Mode, 'REAL');
    // The export after a reset holds only what came after it.
    await db.send('CreateTable', TABLE);
    const copy = await createDynamoDB({ snapshot: await db.exportSnapshot() });
    assert.deepEqual((await copy.send('ListTables', {})).TableNames, ['Things']);
    await copy.close();
    await db.close();
  });

  it('reset() refuses a persistent playground rather than forget what is stored', async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddbpg-reset-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const db = await createDynamoDB({ path: dir });
    await assert.rejects(db.reset(), { message: /^reset\(\) empties an in-memory playground; delete the data directory/ });
    await db.close();
  });
});
