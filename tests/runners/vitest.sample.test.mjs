// vitest: the same helper with vitest's hooks, and the AWS SDK through db.requestHandler().
import { GetItemCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';

import { useDynamoDB } from 'dynamodb-playground/testing';

const dynamo = useDynamoDB({ tables: './tables.json' }, { beforeAll, beforeEach, afterAll });
const client = () => new DynamoDBClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  requestHandler: dynamo.db.requestHandler(),
});

test('reads a seed item through the SDK', async () => {
  const { Item } = await client().send(new GetItemCommand({ TableName: 'Users', Key: { id: { S: 'ana' } } }));
  expect(Item.name).toEqual({ S: 'Ana' });
  await client().send(new PutItemCommand({ TableName: 'Users', Item: { id: { S: 'ana' }, name: { S: 'Changed' } } }));
});

test('starts again from the config', async () => {
  const { Item } = await client().send(new GetItemCommand({ TableName: 'Users', Key: { id: { S: 'ana' } } }));
  expect(Item.name).toEqual({ S: 'Ana' });
});
