// Every example request the page offers is valid: sent top to bottom, as a user walking the
// picker would, each one succeeds against the engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createDynamoDB } from '../../wasm/index.js';
import { EXAMPLES, findExample } from '../../web/js/examples.js';

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
      'PutResourcePolicy', 'GetResourcePolicy', 'DeleteResourcePolicy',
    ]) {
      assert.ok(operations.includes(operation), `no example for ${operation}`);
    }
  });

  it('all succeed when sent in order', async () => {
    const db = await createDynamoDB();
    const outputs = {};
    for (const { operation, input } of EXAMPLES) {
      outputs[operation] = await db.send(operation, input);
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
    assert.deepEqual(outputs.TransactGetItems.Responses.map((r) => r.Item.Awards), [
      { N: '2' },
      { N: '1' },
    ]);
    assert.deepEqual(outputs.ExecuteStatement.Items.map((item) => item.SongTitle.S), ['Happy Day', 'PartiQL Rocks']);
    assert.deepEqual(outputs.BatchExecuteStatement.Responses.map((r) => r.Item.SongTitle.S), ['Happy Day', 'PartiQL Rocks']);
    assert.deepEqual(outputs.ExecuteTransaction, {});
    assert.equal(outputs.DescribeLimits.TableMaxWriteCapacityUnits, 40000);
    // The policy was kept, and the minute the clock moved let DeleteResourcePolicy remove it.
    assert.equal(outputs.GetResourcePolicy.RevisionId, outputs.PutResourcePolicy.RevisionId);
    assert.equal(JSON.parse(outputs.GetResourcePolicy.Policy).Statement[0].Sid, 'ReadOnlyForTheAccount');
    assert.deepEqual(outputs.DeleteResourcePolicy, { RevisionId: outputs.PutResourcePolicy.RevisionId });
    assert.equal(outputs.DescribeEndpoints.Endpoints[0].Address, 'dynamodb.us-east-1.amazonaws.com');
    db.close();
  });
});
