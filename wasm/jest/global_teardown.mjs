// Jest's globalTeardown for `preset: 'dynamodb-playground'`: stops the run's endpoints.
import fs from 'node:fs';
import path from 'node:path';

export default async function globalTeardown() {
  const run = globalThis.__dynamodbPlayground;
  if (!run) return;
  await Promise.all(run.servers.map((server) => server.close()));
  fs.rmSync(path.dirname(run.tablesFile), { recursive: true, force: true });
}
