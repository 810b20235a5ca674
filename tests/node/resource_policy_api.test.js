// Resource-based policies through real clients: the AWS SDK for JavaScript v3 against the
// in-process engine (db.requestHandler()) and the HTTP endpoint, boto3 against the endpoint, and
// policies kept in a data directory across a reopen. The engine's own tests
// (tests/engine/api/resource_policy_test.cc) cover every rule; these check that clients send,
// read and type what the engine answers. The clock is virtual so the 15-second window after a
// change passes without waiting.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  CreateTableCommand,
  DeleteResourcePolicyCommand,
  DeleteTableCommand,
  GetResourcePolicyCommand,
  PolicyNotFoundException,
  PutResourcePolicyCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';

import { createDynamoDB } from '../../wasm/index.js';
import { BOTO3_COLLECT_ERRORS, BOTO3_SKIP, closeFront, openFront, runBoto3, SDK_FRONTS } from './support/sdk_fronts.js';
import { rejection, tableInput } from './support/sdk_requests.js';

const ARN_PREFIX = 'arn:aws:dynamodb:us-east-1:000000000000:table/';
const START = 1767225600; // 2026-01-01T00:00:00Z

// A policy letting the account's root user call `action` on `table`.
function policyFor(table, action = 'dynamodb:GetItem') {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Read',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::000000000000:root' },
        Action: action,
        Resource: `${ARN_PREFIX}${table}`,
      },
    ],
  };
}

for (const front of SDK_FRONTS) {
  describe(`resource-based policies with the SDK v3 (${front})`, () => {
    let db;
    let server;
    let client;
    let engine;

    before(async () => {
      ({ client, server, db } = await openFront(front));
      engine = db ?? server.db;
      await engine.send('Playground.SetClock', { Mode: 'VIRTUAL', Now: START });
    });

    after(async () => {
      await closeFront({ client, server, db });
    });

    const advance = (seconds) => engine.send('Playground.AdvanceClock', { Seconds: seconds });

    describe('behaviour', () => {
      test('PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy on a table', async () => {
        await client.send(new CreateTableCommand(tableInput('Music')));
        const arn = `${ARN_PREFIX}Music`;
        const put = await client.send(
          new PutResourcePolicyCommand({ ResourceArn: arn, Policy: JSON.stringify(policyFor('Music'), null, 2) }),
        );
        assert.match(put.RevisionId, /^\d{13}$/);
        const got = await client.send(new GetResourcePolicyCommand({ ResourceArn: arn }));
        assert.equal(got.RevisionId, put.RevisionId);
        // Minified, in IAM's key order.
        assert.equal(got.Policy, JSON.stringify(policyFor('Music')));

        await advance(15);
        const deleted = await client.send(
          new DeleteResourcePolicyCommand({ ResourceArn: arn, ExpectedRevisionId: put.RevisionId }),
        );
        assert.equal(deleted.RevisionId, put.RevisionId);
        const missing = await rejection(client.send(new GetResourcePolicyCommand({ ResourceArn: arn })));
        assert.ok(missing instanceof PolicyNotFoundException);
        assert.equal(missing.message, `Resource-based policy not found for the provided ResourceArn: ${arn}`);
        assert.equal(missing.$metadata.httpStatusCode, 400);
        // Deleting again is not an error and answers no revision.
        const again = await client.send(new DeleteResourcePolicyCommand({ ResourceArn: arn }));
        assert.equal(again.RevisionId, undefined);
      });

      test("CreateTable's ResourcePolicy, and a stream's own policy", async () => {
        await client.send(
          new CreateTableCommand(tableInput('Streamed', { ResourcePolicy: JSON.stringify(policyFor('Streamed')) })),
        );
        const table = await client.send(new GetResourcePolicyCommand({ ResourceArn: `${ARN_PREFIX}Streamed` }));
        assert.deepEqual(JSON.parse(table.Policy), policyFor('Streamed'));
        const updated = await client.send(
          new UpdateTableCommand({ TableName: 'Streamed', StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }),
        );
        const streamArn = updated.TableDescription.LatestStreamArn;
        await rejection(client.send(new GetResourcePolicyCommand({ ResourceArn: streamArn }))).then((error) => {
          assert.ok(error instanceof PolicyNotFoundException);
        });
        const put = await client.send(
          new PutResourcePolicyCommand({ ResourceArn: streamArn, Policy: JSON.stringify(policyFor('Streamed', 'dynamodb:GetRecords')) }),
        );
        assert.equal((await client.send(new GetResourcePolicyCommand({ ResourceArn: streamArn }))).RevisionId, put.RevisionId);

        await client.send(new DeleteTableCommand({ TableName: 'Streamed' }));
        const gone = await rejection(client.send(new GetResourcePolicyCommand({ ResourceArn: `${ARN_PREFIX}Streamed` })));
        assert.ok(gone instanceof ResourceNotFoundException);
        assert.equal(gone.message, 'Requested resource not found: Table: Streamed not found');
        // The stream outlives its table for a day; its policy does not.
        assert.ok((await rejection(client.send(new GetResourcePolicyCommand({ ResourceArn: streamArn })))) instanceof PolicyNotFoundException);
      });
    });

    describe('errors', () => {
      test('a stale ExpectedRevisionId is PolicyNotFoundException and changes nothing', async () => {
        await client.send(new CreateTableCommand(tableInput('Revisions')));
        const arn = `${ARN_PREFIX}Revisions`;
        const first = await client.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: JSON.stringify(policyFor('Revisions')) }));
        await advance(15);
        const second = await client.send(
          new PutResourcePolicyCommand({ ResourceArn: arn, Policy: JSON.stringify(policyFor('Revisions', 'dynamodb:Query')), ExpectedRevisionId: first.RevisionId }),
        );
        await advance(15);
        const error = await rejection(
          client.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: JSON.stringify(policyFor('Revisions', 'dynamodb:Scan')), ExpectedRevisionId: first.RevisionId })),
        );
        assert.ok(error instanceof PolicyNotFoundException);
        assert.equal(
          error.message,
          `Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id ${first.RevisionId}, ` +
            `but the policy associated to target table Revisions has revision id ${second.RevisionId}.`,
        );
        assert.equal((await client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).RevisionId, second.RevisionId);
      });

      test('a second change within 15 seconds is a ThrottlingException', async () => {
        await client.send(new CreateTableCommand(tableInput('Window')));
        const arn = `${ARN_PREFIX}Window`;
        await client.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: JSON.stringify(policyFor('Window')) }));
        const error = await rejection(client.send(new DeleteResourcePolicyCommand({ ResourceArn: arn })));
        assert.equal(error.name, 'ThrottlingException');
        assert.match(
          error.message,
          /^Resource-based policy for table Window modified within the previous 15000 milliseconds\. Please try again after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\.$/,
        );
        await advance(15);
        await client.send(new DeleteResourcePolicyCommand({ ResourceArn: arn }));
      });

      test('documents the service refuses are ValidationExceptions', async () => {
        await client.send(new CreateTableCommand(tableInput('Documents')));
        const arn = `${ARN_PREFIX}Documents`;
        const refused = async (Policy) => (await rejection(client.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy })))).message;
        assert.equal(await refused('{not json'), 'One or more parameter values were invalid: Invalid policy document: This policy contains invalid Json');
        assert.equal(
          await refused(JSON.stringify({ Version: '2012-10-17', Statement: [] })),
          'One or more parameter values were invalid: Invalid policy document: Could not parse the policy: Statement is empty!',
        );
        const everyone = policyFor('Documents');
        everyone.Statement[0].Principal = '*';
        assert.equal(
          await refused(JSON.stringify(everyone)),
          'Resource-based policy grants unbounded access in one or more elements. Please revise the policy to ensure least-privilege form of access',
        );
        assert.equal(
          await refused(' '.repeat(20481)),
          'One or more parameter values were invalid: Maximum policy size of 20480 bytes exceeded',
        );
        const none = await rejection(client.send(new GetResourcePolicyCommand({ ResourceArn: arn })));
        assert.ok(none instanceof PolicyNotFoundException);
      });

      test('ARNs of another account, an index or a missing table', async () => {
        const error = async (ResourceArn) => rejection(client.send(new GetResourcePolicyCommand({ ResourceArn })));
        const other = await error('arn:aws:dynamodb:us-east-1:123456789012:table/Music');
        assert.equal(other.name, 'ValidationException');
        assert.equal(other.message, 'This action is only supported by accounts that match the resource owner\u2019s account.');
        const index = await error(`${ARN_PREFIX}Music/index/byX`);
        assert.match(index.message, /only table or stream is accepted\. Provided resource arn: .*\/index\/byX$/);
        const missing = await error(`${ARN_PREFIX}Missing`);
        assert.ok(missing instanceof ResourceNotFoundException);
        assert.equal(missing.message, 'Requested resource not found: Table: Missing not found');
      });
    });
  });
}

// boto3 through the endpoint: the real clock here, so one change per slot. Debian's botocore
// (1.29) predates resource-based policies (2024), so the script first adds the three operations
// to the service model botocore loads, as the service's model defines them, when they are missing.
const BOTO3_SCRIPT = `
import atexit, json, os, shutil, sys, tempfile, boto3, botocore.config, botocore.session
from botocore.exceptions import ClientError
${BOTO3_COLLECT_ERRORS}
session = botocore.session.get_session()
loader = session.get_component('data_loader')
model = loader.load_service_model('dynamodb', 'service-2')
if 'PutResourcePolicy' not in model['operations']:
    text = {'type': 'string'}
    def structure(*members, required=()):
        return {'type': 'structure', 'required': list(required),
                'members': {name: {'shape': shape} for name, shape in members}}
    model['shapes'].update({
        'PlaygroundText': text,
        'PlaygroundFlag': {'type': 'boolean'},
        'PutResourcePolicyInput': structure(('ResourceArn', 'PlaygroundText'), ('Policy', 'PlaygroundText'),
            ('ExpectedRevisionId', 'PlaygroundText'), ('ConfirmRemoveSelfResourceAccess', 'PlaygroundFlag'),
            required=('ResourceArn', 'Policy')),
        'GetResourcePolicyInput': structure(('ResourceArn', 'PlaygroundText'), required=('ResourceArn',)),
        'DeleteResourcePolicyInput': structure(('ResourceArn', 'PlaygroundText'),
            ('ExpectedRevisionId', 'PlaygroundText'), required=('ResourceArn',)),
        'RevisionOutput': structure(('RevisionId', 'PlaygroundText')),
        'GetResourcePolicyOutput': structure(('Policy', 'PlaygroundText'), ('RevisionId', 'PlaygroundText')),
    })
    for name, output in [('PutResourcePolicy', 'RevisionOutput'), ('GetResourcePolicy', 'GetResourcePolicyOutput'),
                         ('DeleteResourcePolicy', 'RevisionOutput')]:
        model['operations'][name] = {'name': name, 'http': {'method': 'POST', 'requestUri': '/'},
                                     'input': {'shape': name + 'Input'}, 'output': {'shape': output}}
    folder = tempfile.mkdtemp()
    # botocore reads the model from here whenever it needs it, so the folder stays until the end.
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, 'dynamodb', '2012-08-10'))
    with open(os.path.join(folder, 'dynamodb', '2012-08-10', 'service-2.json'), 'w') as f:
        json.dump(model, f)
    loader.search_paths.insert(0, folder)
# One attempt: botocore would retry the ThrottlingException until the window has passed.
client = boto3.Session(botocore_session=session).client('dynamodb', endpoint_url=sys.argv[1],
    region_name='us-east-1', aws_access_key_id='x', aws_secret_access_key='x',
    config=botocore.config.Config(retries={'total_max_attempts': 1}))
policy = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow',
    'Principal': {'AWS': '000000000000'}, 'Action': ['dynamodb:GetItem'], 'Resource': '*'}]})
arn = client.create_table(TableName='Python', BillingMode='PAY_PER_REQUEST',
    KeySchema=[{'AttributeName': 'p', 'KeyType': 'HASH'}],
    AttributeDefinitions=[{'AttributeName': 'p', 'AttributeType': 'S'}])['TableDescription']['TableArn']
out = {}
revision = client.put_resource_policy(ResourceArn=arn, Policy=policy, ExpectedRevisionId='NO_POLICY')['RevisionId']
got = client.get_resource_policy(ResourceArn=arn)
out['same_revision'] = got['RevisionId'] == revision
out['policy'] = got['Policy']
out['again'] = client.put_resource_policy(ResourceArn=arn, Policy=policy)['RevisionId'] == revision
out['errors'] = collect_errors([
    ('throttled', lambda: client.delete_resource_policy(ResourceArn=arn)),
    ('stale', lambda: client.delete_resource_policy(ResourceArn=arn, ExpectedRevisionId='1')),
    ('not_arn', lambda: client.get_resource_policy(ResourceArn='Python')),
    ('missing', lambda: client.get_resource_policy(ResourceArn=arn + 'x')),
])
out['revision'] = revision
print(json.dumps(out))
`;

describe('resource-based policies with boto3 (HTTP endpoint)', () => {
  test('puts, reads and reads the errors', { skip: BOTO3_SKIP }, async () => {
    const out = JSON.parse(await runBoto3(BOTO3_SCRIPT));
    assert.equal(out.same_revision, true);
    assert.equal(out.again, true);
    assert.equal(
      out.policy,
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},' +
        '"Action":"dynamodb:GetItem","Resource":"*"}]}',
    );
    assert.match(out.errors.throttled, /^ThrottlingException: Resource-based policy for table Python modified within the previous 15000 milliseconds\./);
    assert.deepEqual(
      { ...out.errors, throttled: undefined },
      {
        throttled: undefined,
        stale:
          'PolicyNotFoundException: Resource-based policy not found for the provided ResourceArn: Requested update for policy with ' +
          `revision id 1, but the policy associated to target table Python has revision id ${out.revision}.`,
        not_arn: "ValidationException: One or more parameter values were invalid: ARNs must start with 'arn:': Python",
        missing: 'ResourceNotFoundException: Requested resource not found: Table: Pythonx not found',
      },
    );
  });
});

describe('resource-based policies in a data directory', () => {
  test('survive closing and reopening the playground', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ddbpg-policies-'));
    try {
      const first = await createDynamoDB({ path: dir });
      await first.send('CreateTable', tableInput('Kept', { ResourcePolicy: JSON.stringify(policyFor('Kept')) }));
      const put = await first.send('PutResourcePolicy', {
        ResourceArn: `${ARN_PREFIX}Kept`,
        Policy: JSON.stringify(policyFor('Kept', 'dynamodb:Query')),
      });
      await first.close();

      const second = await createDynamoDB({ path: dir });
      try {
        assert.deepEqual(await second.send('GetResourcePolicy', { ResourceArn: `${ARN_PREFIX}Kept` }), {
          Policy: JSON.stringify(policyFor('Kept', 'dynamodb:Query')),
          RevisionId: put.RevisionId,
        });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
