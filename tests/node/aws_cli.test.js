// The AWS CLI (botocore) against the HTTP endpoint. botocore checks x-amz-crc32 on every
// DynamoDB response and retries on a mismatch, so these calls passing also proves the header.
// Skipped when `aws` is not installed.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startServer } from '../../wasm/http_server.js';
import { AWS_ENV, awsCliAvailable, runFile as run } from './support/aws_cli.js';

const skip = (await awsCliAvailable()) ? false : 'the AWS CLI (`aws`) is not installed';

let server;

before(async () => {
  if (!skip) server = await startServer({ port: 0 });
});

after(async () => {
  await server?.close();
});

// Runs `aws dynamodb ...` against the server; resolves to {code, stdout, stderr}, never rejects
// for a non-zero exit (error tests need the code and message).
async function dynamodb(...args) {
  const argv = ['dynamodb', ...args, '--endpoint-url', server.url, '--output', 'json'];
  try {
    const { stdout, stderr } = await run('aws', argv, { env: AWS_ENV, timeout: 30000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

describe('aws dynamodb', { skip }, () => {
  test('create-table, put-item and get-item round-trip an item', async () => {
    const created = await dynamodb(
      'create-table', '--table-name', 'Music',
      '--attribute-definitions', 'AttributeName=pk,AttributeType=S',
      '--key-schema', 'AttributeName=pk,KeyType=HASH',
      '--billing-mode', 'PAY_PER_REQUEST',
    );
    assert.equal(created.code, 0, created.stderr);
    assert.equal(JSON.parse(created.stdout).TableDescription.TableName, 'Music');

    const put = await dynamodb(
      'put-item', '--table-name', 'Music',
      '--item', '{"pk":{"S":"a"},"price":{"N":"019.50"}}',
      '--return-consumed-capacity', 'TOTAL',
    );
    assert.equal(put.code, 0, put.stderr);
    assert.deepEqual(JSON.parse(put.stdout), {
      ConsumedCapacity: { TableName: 'Music', CapacityUnits: 1 },
    });

    const got = await dynamodb('get-item', '--table-name', 'Music', '--key', '{"pk":{"S":"a"}}');
    assert.equal(got.code, 0, got.stderr);
    assert.deepEqual(JSON.parse(got.stdout), { Item: { pk: { S: 'a' }, price: { N: '19.5' } } });
  });

  test('get-item and describe-table take the table ARN create-table answered', async () => {
    const arn = 'arn:aws:dynamodb:us-east-1:000000000000:table/Music';
    const described = await dynamodb('describe-table', '--table-name', arn);
    assert.equal(described.code, 0, described.stderr);
    assert.equal(JSON.parse(described.stdout).Table.TableArn, arn);
    const got = await dynamodb('get-item', '--table-name', arn, '--key', '{"pk":{"S":"a"}}');
    assert.equal(got.code, 0, got.stderr);
    assert.deepEqual(JSON.parse(got.stdout), { Item: { pk: { S: 'a' }, price: { N: '19.5' } } });
  });

  test('list-tables passes botocore checksum validation', async () => {
    const listed = await dynamodb('list-tables', '--debug');
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual(JSON.parse(listed.stdout), { TableNames: ['Music'] });
    // botocore logs these only when the header is missing or wrong.
    assert.doesNotMatch(listed.stderr, /crc32 check (skipped|failed)/);
  });

  test('describe-table of a missing table fails with the service error', async () => {
    const missing = await dynamodb('describe-table', '--table-name', 'Nope');
    // A service error exits 254 in AWS CLI v2 and 255 in v1.
    assert.ok([254, 255].includes(missing.code), `exit code ${missing.code}`);
    // AWS CLI v2 adds "(reached max retries: 0)" after the operation name.
    const text = missing.stderr.trim().replace(' (reached max retries: 0)', '');
    assert.equal(
      text,
      'An error occurred (ResourceNotFoundException) when calling the DescribeTable operation: ' +
        'Requested resource not found: Table: Nope not found',
    );
  });
});
