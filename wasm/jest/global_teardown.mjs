// Jest's globalTeardown for `preset: 'dynamodb-playground'`: stops the run's endpoint.
export default async function globalTeardown() {
  await globalThis.__dynamodbPlayground?.close();
}
