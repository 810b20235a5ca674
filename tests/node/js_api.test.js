// The in-process JS API: createDynamoDB(), db.send(), db.handle().
import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';

import { createDynamoDB, DynamoDBError } from '../../wasm/index.js';

const musicTable = {
  TableName: 'Music',
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [
    { AttributeName: 'Artist', KeyType: 'HASH' },
    { AttributeName: 'SongTitle', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'Artist', AttributeType: 'S' },
    { AttributeName: 'SongTitle', AttributeType: 'S' },
  ],
};

const song = {
  Artist: { S: 'No One You Know' },
  SongTitle: { S: 'Call Me Today' },
  AlbumTitle: { S: 'Somewhat Famous' },
  Year: { N: '2015' },
  Price: { N: '2.140' },
};

describe('createDynamoDB', () => {
  it('gives each instance its own empty state', async () => {
    const first = await createDynamoDB();
    const second = await createDynamoDB();
    await first.send('CreateTable', musicTable);
    assert.deepEqual((await first.send('ListTables')).TableNames, ['Music']);
    assert.deepEqual((await second.send('ListTables')).TableNames, []);
    first.close();
    second.close();
  });
});

describe('send', () => {
  let db;
  before(async () => {
    db = await createDynamoDB();
    await db.send('CreateTable', musicTable);
  });
  after(() => db.close());

  describe('behaviour', () => {
    it('puts and gets an item with normalised numbers', async () => {
      const put = await db.send('PutItem', {
        TableName: 'Music',
        Item: song,
        ReturnConsumedCapacity: 'TOTAL',
      });
      assert.deepEqual(put, { ConsumedCapacity: { TableName: 'Music', CapacityUnits: 1 } });
      const got = await db.send('GetItem', {
        TableName: 'Music',
        Key: { Artist: song.Artist, SongTitle: song.SongTitle },
        ConsistentRead: true,
        ReturnConsumedCapacity: 'TOTAL',
      });
      assert.deepEqual(got.Item, { ...song, Price: { N: '2.14' } });
      assert.equal(got.ConsumedCapacity.CapacityUnits, 1);
    });

    it('deletes an item and returns it with ALL_OLD', async () => {
      const key = { Artist: { S: 'Acme Band' }, SongTitle: { S: 'Happy Day' } };
      await db.send('PutItem', { TableName: 'Music', Item: { ...key, Awards: { N: '10' } } });
      const deleted = await db.send('DeleteItem', {
        TableName: 'Music',
        Key: key,
        ReturnValues: 'ALL_OLD',
      });
      assert.deepEqual(deleted.Attributes, { ...key, Awards: { N: '10' } });
      assert.deepEqual(await db.send('GetItem', { TableName: 'Music', Key: key }), {});
    });
  });

  describe('errors', () => {
    it('rejects with a DynamoDBError carrying the type, message and status', async () => {
      await assert.rejects(
        db.send('GetItem', { TableName: 'Nope', Key: { Artist: { S: 'x' } } }),
        (error) => {
          assert.ok(error instanceof DynamoDBError);
          assert.equal(error.name, 'ResourceNotFoundException');
          assert.equal(error.message, 'Requested resource not found');
          assert.equal(error.type, 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException');
          assert.equal(error.statusCode, 400);
          return true;
        },
      );
    });

    it('reports validation errors with DynamoDB\'s exact message', async () => {
      await assert.rejects(db.send('CreateTable', musicTable), {
        name: 'ResourceInUseException',
        message: 'Table already exists: Music',
      });
      await assert.rejects(
        db.send('PutItem', { TableName: 'Music', Item: { Artist: { S: 'a' } } }),
        {
          name: 'ValidationException',
          message:
            'One or more parameter values were invalid: Missing the key SongTitle in the item',
        },
      );
    });

    it('runs playground extensions by their full target', async () => {
      const clock = await db.send('Playground.SetClock', { Mode: 'VIRTUAL', Now: 2000000000 });
      assert.deepEqual(clock, { Mode: 'VIRTUAL', Now: 2000000000 });
      const metrics = await db.send('Playground.GetMetrics', { TableName: 'Music' });
      assert.equal(metrics.Partitions.length, 8);
      assert.equal(metrics.Scale, 1);
    });

    it('rejects unknown operations', async () => {
      await assert.rejects(db.send('FlyToTheMoon', {}), {
        name: 'UnknownOperationException',
        message: '',
      });
    });
  });
});

describe('handle', () => {
  it('answers with the raw status and body and never throws', async () => {
    const db = await createDynamoDB();
    assert.deepEqual(db.handle('DynamoDB_20120810.ListTables', '{}'), {
      status: 200,
      body: '{"TableNames":[]}',
    });
    assert.deepEqual(db.handle('DynamoDB_20120810.ListTables', '{oops'), {
      status: 400,
      body: '{"__type":"com.amazon.coral.service#SerializationException"}',
    });
    db.close();
  });

  it('answers text beyond ASCII and megabyte pages whole, as text or as UTF-8 bytes', async () => {
    const db = await createDynamoDB({ throttling: false }); // 1.4 MB written into one partition
    await db.send('CreateTable', musicTable);
    const words = 'Ça déjà vu 😀 \u2028 日本語 ';
    for (let i = 0; i < 20; i++) {
      await db.send('PutItem', { TableName: 'Music', Item: { ...song, SongTitle: { S: `${words}${i}` }, Lyrics: { S: words.repeat(2000) } } });
    }
    const request = JSON.stringify({ TableName: 'Music' });
    const text = db.handle('DynamoDB_20120810.Scan', request);
    assert.equal(text.status, 200);
    const page = JSON.parse(text.body);
    assert.ok(page.Count > 10 && page.LastEvaluatedKey, 'a page that stopped at 1 MB');
    assert.ok(page.Items.every((item) => item.Lyrics.S === words.repeat(2000) && item.SongTitle.S.startsWith(words)));

    const bytes = db.handle('DynamoDB_20120810.Scan', request, '', { bytes: true });
    assert.equal(bytes.status, 200);
    assert.ok(bytes.body instanceof Uint8Array);
    assert.ok(bytes.body.byteLength > 1_000_000);
    assert.deepEqual(bytes.body, new TextEncoder().encode(text.body));

    const refused = await db.handleDurable('DynamoDB_20120810.GetItem', '{oops', '', { bytes: true });
    assert.equal(refused.status, 400);
    assert.equal(new TextDecoder().decode(refused.body), '{"__type":"com.amazon.coral.service#SerializationException"}');
    db.close();
  });

  it('survives hostile input and keeps its data', async () => {
    const db = await createDynamoDB();
    await db.send('CreateTable', musicTable);
    const hostile = [
      '['.repeat(1_000_000),
      '{"TableName":"Music","Item":' + '{"M":{"a":'.repeat(5000) + '{"S":"x"}' + '}}'.repeat(5000) + '}',
      '{"TableName":"Music","Item":{"Artist":{"S":"a"},"SongTitle":{"S":"b"},"n":{"N":"1e99999999999"}}}',
      '{"TableName":"Music","Item":{"Artist":{"S":"a"},"SongTitle":{"S":"b"},"big":{"S":"' + 'x'.repeat(500_000) + '"}}}',
      '\u0000\uffff',
    ];
    for (const body of hostile) {
      const { status } = db.handle('DynamoDB_20120810.PutItem', body);
      assert.equal(status, 400);
    }
    const table = (await db.send('DescribeTable', { TableName: 'Music' })).Table;
    assert.equal(table.ItemCount, 0);
    assert.equal(table.TableStatus, 'ACTIVE');
    db.close();
  });
});
