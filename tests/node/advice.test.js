// Playground.Advise through the JS API (db.send), and what the page's Advice panel writes for a
// finding (web/js/advice_figures.js): titles, evidence lines and tutorial pages that exist.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';

import { createDynamoDB } from '../../wasm/index.js';
import { evidenceLines, mistakeTitle, tutorialAddress } from '../../web/js/advice_figures.js';

const REPO = new URL('../../', import.meta.url);

async function onDemandTable(db, name) {
  await db.send('CreateTable', {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  });
}

describe('Playground.Advise through db.send', () => {
  test('a large item and a wasteful Scan are found; a healthy table is not mentioned', async () => {
    const db = await createDynamoDB();
    try {
      for (const name of ['Documents', 'Orders', 'Users']) await onDemandTable(db, name);
      await db.send('PutItem', { TableName: 'Documents', Item: { pk: { S: 'big' }, body: { S: 'x'.repeat(120 * 1024) } } });
      for (let at = 0; at < 150; at += 25) {
        const RequestItems = { Orders: Array.from({ length: 25 }, (_, n) => ({ PutRequest: { Item: { pk: { S: `o${at + n}` } } } })) };
        await db.send('BatchWriteItem', { RequestItems });
      }
      await db.send('Scan', { TableName: 'Orders', FilterExpression: 'pk = :k', ExpressionAttributeValues: { ':k': { S: 'o7' } } });
      await db.send('PutItem', { TableName: 'Users', Item: { pk: { S: 'u1' } } });
      await db.send('GetItem', { TableName: 'Users', Key: { pk: { S: 'u1' } } });

      const { Findings } = await db.send('Playground.Advise', {});
      assert.deepEqual(Findings.map((f) => [f.Mistake, f.TableName]), [['LARGE_ITEMS', 'Documents'], ['SCAN_INSTEAD_OF_QUERY', 'Orders']]);
      assert.equal(Findings[1].Evidence.ScannedCount, 150);
      assert.equal(Findings[1].Evidence.Count, 1);
      for (const finding of Findings) {
        assert.ok(finding.Message.length > 20 && finding.Fix.length > 20, JSON.stringify(finding));
        assert.ok(existsSync(new URL(finding.Tutorial, REPO)), finding.Tutorial);
      }
      assert.deepEqual((await db.send('Playground.Advise', { TableName: 'Users' })).Findings, []);
    } finally {
      await db.close();
    }
  });

  test('an unknown table is refused as DynamoDB refuses it', async () => {
    const db = await createDynamoDB();
    try {
      await assert.rejects(db.send('Playground.Advise', { TableName: 'Missing' }), { name: 'ResourceNotFoundException' });
    } finally {
      await db.close();
    }
  });
});

describe('what the Advice panel writes', () => {
  test('each mistake has a title, and an unknown code is shown as it is', () => {
    assert.equal(mistakeTitle('HOT_PARTITION_KEY'), 'Hot partition key');
    assert.equal(mistakeTitle('SCAN_INSTEAD_OF_QUERY'), 'Scan instead of Query');
    assert.equal(mistakeTitle('LARGE_ITEMS'), 'Overly large items');
    assert.equal(mistakeTitle('PROVISIONED_SPIKE'), 'Wrong capacity mode');
    assert.equal(mistakeTitle('SOMETHING_NEW'), 'SOMETHING_NEW');
  });

  test("a finding's tutorial is the built page beside the playground, and only a tutorial path is linked", () => {
    assert.equal(tutorialAddress('docs/tutorial/01-hot-partitions.md'), '../site/tutorial/hot-partitions.html');
    assert.equal(tutorialAddress('docs/tutorial/09-large-items.md'), '../site/tutorial/large-items.html');
    for (const odd of [undefined, '', 'https://example.com/x.md', 'docs/tutorial/../../x.md', 'javascript:alert(1)']) {
      assert.equal(tutorialAddress(odd), null, String(odd));
    }
  });

  test('evidence is flattened into labelled lines, keys and values in plain JSON, numbers for people', () => {
    const lines = evidenceLines({
      Key: { S: 'US' },
      Throttles: 8001,
      CapacityUnit: 'WCU',
      LargestItemKey: { pk: { S: 'big' }, sk: { N: '2' } },
      Partition: { PartitionId: 10, PeakConsumedUnitsPerSecond: 999.99999999 },
      Cost: { OnDemand: 0.0130004 },
    });
    assert.deepEqual(lines, [
      ['key', '"US"'],
      ['throttles', '8,001'],
      ['capacity unit', 'WCU'],
      ['largest item key', '{"pk":"big","sk":2}'],
      ['partition · partition id', '10'],
      ['partition · peak consumed units per second', '1,000'],
      ['cost · on demand', '0.0130004'],
    ]);
  });
});
