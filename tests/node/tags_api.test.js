// Tagging through real clients: the AWS SDK for JavaScript v3 against the in-process engine
// (db.requestHandler()) and the HTTP endpoint, boto3 against the endpoint, and tags kept in a
// data directory across a reopen. The engine's own tests (tests/engine/api/tags_test.cc) cover
// every rule; these check that clients send, read and type what the engine answers.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBServiceException,
  ListTagsOfResourceCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';

import { createDynamoDB } from '../../wasm/index.js';
import { BOTO3_COLLECT_ERRORS, BOTO3_SKIP, closeFront, openFront, runBoto3, SDK_FRONTS } from './support/sdk_fronts.js';
import { rejection, tableInput } from './support/sdk_requests.js';

const ARN_PREFIX = 'arn:aws:dynamodb:us-east-1:000000000000:table/';


// The same behaviour through both ways the SDK reaches the engine.
for (const front of SDK_FRONTS) {
  describe(`tagging with the SDK v3 (${front})`, () => {
    let db;
    let server;
    let client;

    before(async () => {
      ({ client, server, db } = await openFront(front));
    });

    after(async () => {
      await closeFront({ client, server, db });
    });

    describe('behaviour', () => {
      test('CreateTable Tags, TagResource, UntagResource and ListTagsOfResource', async () => {
        const created = await client.send(
          new CreateTableCommand(tableInput('Music', { Tags: [{ Key: 'owner', Value: 'me' }] })),
        );
        const arn = created.TableDescription.TableArn;
        assert.equal(arn, `${ARN_PREFIX}Music`);
        assert.equal(created.TableDescription.Tags, undefined);

        const tagged = await client.send(
          new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'env', Value: 'dev' }, { Key: 'team', Value: '' }] }),
        );
        assert.equal(tagged.$metadata.httpStatusCode, 200);
        const listed = await client.send(new ListTagsOfResourceCommand({ ResourceArn: arn }));
        assert.deepEqual(listed.Tags, [
          { Key: 'env', Value: 'dev' },
          { Key: 'owner', Value: 'me' },
          { Key: 'team', Value: '' },
        ]);
        assert.equal(listed.NextToken, undefined);

        await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['owner', 'never-there'] }));
        const after = await client.send(new ListTagsOfResourceCommand({ ResourceArn: arn }));
        assert.deepEqual(after.Tags.map((tag) => tag.Key), ['env', 'team']);

        const described = await client.send(new DescribeTableCommand({ TableName: 'Music' }));
        assert.equal('Tags' in described.Table, false);
      });

      test("a stream's tags are its own", async () => {
        await client.send(new CreateTableCommand(tableInput('Streamed', { Tags: [{ Key: 'table', Value: 't' }] })));
        const updated = await client.send(
          new UpdateTableCommand({ TableName: 'Streamed', StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }),
        );
        const streamArn = updated.TableDescription.LatestStreamArn;
        await client.send(new TagResourceCommand({ ResourceArn: streamArn, Tags: [{ Key: 'team', Value: 'analytics' }] }));
        assert.deepEqual((await client.send(new ListTagsOfResourceCommand({ ResourceArn: streamArn }))).Tags, [
          { Key: 'team', Value: 'analytics' },
        ]);
        assert.deepEqual((await client.send(new ListTagsOfResourceCommand({ ResourceArn: `${ARN_PREFIX}Streamed` }))).Tags, [
          { Key: 'table', Value: 't' },
        ]);
      });

      test('tags go with a deleted table', async () => {
        await client.send(new CreateTableCommand(tableInput('Gone', { Tags: [{ Key: 'a', Value: '1' }] })));
        await client.send(new DeleteTableCommand({ TableName: 'Gone' }));
        await client.send(new CreateTableCommand(tableInput('Gone')));
        assert.deepEqual((await client.send(new ListTagsOfResourceCommand({ ResourceArn: `${ARN_PREFIX}Gone` }))).Tags, []);
      });
    });

    describe('errors', () => {
      test('a reserved key is a typed ValidationException and tags nothing', async () => {
        await client.send(new CreateTableCommand(tableInput('Errors')));
        const arn = `${ARN_PREFIX}Errors`;
        const error = await rejection(
          client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'ok', Value: '1' }, { Key: 'aws:x', Value: '2' }] })),
        );
        assert.ok(error instanceof DynamoDBServiceException);
        assert.equal(error.name, 'ValidationException');
        assert.equal(error.message, 'Tag Key cannot be prefixed with aws:, Key: aws:x');
        assert.equal(error.$metadata.httpStatusCode, 400);
        assert.deepEqual((await client.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))).Tags, []);
      });

      test('a missing table is the SDK\'s ResourceNotFoundException', async () => {
        const arn = `${ARN_PREFIX}Missing`;
        const error = await rejection(client.send(new ListTagsOfResourceCommand({ ResourceArn: arn })));
        assert.ok(error instanceof ResourceNotFoundException);
        assert.equal(error.message, `Requested resource not found: ResourceArn: ${arn} not found`);
      });

      test('another account is AccessDeniedException', async () => {
        const arn = 'arn:aws:dynamodb:us-east-1:123456789012:table/Music';
        const error = await rejection(client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['a'] })));
        assert.equal(error.name, 'AccessDeniedException');
        assert.equal(
          error.message,
          `User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:UntagResource on resource: ${arn}`,
        );
      });

      test('51 tags on CreateTable create nothing', async () => {
        const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
        const error = await rejection(client.send(new CreateTableCommand(tableInput('TooMany', { Tags: tags }))));
        assert.equal(error.name, 'ValidationException');
        assert.equal(error.message, 'Number of Tags exceed the current limit for the provided ResourceArn');
        const missing = await rejection(client.send(new DescribeTableCommand({ TableName: 'TooMany' })));
        assert.ok(missing instanceof ResourceNotFoundException);
      });

      test('an index ARN is refused', async () => {
        const arn = `${ARN_PREFIX}Errors/index/byX`;
        const error = await rejection(client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'a', Value: 'b' }] })));
        assert.equal(error.name, 'ValidationException');
        assert.match(error.message, /only table or stream is accepted\. Provided resource arn: .*\/index\/byX$/);
      });
    });
  });
}

// boto3, the client ScyllaDB's DynamoDB-run tag tests use, through the endpoint.
const BOTO3_SCRIPT = `
import json, sys, boto3
from botocore.exceptions import ClientError
${BOTO3_COLLECT_ERRORS}
client = boto3.client('dynamodb', endpoint_url=sys.argv[1], region_name='us-east-1',
                      aws_access_key_id='x', aws_secret_access_key='x')
arn = client.create_table(TableName='Python', BillingMode='PAY_PER_REQUEST',
    KeySchema=[{'AttributeName': 'p', 'KeyType': 'HASH'}],
    AttributeDefinitions=[{'AttributeName': 'p', 'AttributeType': 'S'}],
    Tags=[{'Key': 'str1', 'Value': 'str2'}])['TableDescription']['TableArn']
out = {}
client.tag_resource(ResourceArn=arn, Tags=[{'Key': '7', 'Value': ' '}, {'Key': ' ', 'Value': '9'}])
out['tagged'] = client.list_tags_of_resource(ResourceArn=arn)['Tags']
client.untag_resource(ResourceArn=arn, TagKeys=['7', 'zzz'])
out['untagged'] = client.list_tags_of_resource(ResourceArn=arn)['Tags']
out['errors'] = collect_errors([
    ('bad_char', lambda: client.tag_resource(ResourceArn=arn, Tags=[{'Key': 'hi!', 'Value': 'dog'}])),
    ('not_arn', lambda: client.tag_resource(ResourceArn='I_do_not_exist', Tags=[{'Key': '7', 'Value': '8'}])),
    ('missing', lambda: client.list_tags_of_resource(ResourceArn=arn + 'x')),
])
print(json.dumps(out))
`;

describe('tagging with boto3 (HTTP endpoint)', () => {
  test('tags, lists, untags and reads the errors', { skip: BOTO3_SKIP }, async () => {
    const stdout = await runBoto3(BOTO3_SCRIPT);
    const out = JSON.parse(stdout);
    assert.deepEqual(out.tagged, [
      { Key: ' ', Value: '9' },
      { Key: '7', Value: ' ' },
      { Key: 'str1', Value: 'str2' },
    ]);
    assert.deepEqual(out.untagged, [
      { Key: ' ', Value: '9' },
      { Key: 'str1', Value: 'str2' },
    ]);
    assert.deepEqual(out.errors, {
      bad_char: 'ValidationException: The Tag Key provided is invalid, Key: hi!',
      not_arn: "ValidationException: One or more parameter values were invalid: ARNs must start with 'arn:': I_do_not_exist",
      missing: `ResourceNotFoundException: Requested resource not found: ResourceArn: ${ARN_PREFIX}Pythonx not found`,
    });
  });
});

describe('tags in a data directory', () => {
  test('survive closing and reopening the playground', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ddbpg-tags-'));
    try {
      const first = await createDynamoDB({ path: dir });
      await first.send('CreateTable', tableInput('Kept', { Tags: [{ Key: 'born', Value: 'yes' }] }));
      await first.send('TagResource', { ResourceArn: `${ARN_PREFIX}Kept`, Tags: [{ Key: 'env', Value: 'dev' }] });
      await first.send('UntagResource', { ResourceArn: `${ARN_PREFIX}Kept`, TagKeys: ['born'] });
      await first.close();

      const second = await createDynamoDB({ path: dir });
      try {
        assert.deepEqual(await second.send('ListTagsOfResource', { ResourceArn: `${ARN_PREFIX}Kept` }), {
          Tags: [{ Key: 'env', Value: 'dev' }],
        });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
