// Jest's globalSetup for `preset: 'dynamodb-playground'`: one playground endpoint for the run,
// started before any test file, with the tables of dynamodb-playground.tables.{json,js,cjs,mjs}
// in the project's root if there is one. Test files reach it at process.env.DYNAMODB_ENDPOINT
// with any DynamoDB client (Jest's default setup cannot load ES modules in test files; the
// AWS SDK can talk to an endpoint from CommonJS).

import fs from 'node:fs';
import path from 'node:path';

import { startServer } from '../http_server.js';
import { createTables } from '../testing.js';

const CONFIG_NAMES = ['json', 'js', 'cjs', 'mjs'].map((extension) => `dynamodb-playground.tables.${extension}`);

export default async function globalSetup(globalConfig) {
  const server = await startServer({ port: 0, throttling: false });
  const config = CONFIG_NAMES.map((name) => path.join(globalConfig.rootDir, name)).find((file) => fs.existsSync(file));
  if (config) await createTables(server.db, config);
  process.env.DYNAMODB_ENDPOINT = server.url;
  globalThis.__dynamodbPlayground = server;
}
