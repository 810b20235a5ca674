// `setupFilesAfterEnv: ['dynamodb-playground/jest/clear-between-tests']` with
// `preset: 'dynamodb-playground'`: before every test, the worker's playground is emptied
// (Playground.Reset) and given the tables of the config file again, so each test starts from
// the same state, as jest-dynalite's clearAfterEach does.
'use strict';

const fs = require('node:fs');
const http = require('node:http');

const { createTablesWith } = require('../create_tables.cjs');

// One request to the worker's endpoint, as any DynamoDB client would send it (the playground does
// not check signatures), with node's own HTTP client so that it works in any test environment
// (jsdom has no fetch); resolves to the output, rejects with the error's type and message.
function send(operation, input) {
  const target = operation.includes('.') ? operation : `DynamoDB_20120810.${operation}`;
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const request = http.request(
      process.env.DYNAMODB_ENDPOINT,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': target, 'Content-Length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const output = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (response.statusCode === 200) resolve(output);
          else reject(new Error(`${operation}: ${output.__type}: ${output.message}`));
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
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
