// The two ways the SDK tests reach the engine (the SDK v3 in process through
// db.requestHandler(), and over HTTP through a started endpoint), and boto3 against an endpoint.

import { existsSync } from 'node:fs';

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

import { startServer } from '../../../wasm/http_server.js';
import { createDynamoDB } from '../../../wasm/index.js';
import { runFile } from './aws_cli.js';
import { CREDENTIALS } from './sdk_requests.js';

export const SDK_FRONTS = ['in-process', 'HTTP endpoint'];

// A fresh engine and an SDK v3 client on it: `{ client, db }` in process, `{ client, server }`
// over HTTP.
export async function openFront(front) {
  if (front === 'in-process') {
    const db = await createDynamoDB();
    return { db, client: new DynamoDBClient({ region: 'us-east-1', credentials: CREDENTIALS, requestHandler: db.requestHandler() }) };
  }
  const server = await startServer({ port: 0 });
  return { server, client: new DynamoDBClient({ endpoint: server.url, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 }) };
}

export async function closeFront({ client, server, db }) {
  client?.destroy();
  await server?.close();
  await db?.close();
}

// Debian's python3 has boto3; a pyenv python earlier on PATH may not.
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
export const BOTO3_SKIP = await runFile(PYTHON, ['-c', 'import boto3'], { timeout: 30000 }).then(
  () => false,
  () => `boto3 is not installed for ${PYTHON}`,
);

// Python for a boto3 script that imports ClientError: collect_errors([(name, call), ...]) makes
// each call and maps its name to "Code: Message", or to "no error".
export const BOTO3_COLLECT_ERRORS = `
def collect_errors(calls):
    errors = {}
    for name, call in calls:
        try:
            call()
            errors[name] = 'no error'
        except ClientError as e:
            errors[name] = e.response['Error']['Code'] + ': ' + e.response['Error']['Message']
    return errors
`;

// Runs a boto3 script against a fresh endpoint (its URL is the script's first argument) and
// returns what it printed.
export async function runBoto3(script) {
  const server = await startServer({ port: 0 });
  try {
    return (await runFile(PYTHON, ['-c', script, server.url], { timeout: 60000 })).stdout;
  } finally {
    await server.close();
  }
}
