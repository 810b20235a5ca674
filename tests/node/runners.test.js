// The test-suite helpers in the three runners, as a user's project runs them: a scratch project
// with `dynamodb-playground` (a link to this repository) and the AWS SDK in its node_modules,
// the sample suites of tests/runners/, and each runner's own command line.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { createDynamoDB } from '../../wasm/index.js';
import { createTables, loadTablesConfig } from '../../wasm/testing.js';
import { REPOSITORY_ROOT } from './support/cli_process.js';

const run = promisify(execFile);
const SAMPLES = path.join(REPOSITORY_ROOT, 'tests', 'runners');
const MODULES = path.join(REPOSITORY_ROOT, 'node_modules');

// A project directory holding the samples, as a user's would after `npm install`.
function scratchProject() {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'ddbpg-runner-'));
  for (const file of fs.readdirSync(SAMPLES)) fs.copyFileSync(path.join(SAMPLES, file), path.join(project, file));
  fs.copyFileSync(path.join(SAMPLES, 'tables.json'), path.join(project, 'dynamodb-playground.tables.json'));
  fs.mkdirSync(path.join(project, 'node_modules'));
  fs.symlinkSync(REPOSITORY_ROOT, path.join(project, 'node_modules', 'dynamodb-playground'), 'dir');
  fs.symlinkSync(path.join(MODULES, '@aws-sdk'), path.join(project, 'node_modules', '@aws-sdk'), 'dir');
  fs.symlinkSync(path.join(MODULES, '@smithy'), path.join(project, 'node_modules', '@smithy'), 'dir');
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'sample', private: true, type: 'commonjs' }));
  return project;
}

describe('tables from a config', () => {
  it('creates the tables and writes their items, from a file or an object', async () => {
    const db = await createDynamoDB();
    await createTables(db, path.join(SAMPLES, 'tables.json'));
    assert.equal((await db.send('Scan', { TableName: 'Users', Select: 'COUNT' })).Count, 2);
    const many = Array.from({ length: 60 }, (_, i) => ({ id: { S: `u${i}` } }));
    const [users] = await loadTablesConfig(path.join(SAMPLES, 'tables.json'));
    await createTables(db, [{ ...users, TableName: 'Many', Items: many }]);
    assert.equal((await db.send('Scan', { TableName: 'Many', Select: 'COUNT' })).Count, 60);
    await assert.rejects(loadTablesConfig({ tabels: [] }), { message: /^a tables config is an array of CreateTable inputs/ });
    await assert.rejects(createTables(db, [users]), { name: 'ResourceInUseException' });
    await db.close();
  });
});

describe('the runners', () => {
  let project;
  before(() => {
    project = scratchProject();
  });
  // rmSync removes the node_modules links, not what they point to.
  after(() => {
    if (project) fs.rmSync(project, { recursive: true, force: true });
  });

  it('node:test runs a suite with useDynamoDB and fresh tables per test', async () => {
    // Without the outer runner's context, the inner one reports as it would for a user.
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const { stdout } = await run(process.execPath, ['--test', '--test-reporter', 'tap', 'node_test.sample.mjs'], { cwd: project, env });
    assert.match(stdout, /# pass 2\n# fail 0/);
  });

  it('vitest runs a suite with useDynamoDB and the SDK in process', async () => {
    const vitest = path.join(MODULES, 'vitest', 'vitest.mjs');
    const { stdout } = await run(process.execPath, [vitest, 'run', '--root', project, 'vitest.sample'], {
      cwd: project,
      env: { ...process.env, CI: '1', NO_COLOR: '1' },
    });
    assert.match(stdout, /Tests +2 passed \(2\)/);
  });

  it("jest with its default configuration and preset 'dynamodb-playground'", async () => {
    const jest = path.join(MODULES, 'jest', 'bin', 'jest.js');
    const { stderr } = await run(
      process.execPath,
      [jest, '--rootDir', project, '--preset', 'dynamodb-playground', '--testMatch', '**/jest.sample.test.cjs', '--ci'],
      { cwd: project, env: { ...process.env, NO_COLOR: '1' } },
    );
    assert.match(stderr, /Tests: +2 passed, 2 total/);
  });

  it('jest: an endpoint per worker, and the tables again before every test with clear-between-tests', async () => {
    const jest = path.join(MODULES, 'jest', 'bin', 'jest.js');
    const { stderr } = await run(
      process.execPath,
      [jest, '--rootDir', project, '--preset', 'dynamodb-playground', '--testMatch', '**/jest.isolation.*.test.cjs',
        '--maxWorkers', '2', '--setupFilesAfterEnv', 'dynamodb-playground/jest/clear-between-tests', '--ci'],
      { cwd: project, env: { ...process.env, NO_COLOR: '1' } },
    );
    assert.match(stderr, /Test Suites: +2 passed, 2 total/);
    assert.match(stderr, /Tests: +6 passed, 6 total/);
  });
});
