// Helpers for test suites (node only): tables from a config file, and one playground per suite
// with fresh tables for every test, for node:test, vitest and jest.
//
//   import { useDynamoDB } from 'dynamodb-playground/testing';
//   const dynamo = useDynamoDB({ tables: './tables.json' }, { beforeAll: before, beforeEach, afterAll: after });
//   // in a test: await dynamo.db.send('PutItem', ...), or the SDK with dynamo.db.requestHandler()
//
// A tables config is an array of CreateTable inputs, or { tables: [...] }; a table may carry
// `Items`, DynamoDB JSON items written after it is created. A file is JSON, or a JS module whose
// default export (or module.exports) is the config.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import createTablesModule from './create_tables.cjs';
import { createDynamoDB } from './index.js';

const { createTablesWith } = createTablesModule;

/** The tables of `source`: a config object or array, or the path of a .json or JS file. */
export async function loadTablesConfig(source) {
  let config = source;
  if (typeof source === 'string') {
    const file = path.resolve(source);
    if (file.endsWith('.json')) {
      config = JSON.parse(await readFile(file, 'utf8'));
    } else {
      const loaded = await import(pathToFileURL(file).href);
      config = loaded.default ?? loaded;
    }
  }
  const tables = Array.isArray(config) ? config : config?.tables;
  if (!Array.isArray(tables)) {
    throw new TypeError('a tables config is an array of CreateTable inputs, or { tables: [...] }');
  }
  return tables;
}

/** Creates every table of `config` (see loadTablesConfig) in `db` and writes its `Items`. */
export async function createTables(db, config) {
  await createTablesWith((operation, input) => db.send(operation, input), await loadTablesConfig(config));
}

// Jest and vitest (with globals) put their hooks on globalThis; node:test and vitest without
// globals pass theirs.
function globalHooks() {
  const { beforeAll, beforeEach, afterAll } = globalThis;
  if (typeof beforeAll === 'function' && typeof beforeEach === 'function' && typeof afterAll === 'function') {
    return { beforeAll, beforeEach, afterAll };
  }
  throw new Error(
    "useDynamoDB needs the test runner's hooks: for node:test, " +
      "useDynamoDB(options, { beforeAll: before, beforeEach, afterAll: after })",
  );
}

/**
 * One in-process playground for the suite it is called in: created before the first test,
 * emptied and given the config's tables again before each test (unless `clearBetweenTests` is
 * false: then the tables are created once), closed after the last. Throttling is off unless
 * `throttling: true`. Other options go to createDynamoDB. Returns `{ db }`, filled in before the
 * first test runs.
 */
export function useDynamoDB({ tables = [], clearBetweenTests = true, throttling = false, ...options } = {}, hooks = globalHooks()) {
  const suite = { db: undefined };
  let config;
  hooks.beforeAll(async () => {
    config = await loadTablesConfig(tables);
    suite.db = await createDynamoDB({ ...options, throttling });
    if (!clearBetweenTests) await createTables(suite.db, config);
  });
  hooks.beforeEach(async () => {
    if (!clearBetweenTests) return;
    await suite.db.reset();
    await createTables(suite.db, config);
  });
  hooks.afterAll(async () => {
    await suite.db?.close();
  });
  return suite;
}
