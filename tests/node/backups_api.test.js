// Backups and point-in-time recovery through real clients: the AWS SDK for JavaScript v3 against
// the in-process engine (db.requestHandler()) and the HTTP endpoint, boto3 against the endpoint,
// and backups kept in a data directory across a reopen. The engine's own tests
// (tests/engine/api/backups_test.cc) cover every rule; these check that clients send, read and
// type what the engine answers (timestamps become Dates and go back as epoch seconds).

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';

import {
  BackupNotFoundException,
  CreateBackupCommand,
  CreateTableCommand,
  DeleteBackupCommand,
  DescribeBackupCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  ListBackupsCommand,
  PointInTimeRecoveryUnavailableException,
  PutItemCommand,
  RestoreTableFromBackupCommand,
  RestoreTableToPointInTimeCommand,
  ScanCommand,
  TableAlreadyExistsException,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';

import { createDynamoDB } from '../../wasm/index.js';
import { BOTO3_SKIP, closeFront, openFront, runBoto3, SDK_FRONTS } from './support/sdk_fronts.js';
import { tableInput } from './support/sdk_requests.js';

const ARN_PREFIX = 'arn:aws:dynamodb:us-east-1:000000000000:table/';
const BACKUP_ARN = /^arn:aws:dynamodb:us-east-1:000000000000:table\/Music\/backup\/\d{14}-[0-9a-f]{8}$/;

function put(table, value) {
  return new PutItemCommand({ TableName: table, Item: { pk: { S: 'song' }, v: { S: value } } });
}

for (const front of SDK_FRONTS) {
  describe(`backups with the SDK v3 (${front})`, () => {
    let db;
    let server;
    let client;
    const valueOf = async (TableName) => (await client.send(new ScanCommand({ TableName }))).Items.map((item) => item.v.S);

    before(async () => {
      ({ client, server, db } = await openFront(front));
      await client.send(new CreateTableCommand(tableInput('Music')));
    });

    after(async () => {
      await closeFront({ client, server, db });
    });

    test('CreateBackup, DescribeBackup, ListBackups, RestoreTableFromBackup, DeleteBackup', async () => {
      await client.send(put('Music', 'v1'));
      const { BackupDetails } = await client.send(new CreateBackupCommand({ TableName: 'Music', BackupName: 'first' }));
      assert.match(BackupDetails.BackupArn, BACKUP_ARN);
      assert.equal(BackupDetails.BackupStatus, 'AVAILABLE');
      assert.equal(BackupDetails.BackupType, 'USER');
      assert.ok(BackupDetails.BackupCreationDateTime instanceof Date);

      const described = await client.send(new DescribeBackupCommand({ BackupArn: BackupDetails.BackupArn }));
      assert.equal(described.BackupDescription.SourceTableDetails.TableArn, `${ARN_PREFIX}Music`);
      assert.equal(described.BackupDescription.SourceTableDetails.ItemCount, 1);

      const listed = await client.send(new ListBackupsCommand({ TableName: 'Music', TimeRangeUpperBound: new Date(Date.now() + 60000) }));
      assert.deepEqual(listed.BackupSummaries.map((summary) => summary.BackupName), ['first']);

      await client.send(put('Music', 'v2'));
      const restored = await client.send(
        new RestoreTableFromBackupCommand({ TargetTableName: 'FromBackup', BackupArn: BackupDetails.BackupArn }),
      );
      assert.equal(restored.TableDescription.RestoreSummary.SourceBackupArn, BackupDetails.BackupArn);
      assert.ok(restored.TableDescription.RestoreSummary.RestoreDateTime instanceof Date);
      assert.deepEqual(await valueOf('FromBackup'), ['v1']);

      await assert.rejects(
        client.send(new RestoreTableFromBackupCommand({ TargetTableName: 'Music', BackupArn: BackupDetails.BackupArn })),
        (error) => error instanceof TableAlreadyExistsException && error.message === 'Table already exists: Music',
      );

      const deleted = await client.send(new DeleteBackupCommand({ BackupArn: BackupDetails.BackupArn }));
      assert.equal(deleted.BackupDescription.BackupDetails.BackupStatus, 'DELETED');
      await assert.rejects(
        client.send(new DescribeBackupCommand({ BackupArn: BackupDetails.BackupArn })),
        (error) => error instanceof BackupNotFoundException && error.$metadata.httpStatusCode === 400,
      );
    });

    test('UpdateContinuousBackups, DescribeContinuousBackups, RestoreTableToPointInTime', async () => {
      await assert.rejects(
        client.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'Music', TargetTableName: 'Xyz', UseLatestRestorableTime: true })),
        (error) => error instanceof PointInTimeRecoveryUnavailableException,
      );

      await client.send(put('Music', 'before'));
      await sleep(5);
      const enabled = await client.send(
        new UpdateContinuousBackupsCommand({ TableName: 'Music', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      );
      assert.equal(enabled.ContinuousBackupsDescription.PointInTimeRecoveryDescription.RecoveryPeriodInDays, 35);
      await sleep(5);
      await client.send(put('Music', 'after'));

      const { ContinuousBackupsDescription } = await client.send(new DescribeContinuousBackupsCommand({ TableName: 'Music' }));
      assert.equal(ContinuousBackupsDescription.ContinuousBackupsStatus, 'ENABLED');
      const recovery = ContinuousBackupsDescription.PointInTimeRecoveryDescription;
      assert.equal(recovery.PointInTimeRecoveryStatus, 'ENABLED');
      assert.ok(recovery.EarliestRestorableDateTime instanceof Date);
      assert.ok(recovery.LatestRestorableDateTime >= recovery.EarliestRestorableDateTime);

      // The window's first instant, as the SDK read it back, restores the table as it was then.
      await client.send(
        new RestoreTableToPointInTimeCommand({
          SourceTableArn: `${ARN_PREFIX}Music`,
          TargetTableName: 'AtEnable',
          RestoreDateTime: recovery.EarliestRestorableDateTime,
        }),
      );
      assert.deepEqual(await valueOf('AtEnable'), ['before']);
      const latest = await client.send(
        new RestoreTableToPointInTimeCommand({ SourceTableName: 'Music', TargetTableName: 'Latest', UseLatestRestorableTime: true }),
      );
      assert.equal(latest.TableDescription.RestoreSummary.SourceTableArn, `${ARN_PREFIX}Music`);
      assert.deepEqual(await valueOf('Latest'), ['after']);
      const table = await client.send(new DescribeTableCommand({ TableName: 'Latest' }));
      assert.equal(table.Table.TableStatus, 'ACTIVE');
      assert.equal(table.Table.RestoreSummary.RestoreInProgress, false);

      await assert.rejects(
        client.send(
          new RestoreTableToPointInTimeCommand({ SourceTableName: 'Music', TargetTableName: 'Early', RestoreDateTime: new Date(0) }),
        ),
        { name: 'InvalidRestoreTimeException' },
      );
    });
  });
}

// boto3 through the endpoint (Debian's botocore predates RecoveryPeriodInDays).
const BOTO3_SCRIPT = `
import json, sys, boto3
from botocore.exceptions import ClientError
client = boto3.client('dynamodb', endpoint_url=sys.argv[1], region_name='us-east-1',
                      aws_access_key_id='x', aws_secret_access_key='x')
client.create_table(TableName='Python', BillingMode='PAY_PER_REQUEST',
    KeySchema=[{'AttributeName': 'p', 'KeyType': 'HASH'}],
    AttributeDefinitions=[{'AttributeName': 'p', 'AttributeType': 'S'}])
client.put_item(TableName='Python', Item={'p': {'S': 'a'}})
arn = client.create_backup(TableName='Python', BackupName='pyb')['BackupDetails']['BackupArn']
out = {'listed': [b['BackupName'] for b in client.list_backups(BackupType='ALL')['BackupSummaries']]}
client.restore_table_from_backup(TargetTableName='PythonCopy', BackupArn=arn)
out['copy'] = client.scan(TableName='PythonCopy')['Count']
client.update_continuous_backups(TableName='Python',
    PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})
d = client.describe_continuous_backups(TableName='Python')['ContinuousBackupsDescription']
out['status'] = d['PointInTimeRecoveryDescription']['PointInTimeRecoveryStatus']
client.restore_table_to_point_in_time(SourceTableName='Python', TargetTableName='PythonPitr',
    UseLatestRestorableTime=True)
out['pitr'] = client.scan(TableName='PythonPitr')['Count']
try:
    client.describe_backup(BackupArn=arn + '0')
except ClientError as e:
    out['missing'] = e.response['Error']['Code']
print(json.dumps(out))
`;

describe('backups with boto3 (HTTP endpoint)', () => {
  test('backs up, lists, restores, and restores to a point in time', { skip: BOTO3_SKIP }, async () => {
    const stdout = await runBoto3(BOTO3_SCRIPT);
    assert.deepEqual(JSON.parse(stdout), { listed: ['pyb'], copy: 1, status: 'ENABLED', pitr: 1, missing: 'BackupNotFoundException' });
  });
});

describe('backups in a data directory', () => {
  test('survive closing and reopening the playground', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ddbpg-backups-'));
    try {
      const first = await createDynamoDB({ path: dir });
      await first.send('CreateTable', tableInput('Kept'));
      await first.send('PutItem', { TableName: 'Kept', Item: { pk: { S: 'a' } } });
      const { BackupDetails } = await first.send('CreateBackup', { TableName: 'Kept', BackupName: 'kept' });
      await first.send('UpdateContinuousBackups', {
        TableName: 'Kept',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 2 },
      });
      const pitr = await first.send('DescribeContinuousBackups', { TableName: 'Kept' });
      await first.close();

      const second = await createDynamoDB({ path: dir });
      try {
        const { BackupSummaries } = await second.send('ListBackups', {});
        assert.deepEqual(BackupSummaries.map((summary) => summary.BackupArn), [BackupDetails.BackupArn]);
        const again = await second.send('DescribeContinuousBackups', { TableName: 'Kept' });
        assert.equal(
          again.ContinuousBackupsDescription.PointInTimeRecoveryDescription.EarliestRestorableDateTime,
          pitr.ContinuousBackupsDescription.PointInTimeRecoveryDescription.EarliestRestorableDateTime,
        );
        await second.send('RestoreTableFromBackup', { TargetTableName: 'Copy', BackupArn: BackupDetails.BackupArn });
        assert.equal((await second.send('Scan', { TableName: 'Copy' })).Count, 1);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
