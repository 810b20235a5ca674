// Tests two Jest files define to run at once, on two workers, with
// setupFilesAfterEnv dynamodb-playground/jest/clear-between-tests: each test writes, waits while
// the other file's tests run, and must still see exactly the config's two users and its write.
const { DynamoDBClient, PutItemCommand, ScanCommand } = require('@aws-sdk/client-dynamodb');

module.exports = function defineIsolationTests(label) {
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: process.env.DYNAMODB_ENDPOINT,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  afterAll(() => client.destroy());

  for (const name of ['one', 'two', 'three']) {
    test(`${label}: a write of ${name} sees only the config's users and itself`, async () => {
      await client.send(new PutItemCommand({ TableName: 'Users', Item: { id: { S: `${label}-${name}` } } }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { Count } = await client.send(new ScanCommand({ TableName: 'Users', Select: 'COUNT' }));
      expect(Count).toBe(3);
    });
  }
};
