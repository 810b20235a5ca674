// db.requestHandler(): the AWS SDK for JavaScript v3 against the in-process engine, with no
// endpoint and no network. The SDK's own clients, commands and exception classes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DynamoDBClient,
  DynamoDBServiceException,
  GetItemCommand,
  PutItemCommand,
  ResourceNotFoundException,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';

import { createDynamoDB } from '../../wasm/index.js';

const CREDENTIALS = { accessKeyId: 'x', secretAccessKey: 'x' };

const ORDERS = {
  TableName: 'Orders',
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [
    { AttributeName: 'customer', KeyType: 'HASH' },
    { AttributeName: 'order', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'customer', AttributeType: 'S' },
    { AttributeName: 'order', AttributeType: 'N' },
  ],
  StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
};

async function setUp() {
  const db = await createDynamoDB();
  const client = new DynamoDBClient({ region: 'us-east-1', credentials: CREDENTIALS, requestHandler: db.requestHandler() });
  await client.send(new CreateTableCommand(ORDERS));
  return { db, client };
}

describe('db.requestHandler()', () => {
  it('serves DynamoDBClient with no endpoint', async () => {
    const { db, client } = await setUp();
    const put = await client.send(new PutItemCommand({
      TableName: 'Orders',
      Item: { customer: { S: 'ana' }, order: { N: '1' }, total: { N: '12.5' } },
      ReturnConsumedCapacity: 'TOTAL',
    }));
    assert.equal(put.$metadata.httpStatusCode, 200);
    assert.match(put.$metadata.requestId, /^[A-Z0-9]{52}$/);
    assert.deepEqual(put.ConsumedCapacity, { TableName: 'Orders', CapacityUnits: 1 });
    const got = await client.send(new GetItemCommand({ TableName: 'Orders', Key: { customer: { S: 'ana' }, order: { N: '1' } } }));
    assert.deepEqual(got.Item.total, { N: '12.5' });
    // The same engine, seen through the JS API.
    assert.equal((await db.send('Scan', { TableName: 'Orders', Select: 'COUNT' })).Count, 1);
    client.destroy();
    await db.close();
  });

  it("answers errors as the SDK's exception classes, with $metadata and the body's fields", async () => {
    const { db, client } = await setUp();
    const item = { customer: { S: 'ana' }, order: { N: '1' }, total: { N: '3' } };
    await client.send(new PutItemCommand({ TableName: 'Orders', Item: item }));
    const conditional = await client.send(new PutItemCommand({
      TableName: 'Orders', Item: item,
      ConditionExpression: 'attribute_not_exists(customer)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    })).catch((error) => error);
    assert.ok(conditional instanceof ConditionalCheckFailedException);
    assert.equal(conditional.message, 'The conditional request failed');
    assert.equal(conditional.$metadata.httpStatusCode, 400);
    assert.deepEqual(conditional.Item, item);

    const missing = await client.send(new GetItemCommand({ TableName: 'Nope', Key: { customer: { S: 'x' }, order: { N: '1' } } }))
      .catch((error) => error);
    assert.ok(missing instanceof ResourceNotFoundException);
    assert.ok(missing instanceof DynamoDBServiceException);
    assert.equal(missing.$fault, 'client');

    const cancelled = await client.send(new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: 'Orders', Item: { customer: { S: 'bo' }, order: { N: '1' } } } },
        { ConditionCheck: { TableName: 'Orders', Key: { customer: { S: 'ana' }, order: { N: '1' } }, ConditionExpression: '#t > :t', ExpressionAttributeNames: { '#t': 'total' },
          ExpressionAttributeValues: { ':t': { N: '10' } } } },
      ],
    })).catch((error) => error);
    assert.ok(cancelled instanceof TransactionCanceledException);
    assert.deepEqual(cancelled.CancellationReasons.map((reason) => reason.Code), ['None', 'ConditionalCheckFailed']);
    client.destroy();
    await db.close();
  });

  it('serves DynamoDBDocumentClient and DynamoDBStreamsClient', async () => {
    const { db, client } = await setUp();
    const documents = DynamoDBDocumentClient.from(client);
    await documents.send(new PutCommand({ TableName: 'Orders', Item: { customer: 'ana', order: 2, lines: ['tea', 'cake'] } }));
    const { Item } = await documents.send(new GetCommand({ TableName: 'Orders', Key: { customer: 'ana', order: 2 } }));
    assert.deepEqual(Item, { customer: 'ana', order: 2, lines: ['tea', 'cake'] });
    const { Items } = await documents.send(new QueryCommand({
      TableName: 'Orders', KeyConditionExpression: 'customer = :c', ExpressionAttributeValues: { ':c': 'ana' },
    }));
    assert.equal(Items.length, 1);

    const streams = new DynamoDBStreamsClient({ region: 'us-east-1', credentials: CREDENTIALS, requestHandler: db.requestHandler() });
    const { Table } = await db.send('DescribeTable', { TableName: 'Orders' });
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: Table.LatestStreamArn }));
    const { ShardIterator } = await streams.send(new GetShardIteratorCommand({
      StreamArn: Table.LatestStreamArn, ShardId: StreamDescription.Shards[0].ShardId, ShardIteratorType: 'TRIM_HORIZON',
    }));
    const { Records } = await streams.send(new GetRecordsCommand({ ShardIterator }));
    assert.deepEqual(Records.map((record) => record.eventName), ['INSERT']);
    assert.deepEqual(Records[0].dynamodb.NewImage.lines, { L: [{ S: 'tea' }, { S: 'cake' }] });
    streams.destroy();
    client.destroy();
    await db.close();
  });

  it('acknowledges a change of a persistent playground only once it is stored', async (t) => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'ddbpg-sdk-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const db = await createDynamoDB({ path: dir });
    const client = new DynamoDBClient({ region: 'us-east-1', credentials: CREDENTIALS, requestHandler: db.requestHandler() });
    await client.send(new CreateTableCommand({ ...ORDERS, StreamSpecification: undefined }));
    await client.send(new PutItemCommand({ TableName: 'Orders', Item: { customer: { S: 'kept' }, order: { N: '1' } } }));
    client.destroy();
    await db.close();
    const reopened = await createDynamoDB({ path: dir });
    assert.equal((await reopened.send('Scan', { TableName: 'Orders', Select: 'COUNT' })).Count, 1);
    await reopened.close();
  });
});

describe('db.send() errors', () => {
  it("carry the body's fields and the SDK's $metadata and $fault", async () => {
    const db = await createDynamoDB();
    await db.send('CreateTable', ORDERS);
    const item = { customer: { S: 'ana' }, order: { N: '1' } };
    await db.send('PutItem', { TableName: 'Orders', Item: item });
    const conditional = await db.send('PutItem', {
      TableName: 'Orders', Item: item, ConditionExpression: 'attribute_not_exists(customer)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    }).catch((error) => error);
    assert.equal(conditional.name, 'ConditionalCheckFailedException');
    assert.deepEqual(conditional.Item, item);
    assert.equal(conditional.$fault, 'client');
    assert.deepEqual(conditional.$metadata, { httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 });
    const cancelled = await db.send('TransactWriteItems', {
      TransactItems: [{ ConditionCheck: { TableName: 'Orders', Key: item, ConditionExpression: 'attribute_not_exists(customer)' } }],
    }).catch((error) => error);
    assert.equal(cancelled.name, 'TransactionCanceledException');
    assert.deepEqual(cancelled.CancellationReasons, [{ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }]);
    await db.close();
  });
});
