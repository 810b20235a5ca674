// Global tables through real clients: SDK v3 clients of two regions on one playground (in
// process, where the handler reads the region the SDK signed for, and over HTTP, where the
// endpoint reads the credential scope), the JS API's region option, and boto3. The engine's own
// tests (tests/engine/api/global_tables_test.cc) cover the rules and the conflicts.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  CreateTableCommand,
  DeleteItemCommand,
  DescribeGlobalTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  GlobalTableNotFoundException,
  ListTablesCommand,
  PutItemCommand,
  UpdateTableCommand,
  UpdateTableReplicaAutoScalingCommand,
} from '@aws-sdk/client-dynamodb';

import { createDynamoDB } from '../../wasm/index.js';
import { requestRegion } from '../../wasm/request_region.js';
import { BOTO3_SKIP, closeFront, openFront, runBoto3, SDK_FRONTS } from './support/sdk_fronts.js';
import { CREDENTIALS, rejection, tableInput } from './support/sdk_requests.js';

const get = (pk) => new GetItemCommand({ TableName: 'Carts', Key: { pk: { S: pk } }, ConsistentRead: true });
const put = (pk, v) => new PutItemCommand({ TableName: 'Carts', Item: { pk: { S: pk }, v: { S: v } } });

for (const front of SDK_FRONTS) {
  describe(`global tables with the SDK v3 (${front})`, () => {
    let opened;
    let virginia;
    let ireland;

    before(async () => {
      opened = await openFront(front);
      virginia = opened.client;
      const db = opened.db ?? opened.server.db;
      // Changes reach the other replicas at the next request.
      await db.send('Playground.Configure', { GlobalTableReplicationSeconds: 0 });
      ireland = new DynamoDBClient({
        region: 'eu-west-1',
        credentials: CREDENTIALS,
        ...(opened.db ? { requestHandler: opened.db.requestHandler() } : { endpoint: opened.server.url, maxAttempts: 1 }),
      });
      await virginia.send(new CreateTableCommand(tableInput('Carts')));
    });

    after(async () => {
      ireland?.destroy();
      await closeFront(opened);
    });

    test('a replica added in us-east-1 answers in eu-west-1, and writes cross both ways', async () => {
      await virginia.send(put('before', 'copied'));
      const added = await virginia.send(new UpdateTableCommand({ TableName: 'Carts', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] }));
      assert.equal(added.TableDescription.TableStatus, 'UPDATING');
      assert.equal(added.TableDescription.GlobalTableVersion, '2019.11.21');

      const home = (await virginia.send(new DescribeTableCommand({ TableName: 'Carts' }))).Table;
      const replica = (await ireland.send(new DescribeTableCommand({ TableName: 'Carts' }))).Table;
      assert.deepEqual(home.Replicas, [{ RegionName: 'eu-west-1', ReplicaStatus: 'ACTIVE' }]);
      assert.deepEqual(replica.Replicas, [{ RegionName: 'us-east-1', ReplicaStatus: 'ACTIVE' }]);
      assert.equal(replica.TableArn, 'arn:aws:dynamodb:eu-west-1:000000000000:table/Carts');
      assert.notEqual(replica.TableId, home.TableId);
      assert.equal((await ireland.send(get('before'))).Item.v.S, 'copied');

      await ireland.send(put('from-ireland', 'hello'));
      assert.equal((await virginia.send(get('from-ireland'))).Item.v.S, 'hello');
      await virginia.send(new DeleteItemCommand({ TableName: 'Carts', Key: { pk: { S: 'from-ireland' } } }));
      assert.equal((await ireland.send(get('from-ireland'))).Item, undefined);
      assert.deepEqual((await ireland.send(new ListTablesCommand({}))).TableNames, ['Carts']);
    });

    test('the service\'s errors reach the SDK as its exception classes', async () => {
      const again = await rejection(virginia.send(new UpdateTableCommand({ TableName: 'Carts', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] })));
      assert.equal(again.name, 'ValidationException');
      assert.match(again.message, /^Failed to create a the new replica of table with name: ‘Carts’/);
      const local = await rejection(ireland.send(new UpdateTableCommand({ TableName: 'Carts', ReplicaUpdates: [{ Delete: { RegionName: 'eu-west-1' } }] })));
      assert.match(local.message, /^Cannot add or delete the local region through ReplicaUpdates/);
      const legacy = await rejection(virginia.send(new DescribeGlobalTableCommand({ GlobalTableName: 'Carts' })));
      assert.ok(legacy instanceof GlobalTableNotFoundException);
      const scaling = await rejection(virginia.send(new UpdateTableReplicaAutoScalingCommand({
        TableName: 'Carts', ProvisionedWriteCapacityAutoScalingUpdate: { MinimumUnits: 5, MaximumUnits: 50 },
      })));
      assert.equal(scaling.name, 'ValidationException');
      assert.match(scaling.message, /Replicas 'US-EAST-1', 'EU-WEST-1' BillingMode is PayPerRequest\./);
    });

    test('an index created in one region is created in every replica', async () => {
      await virginia.send(new UpdateTableCommand({
        TableName: 'Carts',
        AttributeDefinitions: [{ AttributeName: 'v', AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'ByValue', KeySchema: [{ AttributeName: 'v', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } } }],
      }));
      const replica = (await ireland.send(new DescribeTableCommand({ TableName: 'Carts' }))).Table;
      assert.deepEqual(replica.GlobalSecondaryIndexes.map((index) => index.IndexName), ['ByValue']);
      assert.match(replica.GlobalSecondaryIndexes[0].IndexArn, /^arn:aws:dynamodb:eu-west-1:/);
    });

    test('a replica keeps a read maximum and a table class of its own', async () => {
      await virginia.send(new UpdateTableCommand({
        TableName: 'Carts',
        ReplicaUpdates: [{ Update: { RegionName: 'eu-west-1', OnDemandThroughputOverride: { MaxReadRequestUnits: 80 }, TableClassOverride: 'STANDARD_INFREQUENT_ACCESS' } }],
      }));
      const home = (await virginia.send(new DescribeTableCommand({ TableName: 'Carts' }))).Table;
      assert.deepEqual(home.Replicas[0].OnDemandThroughputOverride, { MaxReadRequestUnits: 80 });
      assert.equal(home.Replicas[0].ReplicaTableClassSummary.TableClass, 'STANDARD_INFREQUENT_ACCESS');
      const replica = (await ireland.send(new DescribeTableCommand({ TableName: 'Carts' }))).Table;
      assert.equal(replica.OnDemandThroughput.MaxReadRequestUnits, 80);
      const provisioned = await rejection(virginia.send(new UpdateTableCommand({
        TableName: 'Carts', ReplicaUpdates: [{ Update: { RegionName: 'eu-west-1', ProvisionedThroughputOverride: { ReadCapacityUnits: 5 } } }],
      })));
      assert.equal(provisioned.name, 'ValidationException');
      assert.match(provisioned.message, /^Neither ReadCapacityUnits nor WriteCapacityUnits can be specified/);
    });
  });
}

describe('the region of a request', () => {
  test('is its SigV4 credential scope\'s, in the Authorization header or a presigned query', () => {
    const signed = (credential) => ({
      Authorization: `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=host;x-amz-date, Signature=abc`,
    });
    assert.equal(requestRegion(signed('AKID/20261204/eu-west-1/dynamodb/aws4_request')), 'eu-west-1');
    assert.equal(requestRegion({ authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20261204/ap-south-1/dynamodb/aws4_request,SignedHeaders=host,Signature=abc' }), 'ap-south-1');
    assert.equal(requestRegion({}, '/?X-Amz-Credential=AKID%2F20261204%2Fus-west-2%2Fdynamodb%2Faws4_request&X-Amz-Signature=x'), 'us-west-2');
    // No scope, a SigV4A scope without a region, or a malformed one: the home region.
    assert.equal(requestRegion({}), '');
    assert.equal(requestRegion(signed('AKID/20261204/dynamodb/aws4_request')), '');
    assert.equal(requestRegion(signed('AK%ZZ/20261204/eu-west-1')), '');
    assert.equal(requestRegion({}, '/?X-Amz-Credential=%ZZ'), '');
  });
});

describe('global tables with the JS API', () => {
  test('send() takes a region, and the later write wins in both', async () => {
    const db = await createDynamoDB();
    await db.send('Playground.SetClock', { Mode: 'VIRTUAL', Now: 1767225600 });
    await db.send('CreateTable', tableInput('Carts'));
    await db.send('UpdateTable', { TableName: 'Carts', ReplicaUpdates: [{ Create: { RegionName: 'ap-south-1' } }] });
    await db.send('PutItem', { TableName: 'Carts', Item: { pk: { S: 'k' }, v: { S: 'virginia' } } });
    await db.send('Playground.AdvanceClock', { Seconds: 0.25 });
    await db.send('PutItem', { TableName: 'Carts', Item: { pk: { S: 'k' }, v: { S: 'mumbai' } } }, { region: 'ap-south-1' });
    const read = async (region) =>
      (await db.send('GetItem', { TableName: 'Carts', Key: { pk: { S: 'k' } } }, { region })).Item.v.S;
    assert.equal(await read(''), 'virginia');
    await db.send('Playground.AdvanceClock', { Seconds: 1 });
    assert.equal(await read('us-east-1'), 'mumbai');
    assert.equal(await read('ap-south-1'), 'mumbai');
    await db.close();
  });
});

describe('global tables in a data directory', () => {
  test('replicas and a change on its way survive compaction and a reopen', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ddbpg-global-'));
    try {
      let db = await createDynamoDB({ path: dir });
      await db.send('Playground.SetClock', { Mode: 'VIRTUAL', Now: 1767225600 });
      await db.send('CreateTable', tableInput('Carts'));
      await db.send('UpdateTable', { TableName: 'Carts', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] });
      await db.send('PutItem', { TableName: 'Carts', Item: { pk: { S: 'k' }, v: { S: 'on its way' } } }, { region: 'eu-west-1' });
      await db.compact();
      await db.close();

      db = await createDynamoDB({ path: dir });
      const { Table } = await db.send('DescribeTable', { TableName: 'Carts' }, { region: 'eu-west-1' });
      assert.equal(Table.TableArn, 'arn:aws:dynamodb:eu-west-1:000000000000:table/Carts');
      const read = async () => (await db.send('GetItem', { TableName: 'Carts', Key: { pk: { S: 'k' } } })).Item?.v.S;
      assert.equal(await read(), undefined);
      await db.send('Playground.AdvanceClock', { Seconds: 1 });
      assert.equal(await read(), 'on its way');
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('global tables with boto3', { skip: BOTO3_SKIP }, () => {
  test('clients of two regions see the replicas', async () => {
    const printed = await runBoto3(`
import sys, time, boto3
def client(region):
    return boto3.client('dynamodb', endpoint_url=sys.argv[1], region_name=region,
                        aws_access_key_id='x', aws_secret_access_key='x')
home, tokyo = client('us-east-1'), client('ap-northeast-1')
home.create_table(TableName='Carts', BillingMode='PAY_PER_REQUEST',
                  KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}],
                  AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}])
home.update_table(TableName='Carts', ReplicaUpdates=[{'Create': {'RegionName': 'ap-northeast-1'}}])
tokyo.put_item(TableName='Carts', Item={'pk': {'S': 'a'}, 'v': {'S': 'from tokyo'}})
time.sleep(1.2)
print(tokyo.describe_table(TableName='Carts')['Table']['TableArn'])
print(home.get_item(TableName='Carts', Key={'pk': {'S': 'a'}})['Item']['v']['S'])
`);
    assert.equal(printed, 'arn:aws:dynamodb:ap-northeast-1:000000000000:table/Carts\nfrom tokyo\n');
  });
});
