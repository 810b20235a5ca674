// The installable package: `npm pack` the repository, install the tarball into an empty project,
// and use it by name as a user would: from an ES module, from CommonJS, and through the bin.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { REPOSITORY_ROOT, callEndpoint } from './support/cli_process.js';

const run = promisify(execFile);
const NPM_ENV = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

describe('the npm package', () => {
  let work;
  let app;
  let files;

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ddbpg-package-'));
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: REPOSITORY_ROOT,
      env: NPM_ENV,
      maxBuffer: 16 * 1024 * 1024,
    });
    const [packed] = JSON.parse(stdout);
    files = packed.files.map((file) => file.path);
    app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
    // The package has no dependencies, so installing its tarball needs no registry.
    await run('npm', ['install', '--offline', path.join(work, packed.filename)], { cwd: app, env: NPM_ENV });
  });

  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds the engine, the JS, the types, the bin and the page, and no sources or tests', () => {
    for (const needed of ['wasm/index.js', 'wasm/index.cjs', 'wasm/index.d.ts', 'wasm/cli.js',
      'wasm/generated/package.json', 'wasm/generated/ddbpg_engine.js', 'wasm/generated/ddbpg_engine.wasm', 'web/index.html', 'web/js/main.js', 'web/embed/ddb-playground.js']) {
      assert.ok(files.includes(needed), `${needed} is missing`);
    }
    for (const file of files) {
      assert.doesNotMatch(file, /^(engine|tests|scripts|third_party)\/|\.(cc|h)$/, `${file} should not be packed`);
    }
  });

  it("runs the README's first example, importing the package by name", async () => {
    fs.writeFileSync(path.join(app, 'esm.mjs'), `
      import { createDynamoDB } from 'dynamodb-playground';
      const db = await createDynamoDB();
      await db.send('CreateTable', {
        TableName: 'Music', BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'Artist', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'Artist', AttributeType: 'S' }],
      });
      await db.send('PutItem', { TableName: 'Music', Item: { Artist: { S: 'Acme Band' } } });
      const error = await db.send('GetItem', { TableName: 'Nope', Key: { Artist: { S: 'x' } } }).catch((e) => e);
      console.log(JSON.stringify([db.handle('DynamoDB_20120810.ListTables', '{}').body, error.name]));
    `);
    const { stdout } = await run(process.execPath, ['esm.mjs'], { cwd: app });
    assert.deepEqual(JSON.parse(stdout), ['{"TableNames":["Music"]}', 'ResourceNotFoundException']);
  });

  it('works from CommonJS', async () => {
    fs.writeFileSync(path.join(app, 'cjs.cjs'), `
      const { createDynamoDB } = require('dynamodb-playground');
      createDynamoDB().then(async (db) => {
        const { TableNames } = await db.send('ListTables', {});
        console.log(JSON.stringify(TableNames));
        await db.close();
      });
    `);
    const { stdout } = await run(process.execPath, ['cjs.cjs'], { cwd: app });
    assert.equal(stdout.trim(), '[]');
  });

  it('type-checks a TypeScript example against the packed types', async () => {
    fs.writeFileSync(path.join(app, 'typed.ts'), `
      import { createDynamoDB, DynamoDBError, type AttributeValue } from 'dynamodb-playground';
      import { useDynamoDB, createTables } from 'dynamodb-playground/testing';
      import { startServer } from 'dynamodb-playground/server';

      export async function endpoint(): Promise<string> {
        const server = await startServer({ port: 0, throttling: false });
        const url: string = server.url;
        await server.db.send('Playground.Reset', {});
        // @ts-expect-error a port is a number
        await startServer({ port: '8000' }).catch(() => {});
        await server.close();
        return url;
      }

      export async function example(): Promise<number> {
        const db = await createDynamoDB({ throttling: false });
        await createTables(db, [{ TableName: 'T', BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] }]);
        const answer = db.handle('DynamoDB_20120810.ListTables', '{}');
        const status: number = answer.status;
        const snapshot: Uint8Array = await db.exportSnapshot();
        try {
          await db.send('GetItem', { TableName: 'Nope', Key: {} });
        } catch (error) {
          if (error instanceof DynamoDBError) console.log(error.name, error.$metadata.httpStatusCode);
        }
        // Inputs and outputs are typed per operation.
        const got = await db.send('GetItem', { TableName: 'T', Key: { id: { S: 'x' } } });
        const name: AttributeValue | undefined = got.Item?.name;
        const described = await db.send('DescribeTable', { TableName: 'T' });
        const count: number = (described.Table?.ItemCount ?? 0) + (name ? 1 : 0);
        // @ts-expect-error GetItem needs its Key
        await db.send('GetItem', { TableName: 'T' }).catch(() => {});
        // @ts-expect-error a table's name is a string
        await db.send('DescribeTable', { TableName: 7 }).catch(() => {});
        // @ts-expect-error an operation DynamoDB does not have
        await db.send('PutItme', {}).catch(() => {});
        await db.send('Playground.SetClock', { Mode: 'VIRTUAL' });
        await db.send('DynamoDBStreams_20120810.ListStreams', {});
        // @ts-expect-error throttling is a boolean
        await createDynamoDB({ throttling: 'off' });
        await db.reset();
        await db.close();
        return status + snapshot.length + count;
      }
      export const suite: { db: unknown } = useDynamoDB({ tables: './tables.json' }, {
        beforeAll: () => {}, beforeEach: () => {}, afterAll: () => {},
      });
    `);
    const tsc = path.join(REPOSITORY_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022',
      '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', 'typed.ts'], { cwd: app })
      .catch((error) => error);
    assert.equal(result.stdout, '', result.stdout);
  });

  it('installs the dynamodb-playground bin, which serves the endpoint and the page', async () => {
    const bin = path.join(app, 'node_modules', '.bin', 'dynamodb-playground');
    const help = await run(bin, ['--help'], { cwd: app });
    assert.match(help.stdout, /^Usage: dynamodb-playground/);
    const { spawn } = await import('node:child_process');
    const { once } = await import('node:events');
    const child = spawn(bin, ['--port', '0'], { cwd: app, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`the bin exited with ${code}`);
    });
    exited.catch(() => {});
    try {
      let banner = '';
      while (!/DynamoDB endpoint: +http:\/\/localhost:\d+/.test(banner)) {
        banner += (await Promise.race([once(child.stdout, 'data'), exited]))[0];
      }
      const endpoint = banner.match(/DynamoDB endpoint: +(http:\/\/localhost:\d+)/)[1];
      assert.deepEqual((await callEndpoint(endpoint, 'DynamoDB_20120810.ListTables', {})).body, { TableNames: [] });
      const page = await fetch(`${endpoint}/web/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<title>DynamoDB Playground<\/title>/);
      const wasm = await fetch(`${endpoint}/wasm/generated/ddbpg_engine.wasm`);
      assert.equal(wasm.status, 200);
    } finally {
      child.kill();
    }
  });
});
