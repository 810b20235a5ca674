// Every example request the page offers is valid: sent top to bottom, as a user walking the
// picker would, each one succeeds against the engine. The backup examples get the newest
// backup's ARN filled in as the page's Send fills it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createDynamoDB } from '../../wasm/index.js';
import { EXAMPLES, NEWEST_BACKUP_ARN, NEWEST_EXPORT_ARN, fillRunTimeValues, findExample } from '../../web/js/examples.js';
import { PARTIQL_EXAMPLES, partiqlParametersText } from '../../web/js/partiql_examples.js';
import { partiqlRequestText } from '../../web/js/partiql_request.js';

describe('the page examples', () => {
  it('cover every operation the engine implements', () => {
    const operations = EXAMPLES.map((example) => example.operation);
    for (const operation of [
      'CreateTable', 'DescribeTable', 'ListTables', 'UpdateTable', 'DeleteTable',
      'PutItem', 'GetItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan',
      'BatchGetItem', 'BatchWriteItem', 'TransactGetItems', 'TransactWriteItems',
      'TagResource', 'UntagResource', 'ListTagsOfResource',
      'ExecuteStatement', 'BatchExecuteStatement', 'ExecuteTransaction',
      'CreateBackup', 'ListBackups', 'UpdateContinuousBackups', 'DescribeContinuousBackups',
      'RestoreTableToPointInTime', 'DescribeLimits', 'DescribeEndpoints',
      'DescribeBackup', 'RestoreTableFromBackup', 'DeleteBackup',
      'PutResourcePolicy', 'GetResourcePolicy', 'DeleteResourcePolicy',
      'ExportTableToPointInTime', 'DescribeExport', 'ListExports', 'ImportTable', 'DescribeImport', 'ListImports',
    ]) {
      assert.ok(operations.includes(operation), `no example for ${operation}`);
    }
  });

  it('all succeed when sent in order', async () => {
    const db = await createDynamoDB();
    const outputs = {};
    const sent = {};
    for (const { operation, input } of EXAMPLES) {
      sent[operation] = JSON.parse((await fillRunTimeValues(db, JSON.stringify(input))).text);
      outputs[operation] = await db.send(operation, sent[operation]);
    }
    assert.equal(outputs.Query.Count, 1);
    assert.deepEqual(outputs.UpdateItem.Attributes, {
      AlbumTitle: { S: 'Updated Album Title' },
      Plays: { N: '1' },
    });
    assert.equal(outputs.BatchGetItem.Responses.Music.length, 2);
    // ListTagsOfResource runs between TagResource and UntagResource.
    assert.deepEqual(outputs.ListTagsOfResource.Tags, [
      { Key: 'CostCenter', Value: '12345' },
      { Key: 'Owner', Value: 'blueTeam' },
    ]);
    // The examples' ARN is the one the table really has.
    assert.equal(outputs.DescribeTable.Table.TableArn, findExample('TagResource').input.ResourceArn);
    assert.deepEqual(outputs.UntagResource, {});
    assert.deepEqual(outputs.ListBackups.BackupSummaries.map((b) => b.BackupArn), [
      outputs.CreateBackup.BackupDetails.BackupArn,
    ]);
    assert.equal(outputs.RestoreTableToPointInTime.TableDescription.TableName, 'MusicRestored');
    // The backup examples all name the backup CreateBackup made, and run in an order that works.
    const backupArn = outputs.CreateBackup.BackupDetails.BackupArn;
    for (const operation of ['DescribeBackup', 'RestoreTableFromBackup', 'DeleteBackup']) {
      assert.equal(findExample(operation).input.BackupArn, NEWEST_BACKUP_ARN);
      assert.equal(sent[operation].BackupArn, backupArn, operation);
    }
    assert.equal(outputs.DescribeBackup.BackupDescription.SourceTableDetails.TableName, 'Music');
    assert.equal(outputs.RestoreTableFromBackup.TableDescription.RestoreSummary.SourceBackupArn, backupArn);
    assert.equal(outputs.DeleteBackup.BackupDescription.BackupDetails.BackupStatus, 'DELETED');
    assert.deepEqual(outputs.TransactGetItems.Responses.map((r) => r.Item.Awards), [
      { N: '2' },
      { N: '1' },
    ]);
    assert.deepEqual(outputs.ExecuteStatement.Items.map((item) => item.SongTitle.S), ['Happy Day', 'PartiQL Rocks']);
    assert.deepEqual(outputs.BatchExecuteStatement.Responses.map((r) => r.Item.SongTitle.S), ['Happy Day', 'PartiQL Rocks']);
    // A transaction of writes answers an empty Responses list, as the service does (2026).
    assert.deepEqual(outputs.ExecuteTransaction, { Responses: [] });
    assert.equal(outputs.DescribeLimits.TableMaxWriteCapacityUnits, 40000);
    // The policy was kept, and the minute the clock moved let DeleteResourcePolicy remove it.
    assert.equal(outputs.GetResourcePolicy.RevisionId, outputs.PutResourcePolicy.RevisionId);
    assert.equal(JSON.parse(outputs.GetResourcePolicy.Policy).Statement[0].Sid, 'ReadOnlyForTheAccount');
    assert.deepEqual(outputs.DeleteResourcePolicy, { RevisionId: outputs.PutResourcePolicy.RevisionId });
    assert.equal(outputs.DescribeEndpoints.Endpoints[0].Address, 'dynamodb.us-east-1.amazonaws.com');
    // The export examples fill in the export that ExportTableToPointInTime made, and the import
    // reads its data files back into a table holding the same songs.
    assert.equal(findExample('DescribeExport').input.ExportArn, NEWEST_EXPORT_ARN);
    assert.equal(sent.DescribeExport.ExportArn, outputs.ExportTableToPointInTime.ExportDescription.ExportArn);
    assert.equal(outputs.DescribeExport.ExportDescription.ExportStatus, 'COMPLETED');
    assert.match(sent.ImportTable.S3BucketSource.S3KeyPrefix, /^nightly\/AWSDynamoDB\/\d{14}-[0-9a-f]{8}\/data\/$/);
    assert.equal(outputs.DescribeImport.ImportTableDescription.ImportStatus, 'COMPLETED');
    assert.equal(outputs.DescribeImport.ImportTableDescription.ImportedItemCount, outputs.DescribeExport.ExportDescription.ItemCount);
    assert.equal(outputs.ListImports.ImportSummaryList[0].ImportArn, outputs.ImportTable.ImportTableDescription.ImportArn);
    db.close();
  });

  it('leave the backup placeholder, with a note, when there is no backup to fill in', async () => {
    const db = await createDynamoDB();
    const text = JSON.stringify(findExample('DescribeBackup').input);
    assert.deepEqual(await fillRunTimeValues(db, text), {
      text, note: 'There is no backup yet to fill in: send CreateBackup first.',
    });
    await assert.rejects(db.send('DescribeBackup', JSON.parse(text)), { name: 'BackupNotFoundException' });
    db.close();
  });

  it('fill in the newest of several backups, past ListBackups\' first page', async () => {
    const db = await createDynamoDB();
    await db.send('CreateTable', findExample('CreateTable').input);
    const arns = [];
    for (let n = 0; n < 101; n++) {
      arns.push((await db.send('CreateBackup', { TableName: 'Music', BackupName: `Backup${n}` })).BackupDetails.BackupArn);
    }
    const filled = await fillRunTimeValues(db, JSON.stringify(findExample('DeleteBackup').input));
    assert.equal(JSON.parse(filled.text).BackupArn, arns.at(-1));
    assert.equal(filled.note, "BackupArn is the newest backup's, Backup100 of Music (from ListBackups).");
    db.close();
  });

  it('PartiQL: all succeed in order against the examples\' Music table, and leave it as it was', async () => {
    const db = await createDynamoDB();
    await db.send('CreateTable', findExample('CreateTable').input);
    await db.send('BatchWriteItem', findExample('BatchWriteItem').input);
    const before = (await db.send('Scan', { TableName: 'Music' })).Items;
    const outputs = {};
    // Twice: the list can be run again, as its comment promises.
    for (const round of [1, 2]) {
      for (const example of PARTIQL_EXAMPLES) {
        const { requestText } = partiqlRequestText({
          statement: example.statement, parametersText: partiqlParametersText(example), limitText: '',
        });
        outputs[example.name] = await db.send('ExecuteStatement', JSON.parse(requestText));
        assert.ok(outputs[example.name].ConsumedCapacity, `${example.name}, round ${round}`);
      }
    }
    assert.deepEqual(outputs['SELECT by key'].Items, [
      { Artist: { S: 'Acme Band' }, Awards: { N: '3' }, SongTitle: { S: 'Happy Day' } },
    ]);
    assert.deepEqual(outputs['SELECT with a filter'].Items, [{ Awards: { N: '3' }, SongTitle: { S: 'Happy Day' } }]);
    assert.deepEqual(outputs.INSERT.Items, []);
    assert.deepEqual(outputs['UPDATE SET'].Items, [{ Awards: { N: '1' } }]);
    assert.deepEqual(outputs.DELETE.Items, [{ Artist: { S: 'Acme Band' }, Awards: { N: '1' }, SongTitle: { S: 'Sunny Side' } }]);
    assert.deepEqual(outputs['SELECT every item'].Items, before);
    db.close();
  });

  it('PartiQL: the boxes become one ExecuteStatement request, or say why they cannot', () => {
    assert.deepEqual(JSON.parse(partiqlRequestText({
      statement: 'SELECT * FROM "Music"', parametersText: ' ', limitText: '2', nextToken: 'abc',
    }).requestText), { Statement: 'SELECT * FROM "Music"', Limit: 2, NextToken: 'abc', ReturnConsumedCapacity: 'TOTAL' });
    assert.deepEqual(partiqlRequestText({ statement: 'SELECT * FROM "Music" WHERE Artist = ?', parametersText: '{"S": "A"}', limitText: '' }).problem, {
      operation: 'ExecuteStatement', sent: false, ok: false, status: null, errorName: 'Invalid parameters',
      message: 'The parameters are a JSON list of AttributeValues, one per ?, such as [{"S": "Acme Band"}].',
    });
    assert.equal(partiqlRequestText({ statement: 'x', parametersText: '[', limitText: '' }).problem.errorName, 'Invalid parameters');
    assert.equal(partiqlRequestText({ statement: 'x', parametersText: '', limitText: '1.5' }).problem.message, 'Limit is a whole number of items.');
  });
});
