// Deletion protection, the table class, DescribeLimits and DescribeEndpoints through the AWS SDK
// for JavaScript v3, in process (db.requestHandler()) and over the HTTP endpoint. The engine's
// tests (tests/engine/api/table_settings_test.cc) cover the rules and texts.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeEndpointsCommand,
  DescribeLimitsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';

import { closeFront, openFront, SDK_FRONTS } from './support/sdk_fronts.js';
import { CREDENTIALS, rejection, tableInput } from './support/sdk_requests.js';

for (const front of SDK_FRONTS) {
  describe(`control plane with the SDK v3 (${front})`, () => {
    let db;
    let server;
    let client;

    before(async () => {
      ({ client, server, db } = await openFront(front));
    });

    after(async () => {
      await closeFront({ client, server, db });
    });

    test('a protected table refuses DeleteTable until protection is turned off', async () => {
      const created = await client.send(new CreateTableCommand(tableInput('Orders', { DeletionProtectionEnabled: true })));
      assert.equal(created.TableDescription.DeletionProtectionEnabled, true);
      const refused = await rejection(client.send(new DeleteTableCommand({ TableName: 'Orders' })));
      assert.equal(refused.name, 'ValidationException');
      assert.equal(refused.message, 'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.');
      await client.send(new PutItemCommand({ TableName: 'Orders', Item: { pk: { S: 'kept' } } }));
      const both = await rejection(client.send(new UpdateTableCommand({ TableName: 'Orders', DeletionProtectionEnabled: false, BillingMode: 'PROVISIONED' })));
      assert.match(both.message, /DeletionProtection modification must be the only operation in the request$/);
      await client.send(new UpdateTableCommand({ TableName: 'Orders', DeletionProtectionEnabled: false }));
      const kept = await client.send(new GetItemCommand({ TableName: 'Orders', Key: { pk: { S: 'kept' } } }));
      assert.equal(kept.Item.pk.S, 'kept');
      const deleted = await client.send(new DeleteTableCommand({ TableName: 'Orders' }));
      assert.equal(deleted.TableDescription.TableStatus, 'DELETING');
    });

    test('the table class is shown once named, and changed alone', async () => {
      await client.send(new CreateTableCommand(tableInput('Archive', { TableClass: 'STANDARD_INFREQUENT_ACCESS' })));
      let table = (await client.send(new DescribeTableCommand({ TableName: 'Archive' }))).Table;
      assert.deepEqual(table.TableClassSummary, { TableClass: 'STANDARD_INFREQUENT_ACCESS' });
      await client.send(new UpdateTableCommand({ TableName: 'Archive', TableClass: 'STANDARD' }));
      table = (await client.send(new DescribeTableCommand({ TableName: 'Archive' }))).Table;
      assert.equal(table.TableClassSummary.TableClass, 'STANDARD');
      assert.ok(table.TableClassSummary.LastUpdateDateTime instanceof Date);
      const unknown = await rejection(client.send(new UpdateTableCommand({ TableName: 'Archive', TableClass: 'COLD' })));
      assert.equal(unknown.name, 'ValidationException');
      assert.match(unknown.message, /^Invalid table-class parameter provided/);
    });

    test('DescribeLimits gives the default quotas', async () => {
      const limits = await client.send(new DescribeLimitsCommand({}));
      assert.equal(limits.AccountMaxReadCapacityUnits, 80000);
      assert.equal(limits.AccountMaxWriteCapacityUnits, 80000);
      assert.equal(limits.TableMaxReadCapacityUnits, 40000);
      assert.equal(limits.TableMaxWriteCapacityUnits, 40000);
    });

    test('DescribeEndpoints names an address that answers', async () => {
      const { Endpoints } = await client.send(new DescribeEndpointsCommand({}));
      assert.equal(Endpoints.length, 1);
      assert.equal(Endpoints[0].CachePeriodInMinutes, 1440);
      if (front === 'in-process') {
        assert.equal(Endpoints[0].Address, 'dynamodb.us-east-1.amazonaws.com');
        return;
      }
      assert.equal(Endpoints[0].Address, new URL(server.url).host);
      // A client sent to that address reaches this endpoint.
      const there = new DynamoDBClient({ endpoint: `http://${Endpoints[0].Address}`, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
      const limits = await there.send(new DescribeLimitsCommand({}));
      assert.equal(limits.TableMaxReadCapacityUnits, 40000);
      there.destroy();
    });
  });
}
