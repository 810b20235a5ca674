// node:test: one playground for the file, the config's tables fresh before each test.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';

import { useDynamoDB } from 'dynamodb-playground/testing';

const dynamo = useDynamoDB({ tables: './tables.json' }, { beforeAll: before, beforeEach, afterAll: after });

test('the seed items are there', async () => {
  const { Count } = await dynamo.db.send('Scan', { TableName: 'Users', Select: 'COUNT' });
  assert.equal(Count, 2);
  await dynamo.db.send('PutItem', { TableName: 'Users', Item: { id: { S: 'cy' } } });
});

test('a test does not see what the one before wrote', async () => {
  const { Count } = await dynamo.db.send('Scan', { TableName: 'Users', Select: 'COUNT' });
  assert.equal(Count, 2);
});
