// OnDemandThroughput (an on-demand table's or global index's maximum) and WarmThroughput through
// the AWS SDK for JavaScript v3, in process and over the HTTP endpoint, on the virtual clock so
// that "one second" is the test's own. The engine's tests
// (tests/engine/api/on_demand_throughput_test.cc) cover every rule and text. Debian's boto3
// (botocore 1.29) predates both members and refuses them before sending.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';

import { callEndpoint } from './support/cli_process.js';
import { closeFront, openFront, SDK_FRONTS } from './support/sdk_fronts.js';
import { CREDENTIALS, rejection, tableInput } from './support/sdk_requests.js';

for (const front of SDK_FRONTS) {
  describe(`OnDemandThroughput and WarmThroughput with the SDK v3 (${front})`, () => {
    let opened;
    let client;
    const playground = (target, body) =>
      front === 'in-process' ? opened.db.send(target, body) : callEndpoint(opened.server.url, target, body);

    before(async () => {
      opened = await openFront(front);
      // A throttle must show, not be retried away.
      client = new DynamoDBClient({
        region: 'us-east-1',
        credentials: CREDENTIALS,
        maxAttempts: 1,
        ...(front === 'in-process' ? { requestHandler: opened.db.requestHandler() } : { endpoint: opened.server.url }),
      });
      await playground('Playground.SetClock', { Mode: 'VIRTUAL', Now: 1767225600 });
    });

    after(async () => {
      client.destroy();
      await closeFront(opened);
    });

    test('writes past the maximum within a second are throttled, and the next second serves them', async () => {
      const created = await client.send(new CreateTableCommand(tableInput('Orders', { OnDemandThroughput: { MaxWriteRequestUnits: 2 } })));
      assert.deepEqual(created.TableDescription.OnDemandThroughput, { MaxReadRequestUnits: -1, MaxWriteRequestUnits: 2 });
      const put = (pk) => client.send(new PutItemCommand({ TableName: 'Orders', Item: { pk: { S: pk } } }));
      await put('a');
      await put('b');
      const throttled = await rejection(put('c'));
      assert.equal(throttled.name, 'ThrottlingException');
      assert.equal(throttled.$metadata.httpStatusCode, 400);
      await playground('Playground.AdvanceClock', { Seconds: 1 });
      await put('c');
    });

    test('UpdateTable removes the maximum with -1 and raises the warm throughput, never lowers it', async () => {
      await client.send(new UpdateTableCommand({ TableName: 'Orders', OnDemandThroughput: { MaxWriteRequestUnits: -1 } }));
      const initial = (await client.send(new DescribeTableCommand({ TableName: 'Orders' }))).Table;
      assert.deepEqual(initial.WarmThroughput, { ReadUnitsPerSecond: 12000, WriteUnitsPerSecond: 4000, Status: 'ACTIVE' });
      await client.send(new UpdateTableCommand({ TableName: 'Orders', WarmThroughput: { ReadUnitsPerSecond: 30000 } }));
      const { Table } = await client.send(new DescribeTableCommand({ TableName: 'Orders' }));
      assert.deepEqual(Table.OnDemandThroughput, { MaxReadRequestUnits: -1, MaxWriteRequestUnits: -1 });
      assert.ok(Table.WarmThroughput.ReadUnitsPerSecond >= 30000, JSON.stringify(Table.WarmThroughput));

      const lower = await rejection(client.send(new UpdateTableCommand({ TableName: 'Orders', WarmThroughput: { ReadUnitsPerSecond: 1 } })));
      assert.equal(lower.name, 'ValidationException');
      assert.equal(
        lower.message,
        'One or more parameter values were invalid: Requested ReadUnitsPerSecond for WarmThroughput for table is lower than current WarmThroughput, decreasing WarmThroughput is not supported',
      );
    });

    test('a provisioned table refuses a maximum with the service text', async () => {
      const refused = await rejection(
        client.send(
          new CreateTableCommand(
            tableInput('Fixed', {
              BillingMode: 'PROVISIONED',
              ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
              OnDemandThroughput: { MaxReadRequestUnits: 10 },
            }),
          ),
        ),
      );
      assert.equal(refused.name, 'ValidationException');
      assert.equal(
        refused.message,
        'One or more parameter values were invalid: MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED',
      );
    });
  });
}
