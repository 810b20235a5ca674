// The throttling switch for test suites, in its three places: createDynamoDB({ throttling: false }),
// `node wasm/cli.js --no-throttling` and Playground.Configure {"Throttling": "OFF"}. A counter
// incremented in a tight loop is the case: in process it runs far past one partition's 1,000 WCU
// a second, which DynamoDB (10 ms a call over a network) would never see from one client.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CreateTableCommand, DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';

import { createDynamoDB } from '../../wasm/index.js';
import { callEndpoint, startCli } from './support/cli_process.js';
const INCREMENTS = 1500; // all in one second of a stopped clock: past one partition's 1,000 WCU

const TABLE = {
  TableName: 'Counters',
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
};
const INCREMENT = {
  TableName: 'Counters',
  Key: { id: { S: 'page-views' } },
  UpdateExpression: 'ADD #n :one',
  ExpressionAttributeNames: { '#n': 'n' },
  ExpressionAttributeValues: { ':one': { N: '1' } },
  ReturnValues: 'UPDATED_NEW',
};

// Sends the increments one after another; returns how many were refused and the last count.
async function incrementInALoop(send) {
  let refused = 0;
  let count;
  for (let i = 0; i < INCREMENTS; i++) {
    try {
      count = Number((await send(INCREMENT)).Attributes.n.N);
    } catch (error) {
      if (error.name !== 'ThrottlingException') throw error;
      refused += 1;
    }
  }
  return { refused, count };
}

function throttledWrites(metrics) {
  return metrics.Partitions.flatMap((p) => p.Seconds).reduce((n, s) => n + s.ThrottledWrites, 0);
}

describe('throttling switch', () => {
  it('is on by default: one hot key stops at its partition ceiling in a second', async () => {
    const db = await createDynamoDB();
    await db.send('Playground.SetClock', { Mode: 'VIRTUAL' });
    await db.send('CreateTable', TABLE);
    const { refused, count } = await incrementInALoop((input) => db.send('UpdateItem', input));
    assert.equal(refused, INCREMENTS - 1000);
    assert.equal(count, 1000);
    const metrics = await db.send('Playground.GetMetrics', { TableName: 'Counters' });
    assert.equal(metrics.Throttling, 'ON');
    assert.equal(throttledWrites(metrics), INCREMENTS - 1000);
    db.close();
  });

  it('createDynamoDB({ throttling: false }) serves everything and counts what would have throttled', async () => {
    const db = await createDynamoDB({ throttling: false });
    assert.equal((await db.send('Playground.Configure', {})).Throttling, 'OFF');
    await db.send('Playground.SetClock', { Mode: 'VIRTUAL' });
    await db.send('CreateTable', TABLE);
    const { refused, count } = await incrementInALoop((input) => db.send('UpdateItem', input));
    assert.equal(refused, 0);
    assert.equal(count, INCREMENTS);
    const metrics = await db.send('Playground.GetMetrics', { TableName: 'Counters' });
    assert.equal(metrics.Throttling, 'OFF');
    assert.equal(throttledWrites(metrics), INCREMENTS - 1000);
    assert.equal(metrics.HotKeys[0].Throttles, INCREMENTS - 1000);
    db.close();
  });

  it('Playground.Configure turns it off and on again, and refuses other values', async () => {
    const db = await createDynamoDB();
    await assert.rejects(db.send('Playground.Configure', { Throttling: false }), {
      name: 'ValidationException',
      message: 'Throttling must be ON or OFF',
    });
    assert.equal((await db.send('Playground.Configure', { Throttling: 'OFF' })).Throttling, 'OFF');
    assert.equal((await db.send('Playground.Configure', { Throttling: 'ON' })).Throttling, 'ON');
    db.close();
  });

  it('node wasm/cli.js --no-throttling serves the loop to the AWS SDK', async () => {
    const { child, endpoint } = await startCli(['--no-page', '--no-throttling']);
    try {
      const playground = async (operation, body) =>
        (await callEndpoint(endpoint, `Playground.${operation}`, body)).body;
      assert.equal((await playground('Configure', {})).Throttling, 'OFF');
      await playground('SetClock', { Mode: 'VIRTUAL' });
      const client = new DynamoDBClient({
        endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
        maxAttempts: 1, // a throttle must show, not be retried away
      });
      await client.send(new CreateTableCommand(TABLE));
      const { refused, count } = await incrementInALoop((input) =>
        client.send(new UpdateItemCommand(input)),
      );
      assert.equal(refused, 0);
      assert.equal(count, INCREMENTS);
      const metrics = await playground('GetMetrics', { TableName: 'Counters' });
      assert.equal(throttledWrites(metrics), INCREMENTS - 1000);
      client.destroy();
    } finally {
      child.kill();
    }
  });
});
