// The AWS SDK for JavaScript v3 against the playground (printed, never asserted): calls a
// second through db.requestHandler() (in process) and through the HTTP endpoint on localhost,
// one call at a time, in the same process, with the ratio between them.
//
//   node tests/bench/sdk_handler.js

import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';

import { startServer } from '../../wasm/http_server.js';
import { createDynamoDB } from '../../wasm/index.js';

const CREDENTIALS = { accessKeyId: 'x', secretAccessKey: 'x' };
const TABLE = {
  TableName: 'Bench', BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
};

async function callsPerSecond(client, makeCommand, seconds = 2) {
  let calls = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < deadline) await client.send(makeCommand(calls++));
  return calls / ((performance.now() - started) / 1000);
}

async function measure(client) {
  await client.send(new CreateTableCommand(TABLE));
  const put = await callsPerSecond(client, (i) => new PutItemCommand({ TableName: 'Bench', Item: { pk: { S: `k${i}` }, v: { S: 'x'.repeat(100) } } }));
  const get = await callsPerSecond(client, (i) => new GetItemCommand({ TableName: 'Bench', Key: { pk: { S: `k${i % 1000}` } } }));
  return { put, get };
}

const inProcessDb = await createDynamoDB({ throttling: false });
const inProcess = new DynamoDBClient({ region: 'us-east-1', credentials: CREDENTIALS, requestHandler: inProcessDb.requestHandler() });
const local = await measure(inProcess);
inProcess.destroy();
await inProcessDb.close();

const server = await startServer({ port: 0, throttling: false });
const overHttp = new DynamoDBClient({ region: 'us-east-1', credentials: CREDENTIALS, endpoint: server.url });
const http = await measure(overHttp);
overHttp.destroy();
await server.close();

for (const operation of ['put', 'get']) {
  const label = operation === 'put' ? 'PutItem' : 'GetItem';
  console.log(`SDK ${label} calls/s, one at a time: in process ${Math.round(local[operation])}, ` +
    `HTTP ${Math.round(http[operation])} (${(local[operation] / http[operation]).toFixed(1)}x)`);
}
