// Behaviours real clients trip over (issue #10), through the AWS SDK for JavaScript v3 against
// the HTTP endpoint: updates with nothing to do, Select beside the legacy parameters, Time to
// Live status right after a change, index key and attribute name limits, and start keys that
// belong elsewhere.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';

import { startServer } from '../../wasm/http_server.js';

let server;
let client;

before(async () => {
  server = await startServer({ port: 0 });
  client = new DynamoDBClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1, // a retry would hide the first answer
  });
  // Thread: pk S, sk N, with a GSI ByOwner (owner S, title S) and an LSI ByNote (pk, note S).
  await client.send(
    new CreateTableCommand({
      TableName: 'Thread',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        { AttributeName: 'owner', AttributeType: 'S' },
        { AttributeName: 'title', AttributeType: 'S' },
        { AttributeName: 'note', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'ByOwner',
          KeySchema: [
            { AttributeName: 'owner', KeyType: 'HASH' },
            { AttributeName: 'title', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'ByNote',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'note', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
    }),
  );
  const writes = [];
  for (let i = 1; i <= 6; i++) {
    writes.push({
      PutRequest: {
        Item: {
          pk: { S: 'forum' },
          sk: { N: String(i) },
          owner: { S: 'ann' },
          title: { S: `t${i}` },
          parity: { S: i % 2 ? 'odd' : 'even' },
        },
      },
    });
  }
  for (let i = 0; i < 40; i++) {
    writes.push({ PutRequest: { Item: { pk: { S: `p${i}` }, sk: { N: '1' } } } });
  }
  for (let i = 0; i < writes.length; i += 25) {
    await client.send(
      new BatchWriteItemCommand({ RequestItems: { Thread: writes.slice(i, i + 25) } }),
    );
  }
});

after(async () => {
  client?.destroy();
  await server?.close();
});

// Rejects unless `promise` fails with the SDK's exception `name` and exactly `message`.
async function expectError(promise, name, message) {
  const error = await promise.then(
    () => assert.fail(`expected ${name}`),
    (e) => e,
  );
  assert.equal(error.name, name);
  assert.equal(error.message, message);
  assert.equal(error.$metadata.httpStatusCode, 400);
  return error;
}

const getItem = async (Key) =>
  (await client.send(new GetItemCommand({ TableName: 'Thread', Key }))).Item;

describe('UpdateItem with nothing to update', () => {
  test('creates the key-only item when it is absent', async () => {
    for (const [sk, extra] of [
      ['100', { AttributeUpdates: {} }],
      ['101', {}],
    ]) {
      const Key = { pk: { S: 'empty' }, sk: { N: sk } };
      const out = await client.send(
        new UpdateItemCommand({
          TableName: 'Thread',
          Key,
          ReturnValues: 'ALL_NEW',
          ReturnConsumedCapacity: 'TOTAL',
          ...extra,
        }),
      );
      assert.deepEqual(out.Attributes, Key);
      assert.deepEqual(out.ConsumedCapacity, { TableName: 'Thread', CapacityUnits: 1 });
      assert.deepEqual(await getItem(Key), Key);
    }
  });

  test('changes nothing on an existing item', async () => {
    const Key = { pk: { S: 'forum' }, sk: { N: '1' } };
    const before = await getItem(Key);
    const out = await client.send(
      new UpdateItemCommand({ TableName: 'Thread', Key, AttributeUpdates: {}, ReturnValues: 'ALL_OLD' }),
    );
    assert.deepEqual(out.Attributes, before);
    assert.deepEqual(await getItem(Key), before);
  });

  test('a REMOVE-only or DELETE-only update of an absent item creates nothing', async () => {
    const Key = { pk: { S: 'empty' }, sk: { N: '102' } };
    const removed = await client.send(
      new UpdateItemCommand({
        TableName: 'Thread',
        Key,
        UpdateExpression: 'REMOVE parity',
        ReturnValues: 'ALL_NEW',
      }),
    );
    assert.equal(removed.Attributes, undefined);
    const deleted = await client.send(
      new UpdateItemCommand({
        TableName: 'Thread',
        Key,
        AttributeUpdates: { tags: { Action: 'DELETE', Value: { SS: ['a'] } } },
        ReturnValues: 'ALL_NEW',
      }),
    );
    assert.equal(deleted.Attributes, undefined);
    const deletedMembers = await client.send(
      new UpdateItemCommand({
        TableName: 'Thread',
        Key,
        UpdateExpression: 'DELETE tags :gone',
        ExpressionAttributeValues: { ':gone': { SS: ['a'] } },
        ReturnValues: 'ALL_NEW',
      }),
    );
    assert.equal(deletedMembers.Attributes, undefined);
    assert.equal(await getItem(Key), undefined);
  });
});

describe('Select beside the legacy parameters', () => {
  test('Query: Select with KeyConditions, AttributesToGet and QueryFilter', async () => {
    const KeyConditions = {
      pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'forum' }] },
    };
    const count = await client.send(
      new QueryCommand({ TableName: 'Thread', KeyConditions, Select: 'COUNT' }),
    );
    assert.equal(count.Count, 6);
    assert.equal(count.Items, undefined);
    const specific = await client.send(
      new QueryCommand({
        TableName: 'Thread',
        KeyConditions,
        Select: 'SPECIFIC_ATTRIBUTES',
        AttributesToGet: ['sk'],
        QueryFilter: { parity: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'odd' }] } },
      }),
    );
    assert.deepEqual(specific.Items, [{ sk: { N: '1' } }, { sk: { N: '3' } }, { sk: { N: '5' } }]);
  });

  test('Scan: Select with ScanFilter, and with a ProjectionExpression', async () => {
    const count = await client.send(
      new ScanCommand({
        TableName: 'Thread',
        Select: 'COUNT',
        ScanFilter: { parity: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'even' }] } },
      }),
    );
    assert.equal(count.Count, 3);
    const projected = await client.send(
      new ScanCommand({
        TableName: 'Thread',
        Select: 'SPECIFIC_ATTRIBUTES',
        ProjectionExpression: '#p',
        ExpressionAttributeNames: { '#p': 'parity' },
        FilterExpression: 'attribute_exists(parity)',
      }),
    );
    assert.equal(projected.Count, 6);
    assert.deepEqual(Object.keys(projected.Items[0]), ['parity']);
  });

  test('mixing a legacy parameter with an expression is still refused', async () => {
    await expectError(
      client.send(
        new QueryCommand({
          TableName: 'Thread',
          Select: 'SPECIFIC_ATTRIBUTES',
          KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'forum' }] } },
          ProjectionExpression: 'sk',
        }),
      ),
      'ValidationException',
      'Can not use both expression and non-expression parameters in the same request: ' +
        'Non-expression parameters: {KeyConditions} Expression parameters: {ProjectionExpression}',
    );
  });
});

describe('DescribeTimeToLive right after UpdateTimeToLive', () => {
  test('says ENABLED with the attribute at once', async () => {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: 'Thread',
        TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
      }),
    );
    const out = await client.send(new DescribeTimeToLiveCommand({ TableName: 'Thread' }));
    assert.deepEqual(out.TimeToLiveDescription, {
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expires',
    });
  });

  test('a second change within the hour is refused and changes nothing', async () => {
    await expectError(
      client.send(
        new UpdateTimeToLiveCommand({
          TableName: 'Thread',
          TimeToLiveSpecification: { AttributeName: 'expires', Enabled: false },
        }),
      ),
      'ValidationException',
      'Time to live has been modified multiple times within a fixed interval',
    );
    const out = await client.send(new DescribeTimeToLiveCommand({ TableName: 'Thread' }));
    assert.equal(out.TimeToLiveDescription.TimeToLiveStatus, 'ENABLED');
  });
});

describe('Index key and attribute name limits', () => {
  const item = (extra) => ({ pk: { S: 'limits' }, sk: { N: '1' }, ...extra });
  const indexKeyMessage = (name, size, max, index) =>
    'One or more parameter values were invalid: Size limit exceeded for Index Key ' +
    `${name} Actual Size: ${size} bytes Max Size: ${max} bytes IndexName: ${index}`;

  test('index keys at the limit are stored', async () => {
    await client.send(
      new PutItemCommand({
        TableName: 'Thread',
        Item: item({
          owner: { S: 'o'.repeat(2048) },
          title: { S: 't'.repeat(1024) },
          note: { S: 'n'.repeat(1024) },
        }),
      }),
    );
    assert.equal((await getItem(item({}))).owner.S.length, 2048);
  });

  test('longer index keys are refused on every write, changing nothing', async () => {
    const Key = { pk: { S: 'limits' }, sk: { N: '2' } };
    await expectError(
      client.send(
        new PutItemCommand({ TableName: 'Thread', Item: { ...Key, owner: { S: 'o'.repeat(2049) } } }),
      ),
      'ValidationException',
      indexKeyMessage('owner', 2049, 2048, 'ByOwner'),
    );
    await expectError(
      client.send(
        new UpdateItemCommand({
          TableName: 'Thread',
          Key,
          UpdateExpression: 'SET title = :t',
          ExpressionAttributeValues: { ':t': { S: 't'.repeat(1025) } },
        }),
      ),
      'ValidationException',
      indexKeyMessage('title', 1025, 1024, 'ByOwner'),
    );
    await expectError(
      client.send(
        new BatchWriteItemCommand({
          RequestItems: {
            Thread: [{ PutRequest: { Item: { ...Key, note: { S: 'n'.repeat(1025) } } } }],
          },
        }),
      ),
      'ValidationException',
      indexKeyMessage('note', 1025, 1024, 'ByNote'),
    );
    const cancelled = await client
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: 'Thread', Item: { ...Key, owner: { S: 'o'.repeat(2049) } } } },
          ],
        }),
      )
      .catch((e) => e);
    assert.equal(cancelled.name, 'TransactionCanceledException');
    assert.equal(cancelled.CancellationReasons[0].Code, 'ValidationError');
    assert.equal(await getItem(Key), undefined);
  });

  test('an index key of the wrong type is refused', async () => {
    await expectError(
      client.send(new PutItemCommand({ TableName: 'Thread', Item: item({ owner: { N: '1' } }) })),
      'ValidationException',
      'One or more parameter values were invalid: Type mismatch for Index Key owner ' +
        'Expected: S Actual: N IndexName: ByOwner',
    );
  });

  test('attribute names up to 65,535 bytes are stored, longer ones refused', async () => {
    const Key = { pk: { S: 'names' }, sk: { N: '1' } };
    const longest = 'a'.repeat(65535);
    await client.send(
      new PutItemCommand({ TableName: 'Thread', Item: { ...Key, [longest]: { S: 'x' } } }),
    );
    assert.ok(longest in (await getItem(Key)));
    const message =
      '1 validation error detected: Attribute name is too large, must be less than 65536 bytes';
    const tooLong = 'a'.repeat(65536);
    const other = { pk: { S: 'names' }, sk: { N: '2' } };
    await expectError(
      client.send(
        new PutItemCommand({
          TableName: 'Thread',
          Item: { ...other, doc: { M: { [tooLong]: { S: 'x' } } } },
        }),
      ),
      'ValidationException',
      message,
    );
    await expectError(
      client.send(
        new UpdateItemCommand({
          TableName: 'Thread',
          Key: other,
          UpdateExpression: 'SET #n = :v',
          ExpressionAttributeNames: { '#n': tooLong },
          ExpressionAttributeValues: { ':v': { S: 'x' } },
        }),
      ),
      'ValidationException',
      message,
    );
    assert.equal(await getItem(other), undefined);
  });
});

describe('ExclusiveStartKey that belongs elsewhere', () => {
  const forum = { ':pk': { S: 'forum' } };

  test('Query: a key of another partition is outside the query', async () => {
    await expectError(
      client.send(
        new QueryCommand({
          TableName: 'Thread',
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: forum,
          ExclusiveStartKey: { pk: { S: 'p1' }, sk: { N: '1' } },
        }),
      ),
      'ValidationException',
      'The provided starting key is outside query boundaries based on provided conditions',
    );
  });

  test('Query: a key outside the sort-key condition does not match the range key predicate', async () => {
    await expectError(
      client.send(
        new QueryCommand({
          TableName: 'Thread',
          KeyConditionExpression: 'pk = :pk AND sk > :low',
          ExpressionAttributeValues: { ...forum, ':low': { N: '5' } },
          ExclusiveStartKey: { pk: { S: 'forum' }, sk: { N: '2' } },
        }),
      ),
      'ValidationException',
      'The provided starting key does not match the range key predicate',
    );
  });

  test('Query: wrong attributes, wrong types and extra attributes', async () => {
    const query = (ExclusiveStartKey) =>
      client.send(
        new QueryCommand({
          TableName: 'Thread',
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: forum,
          ExclusiveStartKey,
        }),
      );
    await expectError(
      query({ pk: { S: 'forum' } }),
      'ValidationException',
      'The provided starting key is invalid',
    );
    await expectError(
      query({ pk: { S: 'forum' }, sk: { N: '1' }, extra: { S: 'x' } }),
      'ValidationException',
      'The provided starting key is invalid',
    );
    await expectError(
      query({ pk: { S: 'forum' }, sk: { S: '1' } }),
      'ValidationException',
      'The provided key element does not match the schema',
    );
  });

  test('Query on an index: the start key needs the table and index keys', async () => {
    const request = {
      TableName: 'Thread',
      IndexName: 'ByOwner',
      KeyConditionExpression: '#o = :o',
      ExpressionAttributeNames: { '#o': 'owner' },
      ExpressionAttributeValues: { ':o': { S: 'ann' } },
      Limit: 2,
    };
    const first = await client.send(new QueryCommand(request));
    const next = await client.send(
      new QueryCommand({ ...request, ExclusiveStartKey: first.LastEvaluatedKey }),
    );
    assert.deepEqual(
      next.Items.map((i) => i.sk.N),
      ['3', '4'],
    );
    const { pk, sk, ...indexOnly } = first.LastEvaluatedKey;
    await expectError(
      client.send(new QueryCommand({ ...request, ExclusiveStartKey: indexOnly })),
      'ValidationException',
      'The provided starting key is invalid',
    );
    await expectError(
      client.send(
        new QueryCommand({ ...request, ExclusiveStartKey: { ...first.LastEvaluatedKey, sk: { S: '2' } } }),
      ),
      'ValidationException',
      'The provided starting key is invalid: The provided key element does not match the schema',
    );
  });

  test('Scan: a key of another segment is refused', async () => {
    const TotalSegments = 4;
    const pages = [];
    for (let Segment = 0; Segment < TotalSegments; Segment++) {
      pages.push(await client.send(new ScanCommand({ TableName: 'Thread', Segment, TotalSegments, Limit: 1 })));
    }
    const own = pages[1].LastEvaluatedKey;
    const next = await client.send(
      new ScanCommand({ TableName: 'Thread', Segment: 1, TotalSegments, ExclusiveStartKey: own }),
    );
    assert.equal(next.$metadata.httpStatusCode, 200);
    await expectError(
      client.send(
        new ScanCommand({ TableName: 'Thread', Segment: 0, TotalSegments, ExclusiveStartKey: own }),
      ),
      'ValidationException',
      'The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ' +
        'ExclusiveStartKey with correct Segment. TotalSegments: 4 Segment: 0',
    );
  });

  test('Scan: a key that does not match the schema', async () => {
    await expectError(
      client.send(
        new ScanCommand({ TableName: 'Thread', ExclusiveStartKey: { pk: { S: 'forum' } } }),
      ),
      'ValidationException',
      'The provided starting key is invalid: The provided key element does not match the schema',
    );
  });
});
