// jest with its default configuration (CommonJS test files) and preset 'dynamodb-playground':
// the run's endpoint is at process.env.DYNAMODB_ENDPOINT, with dynamodb-playground.tables.json.
const { DynamoDBClient, GetItemCommand, PutItemCommand, ScanCommand } = require('@aws-sdk/client-dynamodb');

const client = new DynamoDBClient({
  region: 'us-east-1',
  endpoint: process.env.DYNAMODB_ENDPOINT,
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
});

afterAll(() => client.destroy());

test('the tables of the config file are there', async () => {
  const { Item } = await client.send(new GetItemCommand({ TableName: 'Users', Key: { id: { S: 'bo' } } }));
  expect(Item.name).toEqual({ S: 'Bo' });
});

test('writes land in the playground', async () => {
  await client.send(new PutItemCommand({ TableName: 'Users', Item: { id: { S: 'jest' } } }));
  const { Count } = await client.send(new ScanCommand({ TableName: 'Users', Select: 'COUNT' }));
  expect(Count).toBe(3);
});
