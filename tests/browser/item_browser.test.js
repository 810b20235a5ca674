// The item browser and the current table in a real browser: clicking a table lists its items a
// page at a time, paging reaches every one of 1,000 items exactly once, an item is edited in
// plain JSON and deleted, the Query form builds a request that runs and opens in the editor,
// and every action is a request in History.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { artifactPath, openPage, openPlayground } from './support/browser_fixture.js';

let playground;

before(async () => {
  playground = await openPlayground();
});

after(async () => {
  await playground?.close();
});

describe('item browser', () => {
  let page;
  const pageErrors = [];
  const text = (selector) => page.locator(selector).textContent();
  const rows = () => page.locator('#items-grid [data-testid="item-row"]');
  const firstCells = () => rows().evaluateAll((all) => all.map((row) => row.cells[1].textContent));
  const historyTargets = () => page.locator('#history > li > .history-entry').evaluateAll((all) =>
    all.map((entry) => entry.textContent.replace(/\s+/g, ' ').trim()));

  // Waits for the grid's status line to match `pattern` (each listing rewrites it).
  const statusMatches = (pattern) =>
    page.waitForFunction((source) => new RegExp(source).test(document.querySelector('#items-status').textContent), pattern.source);

  before(async () => {
    page = await openPage(playground.browser, playground.pageUrl, pageErrors, { width: 1440, height: 900 });
    await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
    // 1,000 songs by 10 artists, written through the page's own engine in batches of 25.
    await page.evaluate(async () => {
      const { db } = globalThis.playground;
      await db.send('CreateTable', {
        TableName: 'Songs',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'Artist', AttributeType: 'S' },
          { AttributeName: 'Track', AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: 'Artist', KeyType: 'HASH' },
          { AttributeName: 'Track', KeyType: 'RANGE' },
        ],
      });
      for (let batch = 0; batch < 40; batch++) {
        const requests = [];
        for (let i = 0; i < 25; i++) {
          const n = batch * 25 + i;
          requests.push({
            PutRequest: {
              Item: { Artist: { S: `artist-${n % 10}` }, Track: { N: String(n) }, Title: { S: `Song ${n}` } },
            },
          });
        }
        await db.send('BatchWriteItem', { RequestItems: { Songs: requests } });
      }
      await db.send('CreateTable', {
        TableName: 'Albums',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'Album', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'Album', KeyType: 'HASH' }],
      });
    });
    await page.selectOption('#operation', 'ListTables');
    await page.click('#send');
    await page.waitForSelector('#send:not([disabled])');
  });

  after(() => page?.close());

  test('clicking a table makes it current and lists its first page with its capacity', async () => {
    await page.locator('#tables [data-testid="table-name"]', { hasText: 'Songs' }).click();
    await statusMatches(/^Scan page 1: 25 items/);
    assert.equal(await page.inputValue('#current-table'), 'Songs');
    assert.equal(await page.getAttribute('#tables [data-testid="table-name"][aria-current="true"]', 'title'),
      "Show Songs's items, partitions, stream and heat");
    assert.match(await text('#items-status'), /^Scan page 1: 25 items \(25 read, [\d.]+ capacity units\); more on the next page$/);
    const headers = await page.locator('#items-grid thead th').allTextContents();
    assert.deepEqual(headers, ['Actions', 'Artist (key)', 'Track (key)', 'Title']);
    assert.equal(await rows().count(), 25);
    assert.equal(await text('#partitions-title'), 'Partitions of Songs');
  });

  test('paging through LastEvaluatedKey reaches each of the 1,000 items once', async () => {
    const seen = new Set();
    let pages = 0;
    for (;;) {
      pages++;
      await statusMatches(new RegExp(`^Scan page ${pages}: `));
      const keys = await rows().evaluateAll((all) => all.map((row) => `${row.cells[1].textContent}/${row.cells[2].textContent}`));
      for (const key of keys) {
        assert.ok(!seen.has(key), `${key} shown twice`);
        seen.add(key);
      }
      if (await page.isDisabled('#items-next')) break;
      await page.click('#items-next');
    }
    assert.equal(seen.size, 1000);
    // As on DynamoDB, a page that ends exactly at the table's end still carries a
    // LastEvaluatedKey; the page after it is empty and has none.
    assert.equal(pages, 41);
    assert.match(await text('#items-status'), /^Scan page 41: 0 items \(0 read, [\d.]+ capacity units?\)$/);
    await page.click('#items-previous');
    await statusMatches(/^Scan page 40: 25 items/);
  });

  test('an item edited in plain JSON is saved with PutItem and shows in the grid', async () => {
    await page.click('#items-scan');
    await statusMatches(/^Scan page 1: /);
    const artist = (await firstCells())[0];
    const track = await rows().first().locator('td').nth(2).textContent();
    await rows().first().getByRole('button', { name: /^Edit item / }).click();
    assert.equal(await page.isVisible('#item-editor'), true);
    assert.deepEqual(JSON.parse(await page.inputValue('#item-editor-text')).Title, { S: `Song ${track}` });
    await page.check('#item-format-plain');
    const plain = JSON.parse(await page.inputValue('#item-editor-text'));
    assert.deepEqual(plain, { Artist: artist, Track: Number(track), Title: `Song ${track}` });
    await page.fill('#item-editor-text', JSON.stringify({ ...plain, Title: 'Edited', Plays: 7, Tags: ['a', 'b'] }));
    await page.click('[data-testid="item-save"]');
    await page.waitForSelector('#item-editor', { state: 'hidden' });
    await statusMatches(/^Scan page 1: /);
    const stored = await page.evaluate(
      ({ artist, track }) => globalThis.playground.db.send('GetItem', { TableName: 'Songs', Key: { Artist: { S: artist }, Track: { N: track } } }),
      { artist, track },
    );
    assert.deepEqual(stored.Item, {
      Artist: { S: artist }, Track: { N: track }, Title: { S: 'Edited' }, Plays: { N: '7' }, Tags: { L: [{ S: 'a' }, { S: 'b' }] },
    });
    const headers = await page.locator('#items-grid thead th').allTextContents();
    assert.ok(headers.includes('Plays') && headers.includes('Tags'), String(headers));
    // The save is a request in History naming the table and the item.
    const history = await historyTargets();
    assert.ok(history.some((row) => row.startsWith(`PutItem Songs · Artist=${artist} 200`)), String(history));
  });

  test('switching formats never loses text that does not parse', async () => {
    await page.click('#items-new');
    await page.check('#item-format-dynamo');
    assert.deepEqual(JSON.parse(await page.inputValue('#item-editor-text')), { Artist: { S: '' }, Track: { N: '0' } });
    await page.fill('#item-editor-text', '{ "Artist": ');
    await page.click('#item-format-plain');
    assert.equal(await page.inputValue('#item-editor-text'), '{ "Artist": ');
    assert.equal(await page.isChecked('#item-format-dynamo'), true);
    assert.match(await text('#item-editor-note'), /^Fix the item first: /);
    await page.click('[data-testid="item-cancel"]');
  });

  test('a DynamoDB error while saving is shown in the editor, which stays open', async () => {
    await page.click('#items-new');
    await page.fill('#item-editor-text', JSON.stringify({ Artist: { S: 'x' } }));
    await page.click('[data-testid="item-save"]');
    await page.waitForFunction(() => document.querySelector('#item-editor-note').textContent.startsWith('ValidationException'));
    assert.match(await text('#item-editor-note'), /Missing the key Track in the item/);
    assert.equal(await page.isVisible('#item-editor'), true);
    await page.click('[data-testid="item-cancel"]');
  });

  test('deleting an item removes it with DeleteItem', async () => {
    await page.click('#items-scan');
    await statusMatches(/^Scan page 1: /);
    const key = await rows().first().evaluate((row) => [row.cells[1].textContent, row.cells[2].textContent]);
    // Asked once more, as the AWS console asks: dismissing keeps the item.
    page.once('dialog', (dialog) => dialog.dismiss());
    await rows().first().getByRole('button', { name: /^Delete item / }).click();
    assert.equal(await rows().first().evaluate((row) => row.cells[1].textContent + row.cells[2].textContent), key.join(''));
    page.once('dialog', (dialog) => {
      assert.match(dialog.message(), /^Delete item .* from Songs\?$/);
      dialog.accept();
    });
    await rows().first().getByRole('button', { name: /^Delete item / }).click();
    await page.waitForFunction(
      ([artist, track]) => ![...document.querySelectorAll('#items-grid [data-testid="item-row"]')]
        .some((row) => row.cells[1].textContent === artist && row.cells[2].textContent === track),
      key,
    );
    const { Item } = await page.evaluate(
      ([artist, track]) => globalThis.playground.db.send('GetItem', { TableName: 'Songs', Key: { Artist: { S: artist }, Track: { N: track } } }),
      key,
    );
    assert.equal(Item, undefined);
    assert.match((await historyTargets()).find((row) => row.startsWith('DeleteItem')), /^DeleteItem Songs · Artist=.*, Track=\d+ 200$/);
  });

  test('the Query form reads one artist, with a sort key condition and a filter', async () => {
    await page.fill('#query-partition', 'artist-3');
    await page.selectOption('#query-sort-operator', 'between');
    await page.fill('#query-sort-value', '100');
    await page.fill('#query-sort-value2', '199');
    await page.click('#query-run');
    await statusMatches(/^Query page 1: 10 items \(10 read/);
    const tracks = await rows().evaluateAll((all) => all.map((row) => Number(row.cells[2].textContent)));
    assert.deepEqual(tracks, [103, 113, 123, 133, 143, 153, 163, 173, 183, 193]);

    await page.fill('#query-filter-name', 'Title');
    await page.selectOption('#query-filter-operator', 'begins_with');
    await page.fill('#query-filter-value', 'Song 11');
    await page.click('#query-run');
    // The filter drops items after they are read: 10 read, 1 returned.
    await statusMatches(/^Query page 1: 1 item \(10 read/);

    await page.click('#query-to-editor');
    assert.equal(await page.inputValue('#operation'), 'Query');
    const request = JSON.parse(await page.inputValue('#request'));
    assert.equal(request.KeyConditionExpression, '#pk = :pk AND #sk BETWEEN :sk AND :sk2');
    assert.equal(request.FilterExpression, 'begins_with(#f, :f)');
    assert.deepEqual(request.ExpressionAttributeValues[':sk'], { N: '100' });
    await page.click('#send');
    await page.waitForSelector('#send:not([disabled])');
    assert.equal(JSON.parse(await text('#response')).Count, 1);
  });

  test('an unsaved item survives another table becoming current, and saves to its own table', async () => {
    await page.click('#items-scan');
    await statusMatches(/^Scan page 1: /);
    await page.click('#items-new');
    await page.fill('#item-editor-text', JSON.stringify({ Artist: { S: 'kept' }, Track: { N: '5000' } }));
    await page.selectOption('#operation', 'DescribeTable');
    await page.fill('#request', '{ "TableName": "Albums" }');
    await page.click('#send');
    await page.waitForSelector('#send:not([disabled])');
    assert.equal(await page.inputValue('#current-table'), 'Albums');
    assert.equal(await page.isVisible('#item-editor'), true);
    assert.equal(await text('#item-editor-title'), 'New item in Songs');
    await page.click('[data-testid="item-save"]');
    await page.waitForSelector('#item-editor', { state: 'hidden' });
    const { Item } = await page.evaluate(() => globalThis.playground.db.send('GetItem', { TableName: 'Songs', Key: { Artist: { S: 'kept' }, Track: { N: '5000' } } }));
    assert.ok(Item);
  });

  test('a listing says when requests since may have changed it', async () => {
    await page.locator('#tables [data-testid="table-name"]', { hasText: 'Songs' }).click();
    await statusMatches(/^Scan page 1: /);
    await page.selectOption('#operation', 'PutItem');
    await page.fill('#request', JSON.stringify({ TableName: 'Songs', Item: { Artist: { S: 'new' }, Track: { N: '1' } } }));
    await page.click('#send');
    await page.waitForSelector('#send:not([disabled])');
    assert.match(await text('#items-status'), /Requests since may have changed Songs: list it again to see\.$/);
  });

  test('choosing a table in the picker switches the panels and sends nothing', async () => {
    const historyBefore = await page.locator('#history .history-entry').count();
    await page.selectOption('#current-table', 'Albums');
    await statusMatches(/^Press Scan to list Albums's items/);
    assert.equal(await text('#partitions-title'), 'Partitions of Albums');
    assert.equal(await page.locator('#history .history-entry').count(), historyBefore);
    await page.click('#items-scan');
    await statusMatches(/^Scan page 1: 0 items/);
    assert.equal(await page.isVisible('#query-sort-group'), false);
    await page.screenshot({ path: await artifactPath('item-browser-1440'), fullPage: true });
  });

  test('the page logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
