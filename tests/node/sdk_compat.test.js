// The real AWS SDK for JavaScript v3 against the HTTP endpoint: requests it serialises are
// understood, answers deserialise to the documented output shapes, and errors arrive as the
// SDK's typed exceptions.

import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';

import {
  BatchGetItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  DescribeTimeToLiveCommand,
  UpdateTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';

import { crc32 } from '../../wasm/crc32.js';
import { startServer } from '../../wasm/http_server.js';

const independentCrc32 = zlib.crc32 ?? crc32;

let server;
let client;
let checkedResponses = 0;

// The v3 SDK no longer checks x-amz-crc32 (v2 and botocore do, and retry on a mismatch). This
// middleware performs that check on every raw response before the SDK parses it, so a wrong
// header fails these tests the way it would fail those clients.
const verifyCrc32 = (next) => async (args) => {
  const result = await next(args);
  const { response } = result;
  const chunks = [];
  for await (const chunk of response.body) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  assert.equal(response.headers['x-amz-crc32'], String(independentCrc32(bytes)), 'x-amz-crc32');
  checkedResponses++;
  response.body = Readable.from([bytes]);
  return result;
};

before(async () => {
  server = await startServer({ port: 0 });
  client = new DynamoDBClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1, // a retry would hide the first answer
  });
  client.middlewareStack.addRelativeTo(verifyCrc32, {
    relation: 'after',
    toMiddleware: 'deserializerMiddleware',
    name: 'verifyCrc32',
  });
});

after(async () => {
  client?.destroy();
  await server?.close();
});

function tableInput(name, extra = {}) {
  return {
    TableName: name,
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    ...extra,
  };
}

const PROVISIONED = { ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } };
const ON_DEMAND = { BillingMode: 'PAY_PER_REQUEST' };

// Rejects unless `promise` fails with the SDK's exception `name` and exactly `message`; returns
// the error for further checks.
async function expectError(promise, name, message) {
  const error = await promise.then(
    () => assert.fail(`expected ${name}`),
    (e) => e,
  );
  assert.equal(error.name, name);
  assert.equal(error.message, message);
  assert.equal(error.$metadata.httpStatusCode, 400);
  assert.equal(error.$fault, 'client');
  return error;
}

describe('CreateTable', () => {
  test('creates a PROVISIONED table, CREATING at first', async () => {
    const out = await client.send(new CreateTableCommand(tableInput('Provisioned', PROVISIONED)));
    const t = out.TableDescription;
    assert.equal(out.$metadata.httpStatusCode, 200);
    assert.equal(t.TableName, 'Provisioned');
    assert.equal(t.TableStatus, 'CREATING');
    assert.deepEqual(t.KeySchema, [{ AttributeName: 'pk', KeyType: 'HASH' }]);
    assert.deepEqual(t.ProvisionedThroughput, {
      NumberOfDecreasesToday: 0,
      ReadCapacityUnits: 5,
      WriteCapacityUnits: 5,
    });
    assert.equal(t.TableArn, 'arn:aws:dynamodb:us-east-1:000000000000:table/Provisioned');
    assert.ok(t.CreationDateTime instanceof Date);
  });

  test('creates a PAY_PER_REQUEST table with zero provisioned throughput', async () => {
    const out = await client.send(new CreateTableCommand(tableInput('OnDemand', ON_DEMAND)));
    const t = out.TableDescription;
    assert.equal(t.BillingModeSummary.BillingMode, 'PAY_PER_REQUEST');
    assert.deepEqual(t.ProvisionedThroughput, {
      NumberOfDecreasesToday: 0,
      ReadCapacityUnits: 0,
      WriteCapacityUnits: 0,
    });
  });

  test('rejects an existing name with ResourceInUseException', async () => {
    const error = await expectError(
      client.send(new CreateTableCommand(tableInput('OnDemand', ON_DEMAND))),
      'ResourceInUseException',
      'Table already exists: OnDemand',
    );
    assert.ok(error instanceof ResourceInUseException);
  });
});

describe('DescribeTable', () => {
  test('describes an existing table as ACTIVE', async () => {
    const out = await client.send(new DescribeTableCommand({ TableName: 'Provisioned' }));
    assert.equal(out.Table.TableName, 'Provisioned');
    assert.equal(out.Table.TableStatus, 'ACTIVE');
    assert.match(out.$metadata.requestId, /^[0-9A-Z]{52}$/);
  });

  test('rejects a missing table with ResourceNotFoundException naming it', async () => {
    const error = await expectError(
      client.send(new DescribeTableCommand({ TableName: 'Nope' })),
      'ResourceNotFoundException',
      'Requested resource not found: Table: Nope not found',
    );
    assert.ok(error instanceof ResourceNotFoundException);
  });
});

describe('ListTables', () => {
  before(async () => {
    // Lower-case names sort after every other table this file creates.
    for (const name of ['zz_list_c', 'zz_list_a', 'zz_list_b']) {
      await client.send(new CreateTableCommand(tableInput(name, ON_DEMAND)));
    }
  });

  test('pages with Limit and LastEvaluatedTableName in name order', async () => {
    const first = await client.send(
      new ListTablesCommand({ ExclusiveStartTableName: 'zz_list_', Limit: 2 }),
    );
    assert.deepEqual(first.TableNames, ['zz_list_a', 'zz_list_b']);
    assert.equal(first.LastEvaluatedTableName, 'zz_list_b');
    const second = await client.send(
      new ListTablesCommand({ ExclusiveStartTableName: first.LastEvaluatedTableName, Limit: 2 }),
    );
    assert.deepEqual(second.TableNames, ['zz_list_c']);
    assert.equal(second.LastEvaluatedTableName, undefined);
  });

  test('rejects Limit 0 with a ValidationException', async () => {
    await expectError(
      client.send(new ListTablesCommand({ Limit: 0 })),
      'ValidationException',
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: " +
        'Member must have value greater than or equal to 1',
    );
  });
});

describe('UpdateTable', () => {
  test('answers UPDATING with the old throughput, then shows the new one', async () => {
    const out = await client.send(
      new UpdateTableCommand({
        TableName: 'Provisioned',
        ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 },
      }),
    );
    assert.equal(out.TableDescription.TableStatus, 'UPDATING');
    assert.equal(out.TableDescription.ProvisionedThroughput.ReadCapacityUnits, 5);
    const described = await client.send(new DescribeTableCommand({ TableName: 'Provisioned' }));
    assert.equal(described.Table.TableStatus, 'ACTIVE');
    assert.equal(described.Table.ProvisionedThroughput.ReadCapacityUnits, 10);
    assert.ok(described.Table.ProvisionedThroughput.LastIncreaseDateTime instanceof Date);
  });

  test('rejects unchanged throughput with a ValidationException', async () => {
    await expectError(
      client.send(
        new UpdateTableCommand({
          TableName: 'Provisioned',
          ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 },
        }),
      ),
      'ValidationException',
      'The provisioned throughput for the table will not change. The requested value equals the ' +
        'current value. Current ReadCapacityUnits provisioned for the table: 10. Requested ' +
        'ReadCapacityUnits: 10. Current WriteCapacityUnits provisioned for the table: 5. ' +
        'Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer Guide for ' +
        'current limits and how to request higher limits.',
    );
  });
});

describe('items', () => {
  const key = { pk: { S: 'song#1' } };
  const item = { ...key, price: { N: '019.50' }, art: { B: new Uint8Array([0, 1, 254, 255]) } };

  test('PutItem reports 1 write unit with ReturnConsumedCapacity TOTAL', async () => {
    const out = await client.send(
      new PutItemCommand({ TableName: 'OnDemand', Item: item, ReturnConsumedCapacity: 'TOTAL' }),
    );
    assert.deepEqual(out.ConsumedCapacity, { CapacityUnits: 1, TableName: 'OnDemand' });
    assert.equal(out.Attributes, undefined);
  });

  test('PutItem rejects ReturnValues ALL_NEW with a ValidationException', async () => {
    await expectError(
      client.send(
        new PutItemCommand({ TableName: 'OnDemand', Item: item, ReturnValues: 'ALL_NEW' }),
      ),
      'ValidationException',
      '1 validation error detected: ReturnValues can only be ALL_OLD or NONE',
    );
  });

  test('PutItem on a missing table is ResourceNotFoundException', async () => {
    const error = await expectError(
      client.send(new PutItemCommand({ TableName: 'Nope', Item: item })),
      'ResourceNotFoundException',
      'Requested resource not found',
    );
    assert.ok(error instanceof ResourceNotFoundException);
  });

  test('GetItem returns the item with numbers normalised and binary as bytes', async () => {
    const out = await client.send(new GetItemCommand({ TableName: 'OnDemand', Key: key }));
    assert.deepEqual(Object.keys(out.Item).sort(), ['art', 'pk', 'price']);
    assert.deepEqual(out.Item.pk, { S: 'song#1' });
    assert.deepEqual(out.Item.price, { N: '19.5' });
    assert.ok(out.Item.art.B instanceof Uint8Array);
    assert.deepEqual([...out.Item.art.B], [0, 1, 254, 255]);
  });

  test('GetItem of an absent key has no Item', async () => {
    const out = await client.send(
      new GetItemCommand({ TableName: 'OnDemand', Key: { pk: { S: 'none' } } }),
    );
    assert.equal(out.Item, undefined);
  });

  test('DeleteItem with ReturnValues ALL_OLD returns the deleted item', async () => {
    const out = await client.send(
      new DeleteItemCommand({ TableName: 'OnDemand', Key: key, ReturnValues: 'ALL_OLD' }),
    );
    assert.deepEqual(out.Attributes.price, { N: '19.5' });
    assert.deepEqual(out.Attributes.pk, { S: 'song#1' });
    const after = await client.send(new GetItemCommand({ TableName: 'OnDemand', Key: key }));
    assert.equal(after.Item, undefined);
  });

  test('DeleteItem with ALL_OLD on an absent key returns no Attributes', async () => {
    const out = await client.send(
      new DeleteItemCommand({ TableName: 'OnDemand', Key: key, ReturnValues: 'ALL_OLD' }),
    );
    assert.equal(out.Attributes, undefined);
  });
});

describe('DeleteTable', () => {
  test('answers DELETING, after which the table is gone', async () => {
    const out = await client.send(new DeleteTableCommand({ TableName: 'Provisioned' }));
    assert.equal(out.TableDescription.TableName, 'Provisioned');
    assert.equal(out.TableDescription.TableStatus, 'DELETING');
    await expectError(
      client.send(new DescribeTableCommand({ TableName: 'Provisioned' })),
      'ResourceNotFoundException',
      'Requested resource not found: Table: Provisioned not found',
    );
  });
});

describe('secondary indexes', () => {
  test('a GSI and an LSI are created, described, written and queried', async () => {
    const created = await client.send(
      new CreateTableCommand({
        TableName: 'Social',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'user', KeyType: 'HASH' },
          { AttributeName: 'post', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'user', AttributeType: 'S' },
          { AttributeName: 'post', AttributeType: 'S' },
          { AttributeName: 'email', AttributeType: 'S' },
          { AttributeName: 'likes', AttributeType: 'N' },
        ],
        GlobalSecondaryIndexes: [
          { IndexName: 'ByEmail', KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'KEYS_ONLY' } },
        ],
        LocalSecondaryIndexes: [
          { IndexName: 'ByLikes',
            KeySchema: [{ AttributeName: 'user', KeyType: 'HASH' }, { AttributeName: 'likes', KeyType: 'RANGE' }],
            Projection: { ProjectionType: 'ALL' } },
        ],
      }),
    );
    assert.equal(created.TableDescription.GlobalSecondaryIndexes[0].IndexStatus, 'CREATING');
    const put = await client.send(
      new PutItemCommand({
        TableName: 'Social',
        Item: { user: { S: 'ann' }, post: { S: 'p1' }, email: { S: 'ann@example.com' }, likes: { N: '7' } },
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );
    assert.deepEqual(put.ConsumedCapacity, {
      TableName: 'Social', CapacityUnits: 3, Table: { CapacityUnits: 1 },
      LocalSecondaryIndexes: { ByLikes: { CapacityUnits: 1 } },
      GlobalSecondaryIndexes: { ByEmail: { CapacityUnits: 1 } },
    });
    const byEmail = await client.send(
      new QueryCommand({
        TableName: 'Social', IndexName: 'ByEmail',
        KeyConditionExpression: 'email = :e',
        ExpressionAttributeValues: { ':e': { S: 'ann@example.com' } },
      }),
    );
    assert.deepEqual(byEmail.Items, [{ user: { S: 'ann' }, post: { S: 'p1' }, email: { S: 'ann@example.com' } }]);
    const byLikes = await client.send(
      new QueryCommand({
        TableName: 'Social', IndexName: 'ByLikes', ConsistentRead: true,
        KeyConditionExpression: '#u = :u AND likes > :n',
        ExpressionAttributeNames: { '#u': 'user' },
        ExpressionAttributeValues: { ':u': { S: 'ann' }, ':n': { N: '5' } },
      }),
    );
    assert.equal(byLikes.Count, 1);
    const described = await client.send(new DescribeTableCommand({ TableName: 'Social' }));
    assert.equal(described.Table.GlobalSecondaryIndexes[0].ItemCount, 1);
    assert.equal(described.Table.LocalSecondaryIndexes[0].IndexName, 'ByLikes');
    await expectError(
      client.send(new QueryCommand({
        TableName: 'Social', IndexName: 'ByEmail', ConsistentRead: true,
        KeyConditionExpression: 'email = :e',
        ExpressionAttributeValues: { ':e': { S: 'ann@example.com' } },
      })),
      'ValidationException',
      'Consistent reads are not supported on global secondary indexes',
    );
  });
});

describe('indexes, streams and Time to Live through UpdateTable', () => {
  test('adds a GSI to a table with data, enables a stream and TTL', async () => {
    await client.send(new CreateTableCommand({
      TableName: 'Later',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    }));
    await client.send(new PutItemCommand({ TableName: 'Later', Item: { id: { S: 'a' }, tag: { S: 'red' } } }));
    const streamed = await client.send(new UpdateTableCommand({
      TableName: 'Later',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
    }));
    assert.match(streamed.TableDescription.LatestStreamArn, /table\/Later\/stream\//);
    const updated = await client.send(new UpdateTableCommand({
      TableName: 'Later',
      AttributeDefinitions: [{ AttributeName: 'tag', AttributeType: 'S' }],
      GlobalSecondaryIndexUpdates: [{
        Create: { IndexName: 'ByTag', KeySchema: [{ AttributeName: 'tag', KeyType: 'HASH' }],
                  Projection: { ProjectionType: 'ALL' } },
      }],
    }));
    const index = updated.TableDescription.GlobalSecondaryIndexes[0];
    assert.equal(index.IndexStatus, 'CREATING');
    assert.equal(index.Backfilling, false);
    await expectError(
      client.send(new QueryCommand({
        TableName: 'Later', IndexName: 'ByTag', KeyConditionExpression: 'tag = :t',
        ExpressionAttributeValues: { ':t': { S: 'red' } },
      })),
      'ValidationException',
      'Cannot read from backfilling global secondary index',
    );
    // While the new index's resources are allocated the table is UPDATING and refuses another
    // UpdateTable, as DynamoDB does.
    await expectError(
      client.send(new UpdateTableCommand({ TableName: 'Later', DeletionProtectionEnabled: true })),
      'ResourceInUseException',
      'Attempt to change a resource which is still in use: Table is being updated: Later',
    );
    const ttl = await client.send(new UpdateTimeToLiveCommand({
      TableName: 'Later',
      TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
    }));
    assert.deepEqual(ttl.TimeToLiveSpecification, { AttributeName: 'expires', Enabled: true });
    const described = await client.send(new DescribeTimeToLiveCommand({ TableName: 'Later' }));
    assert.equal(described.TimeToLiveDescription.AttributeName, 'expires');
    assert.match(described.TimeToLiveDescription.TimeToLiveStatus, /^ENABL(ING|ED)$/);
    await expectError(
      client.send(new UpdateTimeToLiveCommand({
        TableName: 'Later',
        TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
      })),
      'ValidationException',
      'TimeToLive is already enabled',
    );
  });
});

describe('a table named by its ARN', () => {
  test('PutItem, GetItem and BatchGetItem take the TableArn DescribeTable gives', async () => {
    await client.send(new CreateTableCommand(tableInput('ByArn', ON_DEMAND)));
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'ByArn' }));
    assert.equal(Table.TableArn, 'arn:aws:dynamodb:us-east-1:000000000000:table/ByArn');
    const item = { pk: { S: 'a' }, n: { N: '1' } };
    await client.send(new PutItemCommand({ TableName: Table.TableArn, Item: item }));
    const got = await client.send(new GetItemCommand({
      TableName: Table.TableArn, Key: { pk: { S: 'a' } }, ReturnConsumedCapacity: 'TOTAL',
    }));
    assert.deepEqual(got.Item, item);
    // Answers name the table.
    assert.deepEqual(got.ConsumedCapacity, { CapacityUnits: 0.5, TableName: 'ByArn' });
    const batch = await client.send(new BatchGetItemCommand({
      RequestItems: { [Table.TableArn]: { Keys: [{ pk: { S: 'a' } }] } },
    }));
    assert.deepEqual(batch.Responses, { ByArn: [item] });
  });

  test('an ARN of another account is AccessDeniedException', async () => {
    const arn = 'arn:aws:dynamodb:us-east-1:111122223333:table/ByArn';
    const error = await client.send(new GetItemCommand({ TableName: arn, Key: { pk: { S: 'a' } } }))
      .then(() => assert.fail('expected AccessDeniedException'), (e) => e);
    assert.equal(error.name, 'AccessDeniedException');
    assert.equal(error.message, 'User: arn:aws:iam::000000000000:root is not authorized to ' +
      `perform: dynamodb:GetItem on resource: ${arn}`);
  });
});

describe('x-amz-crc32', () => {
  test('matched the body of every response the SDK received', () => {
    // Each command above went through verifyCrc32; this guards against it silently not running.
    assert.ok(checkedResponses >= 20, `only ${checkedResponses} responses were checked`);
  });
});
