// `setupFilesAfterEnv: ['dynamodb-playground/jest/clear-between-tests']` with
// `preset: 'dynamodb-playground'`: before every test, the worker's playground is emptied
// (Playground.Reset) and given the tables of the config file again, so each test starts from
// the same state, as jest-dynalite's clearAfterEach does.
'use strict';

const fs = require('node:fs');

const { createTablesWith } = require('../create_tables.cjs');

// One request to the worker's endpoint, as any DynamoDB client would send it (the playground does
// not check signatures); resolves to the output, rejects with the error's type and message.
async function send(operation, input) {
  const target = operation.includes('.') ? operation : `DynamoDB_20120810.${operation}`;
  const response = await fetch(process.env.DYNAMODB_ENDPOINT, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': target },
    body: JSON.stringify(input),
  });
  const output = await response.json();
  if (!response.ok) throw new Error(`${operation}: ${output.__type}: ${output.message}`);
  return output;
}

const tablesFile = process.env.DYNAMODB_PLAYGROUND_TABLES_FILE;
if (!tablesFile || !process.env.DYNAMODB_ENDPOINT) {
  throw new Error("dynamodb-playground/jest/clear-between-tests needs preset: 'dynamodb-playground'");
}
const tables = JSON.parse(fs.readFileSync(tablesFile, 'utf8'));

beforeEach(async () => {
  await send('Playground.Reset', {});
  await createTablesWith(send, tables);
});
