// DynamoDB Streams through real clients: @aws-sdk/client-dynamodb-streams against the HTTP
// endpoint, unchanged; and the JS API's triggers, delivering Lambda-shaped events.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { CreateTableCommand, DynamoDBClient, PutItemCommand, DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb-streams';

import { createDynamoDB } from '../../wasm/index.js';
import { startServer } from '../../wasm/http_server.js';

const tableWithStream = (name, viewType = 'NEW_AND_OLD_IMAGES') => ({
  TableName: name,
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  StreamSpecification: { StreamEnabled: true, StreamViewType: viewType },
});

describe('@aws-sdk/client-dynamodb-streams against the endpoint', () => {
  let server;
  let dynamodb;
  let streams;

  before(async () => {
    server = await startServer({ port: 0 });
    const config = {
      endpoint: server.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
    };
    dynamodb = new DynamoDBClient(config);
    streams = new DynamoDBStreamsClient(config);
    await server.db.send('Playground.SetClock', { Mode: 'VIRTUAL', Now: 1800000000 });
  });
  after(() => server.close());

  test('lists, describes and reads a table stream', async () => {
    const created = await dynamodb.send(new CreateTableCommand(tableWithStream('Orders')));
    const arn = created.TableDescription.LatestStreamArn;
    await dynamodb.send(new PutItemCommand({ TableName: 'Orders', Item: { id: { S: 'o1' }, total: { N: '12.5' } } }));
    await dynamodb.send(new PutItemCommand({ TableName: 'Orders', Item: { id: { S: 'o1' }, total: { N: '13' } } }));
    await dynamodb.send(new DeleteItemCommand({ TableName: 'Orders', Key: { id: { S: 'o1' } } }));

    const listed = await streams.send(new ListStreamsCommand({ TableName: 'Orders' }));
    assert.deepEqual(listed.Streams, [{ StreamArn: arn, TableName: 'Orders', StreamLabel: arn.split('/stream/')[1] }]);
    const { StreamDescription: description } = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
    assert.equal(description.StreamStatus, 'ENABLED');
    assert.equal(description.StreamViewType, 'NEW_AND_OLD_IMAGES');
    assert.deepEqual(description.KeySchema, [{ AttributeName: 'id', KeyType: 'HASH' }]);
    assert.ok(description.CreationRequestDateTime instanceof Date);
    const shardId = description.Shards[0].ShardId;
    assert.match(shardId, /^shardId-\d{20}-[0-9a-f]{8}$/);

    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn: arn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const page = await streams.send(new GetRecordsCommand({ ShardIterator }));
    assert.deepEqual(page.Records.map((r) => r.eventName), ['INSERT', 'MODIFY', 'REMOVE']);
    const modify = page.Records[1];
    assert.equal(modify.eventSource, 'aws:dynamodb');
    assert.equal(modify.eventVersion, '1.1');
    assert.deepEqual(modify.dynamodb.Keys, { id: { S: 'o1' } });
    assert.deepEqual(modify.dynamodb.OldImage.total, { N: '12.5' });
    assert.deepEqual(modify.dynamodb.NewImage.total, { N: '13' });
    assert.ok(modify.dynamodb.ApproximateCreationDateTime instanceof Date);
    assert.equal(modify.dynamodb.ApproximateCreationDateTime.getTime(), 1800000000 * 1000);
    assert.equal(typeof page.NextShardIterator, 'string');

    // The iterator lives 15 minutes of the engine's clock.
    await server.db.send('Playground.AdvanceClock', { Seconds: 901 });
    await assert.rejects(
      streams.send(new GetRecordsCommand({ ShardIterator: page.NextShardIterator })),
      (error) => error instanceof ExpiredIteratorException && error.message === 'Shard iterator has expired',
    );
    await assert.rejects(
      streams.send(new DescribeStreamCommand({ StreamArn: `${arn}9` })),
      (error) => error instanceof ResourceNotFoundException,
    );
  });
});

describe('db.onStream triggers', () => {
  let db;
  before(async () => {
    db = await createDynamoDB();
  });
  after(() => db.close());

  test('a new post notifies its author\'s followers (the explainer\'s flow)', async () => {
    await db.send('CreateTable', tableWithStream('Posts', 'NEW_IMAGE'));
    await db.send('CreateTable', { ...tableWithStream('Notifications'), StreamSpecification: undefined });
    const followers = { ann: ['bob', 'cid'] };
    const trigger = db.onStream('Posts', async (event) => {
      for (const record of event.Records) {
        if (record.eventName !== 'INSERT') continue;
        const post = record.dynamodb.NewImage;
        for (const follower of followers[post.author.S] ?? []) {
          await db.send('PutItem', {
            TableName: 'Notifications',
            Item: { id: { S: `${follower}#${post.id.S}` }, text: { S: `${post.author.S} posted` } },
          });
        }
      }
    });
    assert.match(trigger.streamArn, /table\/Posts\/stream\//);
    await db.send('PutItem', { TableName: 'Posts', Item: { id: { S: 'p1' }, author: { S: 'ann' } } });
    await db.flushStreams();
    const notes = await db.send('Scan', { TableName: 'Notifications' });
    assert.deepEqual(notes.Items.map((item) => item.id.S).sort(), ['bob#p1', 'cid#p1']);
    trigger.stop();
  });

  test('events have the Lambda shape and arrive in order, in batches', async () => {
    await db.send('CreateTable', tableWithStream('Counters', 'NEW_AND_OLD_IMAGES'));
    const batches = [];
    const trigger = db.onStream('Counters', (event) => batches.push(event.Records), { batchSize: 2 });
    for (let n = 1; n <= 5; n++) {
      await db.send('PutItem', { TableName: 'Counters', Item: { id: { S: 'c' }, n: { N: String(n) } } });
    }
    await db.flushStreams();
    const all = batches.flat();
    assert.deepEqual(all.map((r) => r.dynamodb.NewImage.n.N), ['1', '2', '3', '4', '5']);
    assert.ok(batches.every((batch) => batch.length <= 2));
    assert.equal(all[0].eventSourceARN, trigger.streamArn);
    assert.equal(all[0].eventName, 'INSERT');
    assert.equal(all[1].eventName, 'MODIFY');
    assert.deepEqual(all[1].dynamodb.OldImage.n, { N: '1' });
    trigger.stop();
  });

  test('a failing handler gets the same batch again and holds its shard', async () => {
    await db.send('CreateTable', tableWithStream('Flaky', 'KEYS_ONLY'));
    const seen = [];
    let failures = 1;
    const trigger = db.onStream('Flaky', (event) => {
      seen.push(event.Records.map((r) => r.dynamodb.Keys.id.S).join(','));
      if (failures-- > 0) throw new Error('downstream unavailable');
    });
    await db.send('PutItem', { TableName: 'Flaky', Item: { id: { S: 'a' } } });
    await db.flushStreams();
    assert.equal(trigger.lastError.message, 'downstream unavailable');
    await db.send('PutItem', { TableName: 'Flaky', Item: { id: { S: 'b' } } });
    await new Promise((resolve) => setTimeout(resolve, 150)); // the retry timer
    await db.flushStreams();
    // The failed batch came back unchanged (without "b", written while it waited, as Lambda
    // retries the same batch); "b" waited behind it and came next.
    assert.deepEqual(seen, ['a', 'a', 'b']);
    assert.equal(trigger.lastError, null);
    trigger.stop();
  });

  test('with maximumRetryAttempts a failing batch is reported to onFailure and skipped', async () => {
    await db.send('CreateTable', tableWithStream('Poison', 'KEYS_ONLY'));
    const seen = [];
    const failures = [];
    const trigger = db.onStream(
      'Poison',
      (event) => {
        const ids = event.Records.map((r) => r.dynamodb.Keys.id.S).join(',');
        seen.push(ids);
        if (ids.includes('bad')) throw new Error('cannot handle bad');
      },
      { batchSize: 10, maximumRetryAttempts: 2, onFailure: (invocation, error) => failures.push({ invocation, error }) },
    );
    await db.send('PutItem', { TableName: 'Poison', Item: { id: { S: 'bad' } } });
    await db.flushStreams(); // the first attempt fails; "good" arrives while it waits for its retry
    await db.send('PutItem', { TableName: 'Poison', Item: { id: { S: 'good' } } });
    for (let round = 0; round < 10 && !seen.includes('good'); round++) {
      await db.flushStreams();
      await new Promise((resolve) => setTimeout(resolve, 80)); // the retry timer
    }
    // One attempt and two retries of the same batch (the record written meanwhile waits behind
    // it, never joins it), then the next record flows.
    assert.deepEqual(seen, ['bad', 'bad', 'bad', 'good']);
    assert.equal(failures.length, 1);
    const { invocation, error } = failures[0];
    assert.equal(error.message, 'cannot handle bad');
    const [, , , region, account] = trigger.streamArn.split(':');
    assert.match(invocation.requestContext.requestId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.deepEqual({ ...invocation.requestContext, requestId: 'x' }, {
      requestId: 'x',
      functionArn: `arn:aws:lambda:${region}:${account}:function:playground-trigger`,
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: 3,
    });
    assert.deepEqual(invocation.responseContext, { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' });
    assert.equal(invocation.version, '1.0');
    assert.match(invocation.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(invocation.DDBStreamBatchInfo.batchSize, 1);
    assert.equal(invocation.DDBStreamBatchInfo.streamArn, trigger.streamArn);
    assert.equal(invocation.DDBStreamBatchInfo.startSequenceNumber, invocation.DDBStreamBatchInfo.endSequenceNumber);
    assert.match(invocation.DDBStreamBatchInfo.approximateArrivalOfFirstRecord, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(trigger.lastError, null);
    trigger.stop();
  });

  test('maximumRetryAttempts 0 gives up at once; out-of-range values are refused', async () => {
    await db.send('CreateTable', tableWithStream('Once', 'KEYS_ONLY'));
    let calls = 0;
    const failures = [];
    const trigger = db.onStream('Once', () => {
      calls++;
      throw new Error('no');
    }, { maximumRetryAttempts: 0, onFailure: (invocation) => failures.push(invocation) });
    await db.send('PutItem', { TableName: 'Once', Item: { id: { S: 'x' } } });
    await db.flushStreams();
    assert.equal(calls, 1);
    assert.equal(failures[0].requestContext.approximateInvokeCount, 1);
    trigger.stop();
    assert.throws(() => db.onStream('Once', () => {}, { maximumRetryAttempts: -2 }), RangeError);
    assert.throws(() => db.onStream('Once', () => {}, { maximumRetryAttempts: 10001 }), RangeError);
    assert.throws(() => db.onStream('Once', () => {}, { onFailure: 'queue' }), TypeError);
  });

  test('TRIM_HORIZON starts from the oldest record; TTL deletes name the service', async () => {
    await db.send('Playground.SetClock', { Mode: 'VIRTUAL', Now: 1800000000 });
    await db.send('CreateTable', tableWithStream('Sessions', 'OLD_IMAGE'));
    await db.send('UpdateTimeToLive', {
      TableName: 'Sessions',
      TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
    });
    await db.send('PutItem', { TableName: 'Sessions', Item: { id: { S: 's1' }, expires: { N: '1800000005' } } });
    const records = [];
    const trigger = db.onStream('Sessions', (event) => records.push(...event.Records), {
      startingPosition: 'TRIM_HORIZON',
    });
    await db.send('Playground.AdvanceClock', { Seconds: 60 });
    await db.send('Scan', { TableName: 'Sessions' });
    await db.flushStreams();
    assert.deepEqual(records.map((r) => r.eventName), ['INSERT', 'REMOVE']);
    assert.deepEqual(records[1].userIdentity, { type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    trigger.stop();
  });

  test('a table without a stream cannot have a trigger', async () => {
    await db.send('CreateTable', { ...tableWithStream('Plain'), StreamSpecification: undefined });
    assert.throws(() => db.onStream('Plain', () => {}), /Table Plain has no enabled stream/);
    assert.throws(() => db.onStream('Posts', () => {}, { batchSize: 0 }), RangeError);
  });
});
