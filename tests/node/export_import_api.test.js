// Export to and import from S3 through real clients: the AWS SDK for JavaScript v3 in process
// and over HTTP, boto3 over HTTP, and a data directory whose s3/ folder holds the exported files
// (read back with node's own gunzip and MD5) and files to import. The engine's tests
// (tests/engine/api/export_import_test.cc) cover every rule; these check that clients send, read
// and type what the engine answers.

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';

import {
  CreateTableCommand,
  DescribeExportCommand,
  DescribeImportCommand,
  ExportNotFoundException,
  ExportTableToPointInTimeCommand,
  ImportTableCommand,
  ListExportsCommand,
  ListImportsCommand,
  PointInTimeRecoveryUnavailableException,
  PutItemCommand,
  ResourceInUseException,
  ScanCommand,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';

import { createDynamoDB } from '../../wasm/index.js';
import { BOTO3_SKIP, closeFront, openFront, runBoto3, SDK_FRONTS } from './support/sdk_fronts.js';
import { tableInput } from './support/sdk_requests.js';

const TABLE_ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/Music';
const EXPORT_ARN = /^arn:aws:dynamodb:us-east-1:000000000000:table\/Music\/export\/\d{14}-[0-9a-f]{8}$/;

function exportIdOf(arn) {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

for (const front of SDK_FRONTS) {
  describe(`export and import with the SDK v3 (${front})`, () => {
    let db;
    let server;
    let client;

    before(async () => {
      ({ client, server, db } = await openFront(front));
      await client.send(new CreateTableCommand(tableInput('Music')));
      for (const pk of ['a', 'b', 'c']) {
        await client.send(new PutItemCommand({ TableName: 'Music', Item: { pk: { S: pk }, plays: { N: '3' } } }));
      }
    });

    after(async () => {
      await closeFront({ client, server, db });
    });

    test('ExportTableToPointInTime needs point-in-time recovery, then exports; Describe and List follow', async () => {
      await assert.rejects(
        client.send(new ExportTableToPointInTimeCommand({ TableArn: TABLE_ARN, S3Bucket: 'exports' })),
        (error) =>
          error instanceof PointInTimeRecoveryUnavailableException &&
          error.message === "Point in time recovery is not enabled for table 'Music'",
      );
      await client.send(
        new UpdateContinuousBackupsCommand({ TableName: 'Music', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      );
      const { ExportDescription: started } = await client.send(
        new ExportTableToPointInTimeCommand({ TableArn: TABLE_ARN, S3Bucket: 'exports', S3Prefix: 'sdk', ExportFormat: 'ION' }),
      );
      assert.match(started.ExportArn, EXPORT_ARN);
      assert.equal(started.ExportStatus, 'IN_PROGRESS');
      assert.ok(started.StartTime instanceof Date);
      assert.equal(started.ClientToken.length, 36); // the SDK fills in an idempotency token

      const { ExportDescription: done } = await client.send(new DescribeExportCommand({ ExportArn: started.ExportArn }));
      assert.equal(done.ExportStatus, 'COMPLETED');
      assert.equal(done.ItemCount, 3);
      assert.equal(done.ExportManifest, `sdk/AWSDynamoDB/${exportIdOf(started.ExportArn)}/manifest-summary.json`);
      assert.ok(done.EndTime instanceof Date);

      const { ExportSummaries } = await client.send(new ListExportsCommand({ TableArn: TABLE_ARN }));
      assert.deepEqual(ExportSummaries, [{ ExportArn: started.ExportArn, ExportStatus: 'COMPLETED', ExportType: 'FULL_EXPORT' }]);
      await assert.rejects(
        client.send(new DescribeExportCommand({ ExportArn: `${TABLE_ARN}/export/01234567890123-abcdef12` })),
        (error) => error instanceof ExportNotFoundException,
      );
    });

    test('ImportTable reads the export back into a new table', async () => {
      const { ExportSummaries } = await client.send(new ListExportsCommand({}));
      const exportId = exportIdOf(ExportSummaries[0].ExportArn);
      const request = {
        S3BucketSource: { S3Bucket: 'exports', S3KeyPrefix: `sdk/AWSDynamoDB/${exportId}/data/` },
        InputFormat: 'ION',
        InputCompressionType: 'GZIP',
        TableCreationParameters: {
          TableName: 'MusicCopy',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        },
      };
      const { ImportTableDescription: started } = await client.send(new ImportTableCommand(request));
      assert.equal(started.ImportStatus, 'IN_PROGRESS');
      const { ImportTableDescription: done } = await client.send(new DescribeImportCommand({ ImportArn: started.ImportArn }));
      assert.equal(done.ImportStatus, 'COMPLETED');
      assert.equal(done.ImportedItemCount, 3);
      assert.equal(done.ErrorCount, 0);
      const { Items } = await client.send(new ScanCommand({ TableName: 'MusicCopy' }));
      assert.deepEqual(Items.map((item) => item.pk.S).sort(), ['a', 'b', 'c']);
      assert.deepEqual(Items[0].plays, { N: '3' });

      const { ImportSummaryList } = await client.send(new ListImportsCommand({}));
      assert.equal(ImportSummaryList[0].ImportArn, started.ImportArn);
      await assert.rejects(
        client.send(new ImportTableCommand(request)),
        (error) => error instanceof ResourceInUseException && error.message === 'Table already exists: MusicCopy',
      );
    });
  });
}

const BOTO3_SCRIPT = `
import json, sys, boto3
client = boto3.client('dynamodb', endpoint_url=sys.argv[1], region_name='us-east-1',
                      aws_access_key_id='x', aws_secret_access_key='x')
client.create_table(TableName='Python', BillingMode='PAY_PER_REQUEST',
    KeySchema=[{'AttributeName': 'p', 'KeyType': 'HASH'}],
    AttributeDefinitions=[{'AttributeName': 'p', 'AttributeType': 'S'}])
client.put_item(TableName='Python', Item={'p': {'S': 'a'}, 'b': {'B': b'bytes'}})
client.update_continuous_backups(TableName='Python',
    PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})
arn = client.export_table_to_point_in_time(TableArn='arn:aws:dynamodb:us-east-1:000000000000:table/Python',
    S3Bucket='py')['ExportDescription']['ExportArn']
d = client.describe_export(ExportArn=arn)['ExportDescription']
out = {'status': d['ExportStatus'], 'items': d['ItemCount']}
i = client.import_table(S3BucketSource={'S3Bucket': 'py', 'S3KeyPrefix': 'AWSDynamoDB/' + arn.split('/')[-1] + '/data/'},
    InputFormat='DYNAMODB_JSON', InputCompressionType='GZIP',
    TableCreationParameters={'TableName': 'PythonCopy', 'BillingMode': 'PAY_PER_REQUEST',
        'KeySchema': [{'AttributeName': 'p', 'KeyType': 'HASH'}],
        'AttributeDefinitions': [{'AttributeName': 'p', 'AttributeType': 'S'}]})['ImportTableDescription']
out['import'] = client.describe_import(ImportArn=i['ImportArn'])['ImportTableDescription']['ImportStatus']
out['copy'] = client.get_item(TableName='PythonCopy', Key={'p': {'S': 'a'}})['Item']['b']['B'].decode()
print(json.dumps(out))
`;

describe('export and import with boto3 (HTTP endpoint)', () => {
  test('exports, describes, imports', { skip: BOTO3_SKIP }, async () => {
    const stdout = await runBoto3(BOTO3_SCRIPT);
    assert.deepEqual(JSON.parse(stdout), { status: 'COMPLETED', items: 1, import: 'COMPLETED', copy: 'bytes' });
  });
});

describe('the bucket of a data directory', () => {
  let dir;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ddbpg-s3-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('holds the export as files any tool reads, and files put there import', async () => {
    const db = await createDynamoDB({ path: dir });
    await db.send('CreateTable', tableInput('Music'));
    await db.send('PutItem', { TableName: 'Music', Item: { pk: { S: 'x' }, n: { N: '1' } } });
    await db.send('UpdateContinuousBackups', { TableName: 'Music', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
    const { ExportDescription } = await db.send('ExportTableToPointInTime', { TableArn: TABLE_ARN, S3Bucket: 'exports', S3Prefix: 'nightly' });
    const folder = path.join(dir, 's3', 'exports', 'nightly', 'AWSDynamoDB', exportIdOf(ExportDescription.ExportArn));
    const summary = JSON.parse(readFileSync(path.join(folder, 'manifest-summary.json'), 'utf8'));
    assert.equal(summary.itemCount, 1);
    assert.equal(readFileSync(path.join(folder, 'manifest-summary.md5'), 'utf8'),
      crypto.createHash('md5').update(readFileSync(path.join(folder, 'manifest-summary.json'))).digest('base64'));
    const lines = [];
    for (const line of readFileSync(path.join(folder, 'manifest-files.json'), 'utf8').trim().split('\n')) {
      const file = JSON.parse(line);
      const bytes = readFileSync(path.join(dir, 's3', 'exports', file.dataFileS3Key));
      assert.equal(file.md5Checksum, crypto.createHash('md5').update(bytes).digest('base64'));
      const text = zlib.gunzipSync(bytes).toString('utf8');
      if (text) lines.push(...text.trim().split('\n'));
    }
    assert.deepEqual(lines.map((line) => JSON.parse(line)), [{ Item: { pk: { S: 'x' }, n: { N: '1' } } }]);
    assert.ok(existsSync(path.join(folder, '_started')));

    // A CSV dropped into the bucket's folder, imported.
    mkdirSync(path.join(dir, 's3', 'uploads', 'people'), { recursive: true });
    writeFileSync(path.join(dir, 's3', 'uploads', 'people', 'part-1.csv'), 'pk,city\nann,Oslo\nbob,Lima\n');
    const { ImportTableDescription } = await db.send('ImportTable', {
      S3BucketSource: { S3Bucket: 'uploads', S3KeyPrefix: 'people/' },
      InputFormat: 'CSV',
      TableCreationParameters: tableInput('People'),
    });
    const { Items } = await db.send('Scan', { TableName: 'People' });
    assert.deepEqual(Items.map((item) => item.city.S).sort(), ['Lima', 'Oslo']);

    // A file where the export's folder must go: the export is still done and kept (the files
    // stay in the engine), with a warning.
    writeFileSync(path.join(dir, 's3', 'exports', 'blocked'), 'in the way');
    const warnings = [];
    const onWarning = (warning) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const blocked = await db.send('ExportTableToPointInTime', { TableArn: TABLE_ARN, S3Bucket: 'exports', S3Prefix: 'blocked' });
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    assert.deepEqual(warnings, ['ExportMirrorWarning']);
    await db.close();

    // Reopened from the journal: the jobs and the objects are the same.
    const again = await createDynamoDB({ path: dir });
    try {
      const described = await again.send('DescribeExport', { ExportArn: ExportDescription.ExportArn });
      assert.equal(described.ExportDescription.ItemCount, 1);
      const kept = await again.send('DescribeExport', { ExportArn: blocked.ExportDescription.ExportArn });
      assert.equal(kept.ExportDescription.ExportStatus, 'COMPLETED');
      const imported = await again.send('DescribeImport', { ImportArn: ImportTableDescription.ImportArn });
      assert.equal(imported.ImportTableDescription.ImportedItemCount, 2);
      const { Objects } = await again.send('Playground.ListObjects', { Bucket: 'exports', Prefix: 'nightly/' });
      assert.equal(Objects.length, readdirSync(folder, { recursive: true }).filter((name) => name.includes('.')).length + 1);
    } finally {
      await again.close();
    }
  });
});
