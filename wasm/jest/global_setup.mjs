// Jest's globalSetup for `preset: 'dynamodb-playground'`: one playground endpoint per Jest
// worker for the run, started before any test file, each with the tables of
// dynamodb-playground.tables.{json,js,cjs,mjs} in the project's root if there is one. A test file
// reaches its worker's endpoint at process.env.DYNAMODB_ENDPOINT (wasm/jest/worker_endpoint.cjs
// picks it) with any DynamoDB client, so files running at once never see each other's writes.
// Jest's default setup cannot load ES modules in test files; the AWS SDK can talk to an endpoint
// from CommonJS.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startServer } from '../http_server.js';
import { createTables, loadTablesConfig } from '../testing.js';

const CONFIG_NAMES = ['json', 'js', 'cjs', 'mjs'].map((extension) => `dynamodb-playground.tables.${extension}`);

export default async function globalSetup(globalConfig) {
  const configFile = CONFIG_NAMES.map((name) => path.join(globalConfig.rootDir, name)).find((file) => fs.existsSync(file));
  const tables = configFile ? await loadTablesConfig(configFile) : [];
  const workers = Math.max(1, globalConfig.maxWorkers || 1);
  const servers = [];
  for (let worker = 0; worker < workers; worker++) {
    const server = await startServer({ port: 0, throttling: false });
    servers.push(server);
    await createTables(server.db, tables);
  }
  // The tables again, for wasm/jest/clear_between_tests.cjs (a JS config is data by now).
  const tablesFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ddbpg-jest-')), 'tables.json');
  fs.writeFileSync(tablesFile, JSON.stringify(tables));
  process.env.DYNAMODB_PLAYGROUND_ENDPOINTS = servers.map((server) => server.url).join(',');
  process.env.DYNAMODB_PLAYGROUND_TABLES_FILE = tablesFile;
  process.env.DYNAMODB_ENDPOINT = servers[0].url;
  globalThis.__dynamodbPlayground = { servers, tablesFile };
}
