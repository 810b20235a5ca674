// The page keeps its playground in IndexedDB: reloads, a second tab, a closed browser, a damaged
// journal and a reset, in Debian's Chromium with real IndexedDB and Web Locks.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, openPlayground, startStaticServer } from './support/browser_fixture.js';

const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));

const MUSIC = {
  TableName: 'Music',
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [
    { AttributeName: 'Artist', KeyType: 'HASH' },
    { AttributeName: 'Song', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'Artist', AttributeType: 'S' },
    { AttributeName: 'Song', AttributeType: 'S' },
    { AttributeName: 'Genre', AttributeType: 'S' },
  ],
  GlobalSecondaryIndexes: [
    { IndexName: 'ByGenre', KeySchema: [{ AttributeName: 'Genre', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
  ],
  StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
};

async function ready(page) {
  await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 20_000 });
}

// Runs `operation` with `input` in the page's engine (window.playground.db); resolves to the
// output, or to { error: name } when it was refused.
function send(page, operation, input = {}) {
  return page.evaluate(
    ([op, body]) => globalThis.playground.db.send(op, body).catch((error) => ({ error: error.name, message: error.message })),
    [operation, input],
  );
}

// Writes `bytes` into the default workspace's stored journal behind the page's back, as a torn
// write or another version would leave it: added as a chunk, or in place of every chunk.
function addToStoredJournal(page, bytes, { replace = false } = {}) {
  return page.evaluate(
    ([chunk, clear]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('dynamodb-playground:default');
        open.onsuccess = () => {
          const transaction = open.result.transaction('journal', 'readwrite');
          if (clear) transaction.objectStore('journal').clear();
          transaction.objectStore('journal').add(new Uint8Array(chunk));
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [bytes, replace],
  );
}

// Everything a user can read back: tables, index, items, TTL, stream records and the clock.
function everything(page) {
  return page.evaluate(async () => {
    const { db } = globalThis.playground;
    const { Table } = await db.send('DescribeTable', { TableName: 'Music' });
    const { StreamDescription } = await db.send('DynamoDBStreams_20120810.DescribeStream', { StreamArn: Table.LatestStreamArn });
    const { ShardIterator } = await db.send('DynamoDBStreams_20120810.GetShardIterator', {
      StreamArn: Table.LatestStreamArn,
      ShardId: StreamDescription.Shards[0].ShardId,
      ShardIteratorType: 'TRIM_HORIZON',
    });
    return {
      table: Table,
      items: (await db.send('Scan', { TableName: 'Music', ConsistentRead: true })).Items,
      rock: (await db.send('Query', {
        TableName: 'Music', IndexName: 'ByGenre', KeyConditionExpression: 'Genre = :g',
        ExpressionAttributeValues: { ':g': { S: 'Rock' } },
      })).Items,
      ttl: await db.send('DescribeTimeToLive', { TableName: 'Music' }),
      records: (await db.send('DynamoDBStreams_20120810.GetRecords', { ShardIterator })).Records,
      now: (await db.send('Playground.GetMetrics', { TableName: 'Music' })).Now,
    };
  });
}

describe('the page keeps its playground in IndexedDB', () => {
  let playground;
  before(async () => {
    playground = await openPlayground();
  });
  after(() => playground.close());

  test('tables, indexes, items, stream records, TTL and the clock survive a reload', async () => {
    const context = await playground.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${playground.pageUrl}web/`);
    await ready(page);
    assert.match(await page.textContent('#engine-status'), /^Engine ready in \d+ ms$/);
    await send(page, 'Playground.SetClock', { Mode: 'VIRTUAL', Now: 1767225600 });
    await send(page, 'CreateTable', MUSIC);
    await send(page, 'UpdateTimeToLive', { TableName: 'Music', TimeToLiveSpecification: { Enabled: true, AttributeName: 'ExpiresAt' } });
    for (const [song, genre] of [['One', 'Rock'], ['Two', 'Jazz'], ['Three', 'Rock']]) {
      await send(page, 'PutItem', { TableName: 'Music', Item: { Artist: { S: 'Band' }, Song: { S: song }, Genre: { S: genre } } });
    }
    await send(page, 'PutItem', { TableName: 'Music', Item: { Artist: { S: 'Band' }, Song: { S: 'Brief' }, ExpiresAt: { N: '1767225605' } } });
    await send(page, 'Playground.AdvanceClock', { Seconds: 60 });
    const before = await everything(page);
    assert.equal(before.items.length, 3); // Brief expired and was deleted
    assert.equal(before.records.length, 5);

    await page.reload();
    await ready(page);
    assert.match(await page.textContent('#engine-status'), /^Restored 1 table, 3 items in \d+ ms$/);
    assert.deepEqual(await everything(page), before);
    assert.equal(await page.isVisible('#storage-banner'), false);
    await context.close();
  });

  test('a compacted playground reloads from its snapshot and the journal written since', async () => {
    const context = await playground.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${playground.pageUrl}web/`);
    await ready(page);
    await send(page, 'Playground.SetClock', { Mode: 'VIRTUAL', Now: 1767225600 });
    await send(page, 'CreateTable', MUSIC);
    for (const song of ['One', 'Two', 'Three']) {
      await send(page, 'PutItem', { TableName: 'Music', Item: { Artist: { S: 'Band' }, Song: { S: song }, Genre: { S: 'Rock' } } });
    }
    await page.evaluate(() => globalThis.playground.db.compact());
    await send(page, 'PutItem', { TableName: 'Music', Item: { Artist: { S: 'Band' }, Song: { S: 'Four' }, Genre: { S: 'Jazz' } } });
    const before = await everything(page);
    // What IndexedDB holds: the snapshot, and a journal of its header and the one put since.
    const stored = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('dynamodb-playground:default');
          open.onsuccess = () => {
            const transaction = open.result.transaction(['snapshot', 'journal'], 'readonly');
            const snapshot = transaction.objectStore('snapshot').get('current');
            const journal = transaction.objectStore('journal').getAll();
            transaction.oncomplete = () => {
              open.result.close();
              resolve({
                magic: new TextDecoder().decode(new Uint8Array(snapshot.result).subarray(0, 8)),
                chunks: journal.result.length,
              });
            };
          };
        }),
    );
    assert.deepEqual(stored, { magic: 'DDBPGSNP', chunks: 2 });

    await page.reload();
    await ready(page);
    assert.match(await page.textContent('#engine-status'), /^Restored 1 table, 4 items in \d+ ms$/);
    assert.deepEqual(await everything(page), before);
    await context.close();
  });

  test('a second tab is read-only until it takes over, and the first then is', async () => {
    const context = await playground.browser.newContext();
    const first = await context.newPage();
    await first.goto(`${playground.pageUrl}web/`);
    await ready(first);
    await send(first, 'CreateTable', { ...MUSIC, StreamSpecification: undefined });

    const second = await context.newPage();
    await second.goto(`${playground.pageUrl}web/`);
    await ready(second);
    assert.equal(await second.isVisible('#storage-banner'), true);
    assert.match(await second.textContent('#storage-message'), /open in another tab, which writes it\. This tab is read-only/);
    assert.equal(await second.isDisabled('#reset-playground'), true);
    // It reads what the first stored, and refuses to write.
    assert.deepEqual((await send(second, 'ListTables')).TableNames, ['Music']);
    const refused = await send(second, 'PutItem', { TableName: 'Music', Item: { Artist: { S: 'A' }, Song: { S: 'B' } } });
    assert.equal(refused.error, 'AccessDeniedException');

    await second.click('#take-over');
    await ready(second);
    assert.equal(await second.isVisible('#storage-banner'), false);
    const written = await send(second, 'PutItem', { TableName: 'Music', Item: { Artist: { S: 'A' }, Song: { S: 'B' } } });
    assert.equal(written.error, undefined);

    await first.waitForSelector('#storage-banner:not([hidden])');
    assert.match(await first.textContent('#storage-message'), /Another tab took over this playground\. This tab is read-only/);
    assert.equal((await send(first, 'DeleteTable', { TableName: 'Music' })).error, 'AccessDeniedException');
    await context.close();
  });

  // Where Web Locks are missing (a page served over plain http from another machine) every tab
  // believes it writes: the writer number in IndexedDB still lets only the latest one store.
  test('without Web Locks, an older tab cannot add to what a newer one took over', async () => {
    const context = await playground.browser.newContext();
    await context.addInitScript(() => {
      delete Navigator.prototype.locks;
    });
    const first = await context.newPage();
    await first.goto(`${playground.pageUrl}web/`);
    await ready(first);
    await send(first, 'CreateTable', { ...MUSIC, StreamSpecification: undefined });
    const second = await context.newPage();
    await second.goto(`${playground.pageUrl}web/`);
    await ready(second);
    const stale = await send(first, 'PutItem', { TableName: 'Music', Item: { Artist: { S: 'Old' }, Song: { S: 'Tab' } } });
    assert.equal(stale.error, 'InternalServerError');
    assert.match(stale.message, /^another tab took over this playground before the change was stored; reload this tab/);
    assert.equal((await send(second, 'PutItem', { TableName: 'Music', Item: { Artist: { S: 'New' }, Song: { S: 'Tab' } } })).error, undefined);
    await second.reload();
    await ready(second);
    const { Items } = await send(second, 'Scan', { TableName: 'Music' });
    assert.deepEqual(Items.map((item) => item.Artist.S), ['New']);
    await context.close();
  });

  test('a damaged journal end opens with a message and everything before it', async () => {
    const context = await playground.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${playground.pageUrl}web/`);
    await ready(page);
    await send(page, 'CreateTable', { ...MUSIC, StreamSpecification: undefined });
    await send(page, 'PutItem', { TableName: 'Music', Item: { Artist: { S: 'Kept' }, Song: { S: 'Safe' } } });
    // A chunk that is not a whole record, as a torn write would leave.
    await addToStoredJournal(page, [40, 0, 0, 0, 9, 9, 9]);
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('#storage-banner', 'data-kind'), 'error');
    assert.equal(
      await page.textContent('#storage-message'),
      'The end of the stored playground could not be read (the last 7 bytes are an incomplete record (a write cut short)); everything before it was restored.',
    );
    assert.deepEqual((await send(page, 'Scan', { TableName: 'Music' })).Items, [{ Artist: { S: 'Kept' }, Song: { S: 'Safe' } }]);
    // The damaged bytes are set aside, so the next load is clean and new writes are kept.
    await send(page, 'PutItem', { TableName: 'Music', Item: { Artist: { S: 'Kept' }, Song: { S: 'After' } } });
    await page.reload();
    await ready(page);
    assert.equal(await page.isVisible('#storage-banner'), false);
    assert.equal((await send(page, 'Scan', { TableName: 'Music', Select: 'COUNT' })).Count, 2);
    await context.close();
  });

  test('"Download" saves the playground as one file and "Open file" starts another browser from it', async () => {
    const source = await playground.browser.newContext({ acceptDownloads: true });
    const page = await source.newPage();
    await page.goto(`${playground.pageUrl}web/`);
    await ready(page);
    await send(page, 'Playground.SetClock', { Mode: 'VIRTUAL', Now: 1767225600 });
    await send(page, 'CreateTable', MUSIC);
    await send(page, 'PutItem', { TableName: 'Music', Item: { Artist: { S: 'Band' }, Song: { S: 'One' }, Genre: { S: 'Rock' } } });
    const before = await everything(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-playground')]);
    assert.match(download.suggestedFilename(), /^playground-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.ddbpg$/);
    const file = await download.path();

    const target = await playground.browser.newContext();
    const other = await target.newPage();
    await other.goto(`${playground.pageUrl}web/`);
    await ready(other);
    // Not an export: refused with the reason, nothing changes.
    await send(other, 'CreateTable', { ...MUSIC, TableName: 'Mine', StreamSpecification: undefined });
    other.once('dialog', (dialog) => dialog.accept());
    await other.setInputFiles('#playground-file', path.join(REPO_ROOT, 'README.md'));
    await other.waitForSelector('#storage-banner:not([hidden])');
    assert.equal(
      await other.textContent('#storage-message'),
      'README.md was not opened: cannot import the snapshot: not a DynamoDB Playground export (a snapshot, or a journal); nothing was imported.',
    );
    assert.deepEqual((await send(other, 'ListTables')).TableNames, ['Mine']);
    // The export: after a confirmation it replaces this browser's playground.
    other.once('dialog', (dialog) => dialog.accept());
    await Promise.all([other.waitForEvent('load'), other.setInputFiles('#playground-file', file)]);
    await ready(other);
    assert.match(await other.textContent('#engine-status'), /^Restored 1 table, 1 item in \d+ ms$/);
    assert.deepEqual(await everything(other), before);
    await source.close();
    await target.close();
  });

  test('in the JS API, one writer per workspace until it closes', async () => {
    const context = await playground.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${playground.pageUrl}web/`);
    await ready(page);
    const seen = await page.evaluate(async () => {
      const { createDynamoDB } = await import('/wasm/index.js');
      const first = await createDynamoDB({ workspace: 'api' });
      const second = await createDynamoDB({ workspace: 'api' });
      const whileOpen = [first.readOnly, second.readOnly];
      // A read-only copy cannot reset or replace what the writer keeps.
      const resetRefused = await second.resetWorkspace().then(() => 'reset', (error) => error.message);
      if (resetRefused !== 'another tab writes this playground; take over first') throw new Error(resetRefused);
      await second.close();
      await first.close();
      const third = await createDynamoDB({ workspace: 'api' });
      const afterClose = third.readOnly;
      await third.close();
      return { whileOpen, afterClose };
    });
    assert.deepEqual(seen, { whileOpen: [false, true], afterClose: false });
    await context.close();
  });

  // Clearing the site's data while the tab is open closes its IndexedDB connection: the next
  // change cannot be stored, and the page must say so rather than acknowledge it.
  test('a change that cannot be stored is refused and said at once', async () => {
    const context = await playground.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${playground.pageUrl}web/`);
    await ready(page);
    await send(page, 'CreateTable', { ...MUSIC, StreamSpecification: undefined });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(playground.pageUrl).origin, storageTypes: 'indexeddb' });
    const refused = await send(page, 'PutItem', { TableName: 'Music', Item: { Artist: { S: 'Lost' }, Song: { S: 'Never acknowledged' } } });
    assert.equal(refused.error, 'InternalServerError');
    assert.match(refused.message, /^the browser could not store the change: .+; this playground accepts no more requests/);
    // Every later request is refused too: the engine holds a change the browser does not.
    assert.equal((await send(page, 'ListTables')).error, 'InternalServerError');
    await page.waitForSelector('#storage-banner[data-kind="error"]');
    assert.match(await page.textContent('#storage-message'), /^the browser could not store the change: .+\. Changes since are not kept/);
    await context.close();
  });

  test('a store this version cannot read is left as it is, and Download still saves it', async () => {
    const context = await playground.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${playground.pageUrl}web/`);
    await ready(page);
    const foreign = [...Buffer.from('DDBPGJNL')].concat([2, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
    await addToStoredJournal(page, foreign, { replace: true });
    for (let load = 0; load < 2; load++) {
      await page.reload();
      await ready(page);
      assert.equal(await page.getAttribute('#storage-banner', 'data-kind'), 'error');
      assert.match(await page.textContent('#storage-message'), /could not be opened \(the journal's header fails its checksum\)\. It was left as it is/);
      // The tab works in memory; what it does is not stored over the old data.
      assert.equal((await send(page, 'CreateTable', { ...MUSIC, StreamSpecification: undefined })).error, undefined);
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-playground')]);
    assert.deepEqual([...fs.readFileSync(await download.path())], foreign);
    await context.close();
  });

  test('"Reset playground" asks, then starts from nothing', async () => {
    const context = await playground.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${playground.pageUrl}web/`);
    await ready(page);
    await send(page, 'CreateTable', { ...MUSIC, StreamSpecification: undefined });
    page.once('dialog', (dialog) => dialog.dismiss());
    await page.click('#reset-playground');
    assert.deepEqual((await send(page, 'ListTables')).TableNames, ['Music']);
    page.once('dialog', (dialog) => dialog.accept());
    await Promise.all([page.waitForEvent('load'), page.click('#reset-playground')]);
    await ready(page);
    assert.match(await page.textContent('#engine-status'), /^Engine ready in \d+ ms$/);
    assert.deepEqual((await send(page, 'ListTables')).TableNames, []);
    await context.close();
  });
});

test('every acknowledged write survives closing the browser', async () => {
  const server = await startStaticServer(REPO_ROOT);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ddbpg-profile-'));
  const url = `http://127.0.0.1:${server.address().port}/web/`;
  const launch = () => chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  let context;
  try {
    context = await launch();
    let page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await send(page, 'CreateTable', { TableName: 'Burst', BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] });
    // 300 writes at once: they share transactions, and each resolves only once its is committed.
    const acknowledged = await page.evaluate(async () => {
      const { db } = globalThis.playground;
      const writes = Array.from({ length: 300 }, (_, i) =>
        db.send('PutItem', { TableName: 'Burst', Item: { pk: { S: `k${i}` } } }).then(() => `k${i}`, () => null));
      return (await Promise.all(writes)).filter(Boolean);
    });
    assert.equal(acknowledged.length, 300);
    await context.close(); // the browser goes away right after the last acknowledgement

    context = await launch();
    page = await context.newPage();
    await page.goto(url);
    await ready(page);
    const keys = await page.evaluate(async () => {
      const { Items } = await globalThis.playground.db.send('Scan', { TableName: 'Burst', ConsistentRead: true });
      return Items.map((item) => item.pk.S);
    });
    assert.deepEqual(keys.sort(), [...acknowledged].sort());
    await context.close();
  } finally {
    // A failed assertion leaves the browser open on the profile: close it (a second close does
    // nothing) before removing the profile.
    await context?.close();
    fs.rmSync(profile, { recursive: true, force: true });
    await new Promise((resolve) => server.close(resolve));
  }
});
