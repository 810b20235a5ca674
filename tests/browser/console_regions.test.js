// The console's Region box and the global-table examples in a real browser (Debian's Chromium
// through playwright-core): the ReplicaUpdates examples make and remove a replica of Music, a
// write sent in eu-west-1 lands there first and reaches us-east-1 after the replication delay
// (the Regions panel shows it on its way), History sends a request to its region again, and
// "Copy as" code names the chosen region. The box fits the page at 1280 and 390 px.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { artifactPath, openPage, openPlayground } from './support/browser_fixture.js';

const CREATE_REPLICA = 'UpdateTable · ReplicaUpdates Create';
const DELETE_REPLICA = 'UpdateTable · ReplicaUpdates Delete';

let playground;

before(async () => {
  playground = await openPlayground();
});

after(async () => {
  await playground?.close();
});

describe('console regions', () => {
  let page;
  const pageErrors = [];

  const text = (selector) => page.locator(selector).textContent();
  const responseJson = async () => JSON.parse(await text('#response'));
  const requestFinished = () => page.waitForSelector('#send:not([disabled])');

  /** Picks the example labelled `label` (an operation's name for its first example) and sends it. */
  async function sendExample(label, region = 'us-east-1') {
    await page.fill('#request-region', region);
    await page.selectOption('#operation', { label });
    await page.click('#send');
    await requestFinished();
  }

  // The Regions panel's rows, as "region: items · state".
  const regionRows = () =>
    page.locator('#regions-list [data-testid="region-row"]').evaluateAll((rows) =>
      rows.map((row) => `${row.dataset.region}: ${row.textContent.replace(/^\S+ /, '')}`));

  const waitForRegionRows = (expected) =>
    page.waitForFunction(
      (rows) => JSON.stringify([...document.querySelectorAll('#regions-list [data-testid="region-row"]')]
        .map((row) => `${row.dataset.region}: ${row.textContent.replace(/^\S+ /, '')}`)) === JSON.stringify(rows),
      expected,
      { timeout: 5000 },
    ).catch(async () => assert.deepEqual(await regionRows(), expected));

  // GetItem of the example's song, sent in `region` straight to the engine (not a user request).
  const songIn = (region) =>
    page.evaluate(async (where) => {
      const { Item } = await globalThis.playground.db.send('GetItem', {
        TableName: 'Music', Key: { Artist: { S: 'No One You Know' }, SongTitle: { S: 'Call Me Today' } },
      }, { region: where });
      return Item?.AlbumTitle?.S ?? 'nothing';
    }, region);

  before(async () => {
    page = await openPage(playground.browser, playground.pageUrl, pageErrors);
    await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
  });

  after(() => page?.close());

  test('the Region box starts at the home region and suggests common regions', async () => {
    assert.equal(await page.inputValue('#request-region'), 'us-east-1');
    const suggested = await page.locator('#request-region-choices option').evaluateAll((options) => options.map((o) => o.value));
    assert.ok(suggested.includes('us-east-1') && suggested.includes('eu-west-1'), suggested.join(' '));
  });

  test('every example sharing an operation can be picked, each with its own draft', async () => {
    await page.selectOption('#operation', { label: 'UpdateTable · BillingMode' });
    assert.equal(JSON.parse(await page.inputValue('#request')).BillingMode, 'PROVISIONED');
    await page.selectOption('#operation', { label: CREATE_REPLICA });
    assert.deepEqual(JSON.parse(await page.inputValue('#request')), {
      TableName: 'Music', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }],
    });
    assert.match(await text('#operation-summary'), /^Makes Music a global table: a replica in eu-west-1/);
    await page.fill('#request', '{"TableName": "Edited"}');
    await page.selectOption('#operation', { label: DELETE_REPLICA });
    assert.equal(JSON.parse(await page.inputValue('#request')).ReplicaUpdates[0].Delete.RegionName, 'eu-west-1');
    await page.selectOption('#operation', { label: CREATE_REPLICA });
    assert.equal(await page.inputValue('#request'), '{"TableName": "Edited"}');
    assert.equal(await text('#console-note'), `Your edited ${CREATE_REPLICA} request is back.`);
    await page.click('#reset-draft');
    assert.equal(JSON.parse(await page.inputValue('#request')).TableName, 'Music');
    // The value is still the operation, which is what is sent.
    assert.equal(await page.inputValue('#operation'), 'UpdateTable');
  });

  test('ReplicaUpdates Create makes Music a global table with a replica in eu-west-1', async () => {
    await sendExample('CreateTable');
    await sendExample('PutItem');
    await sendExample(CREATE_REPLICA);
    assert.equal(await text('#response-summary'), 'UpdateTable · HTTP 200');
    assert.equal((await responseJson()).TableDescription.TableStatus, 'UPDATING');
    await waitForRegionRows([
      'us-east-1: 1 item, 76 B · up to date',
      'eu-west-1: 1 item, 76 B · up to date',
    ]);
    assert.match(await text('#regions-caption'), /^Music is a global table in 2 regions/);
    // The Region box suggests the replica group first.
    const suggested = await page.locator('#request-region-choices option').evaluateAll((options) =>
      options.slice(0, 2).map((o) => `${o.value} ${o.label}`));
    assert.deepEqual(suggested, ['us-east-1 a replica of Music', 'eu-west-1 a replica of Music']);
  });

  test('on the real clock, a write in eu-west-1 reaches us-east-1 by itself, and the panel shows it arrive', async () => {
    await page.selectOption('#operation', 'UpdateItem');
    await page.fill('#request-region', 'eu-west-1');
    await page.click('#send');
    await requestFinished();
    assert.equal(await text('#response-summary'), 'UpdateItem in eu-west-1 · HTTP 200');
    // No request after this one: the panel looks again when the change is due.
    await waitForRegionRows([
      'us-east-1: 1 item, 87 B · up to date',
      'eu-west-1: 1 item, 87 B · up to date',
    ]);
    assert.equal(await songIn('us-east-1'), 'Updated Album Title');
  });

  test('on a stopped clock, a PutItem sent in eu-west-1 lands there first, then in us-east-1', async () => {
    await sendExample('Playground.SetClock');
    await page.selectOption('#operation', 'PutItem');
    await page.fill('#request', JSON.stringify({
      TableName: 'Music',
      Item: { Artist: { S: 'No One You Know' }, SongTitle: { S: 'Call Me Today' }, AlbumTitle: { S: 'Written in Ireland' } },
    }));
    await page.fill('#request-region', 'eu-west-1');
    await page.click('#send');
    await requestFinished();
    assert.equal(await text('#response-summary'), 'PutItem in eu-west-1 · HTTP 200');
    assert.equal(await songIn('eu-west-1'), 'Written in Ireland');
    assert.equal(await songIn('us-east-1'), 'Updated Album Title');
    await waitForRegionRows([
      'us-east-1: 1 item, 87 B · 1 change on the way, the next in 1 s',
      'eu-west-1: 1 item, 71 B · up to date',
    ]);
    // A stopped clock keeps it on the way, however long the page waits.
    await page.waitForTimeout(1500);
    assert.equal(await songIn('us-east-1'), 'Updated Album Title');
    await sendExample('Playground.AdvanceClock');
    assert.equal(await songIn('us-east-1'), 'Written in Ireland');
    await waitForRegionRows([
      'us-east-1: 1 item, 71 B · up to date',
      'eu-west-1: 1 item, 71 B · up to date',
    ]);
  });

  test('History shows the region and sends the request there again', async () => {
    const rows = page.locator('#history .history-entry');
    // Newest first: AdvanceClock (home region), PutItem (eu-west-1), SetClock.
    assert.equal(await rows.nth(0).locator('[data-testid="history-region"]').count(), 0);
    assert.equal(await rows.nth(1).locator('[data-testid="history-region"]').textContent(), 'eu-west-1');
    await rows.nth(1).click();
    assert.equal(await page.inputValue('#operation'), 'PutItem');
    assert.equal(await page.inputValue('#request-region'), 'eu-west-1');
    await rows.nth(2).click();
    assert.equal(await page.inputValue('#request-region'), 'us-east-1');
  });

  test('"Copy as" code names the chosen region', async () => {
    await page.selectOption('#operation', 'GetItem');
    const codeIn = async (region, language) => {
      await page.fill('#request-region', region);
      await page.click('#copy-as summary');
      await page.click(`#copy-as button[data-language="${language}"]`);
      return text('#code-export-code');
    };
    assert.match(await codeIn('eu-west-1', 'javascript'), /^ {2}region: 'eu-west-1',$/m);
    assert.match(await codeIn('eu-west-1', 'python'), /^ {4}region_name='eu-west-1',$/m);
    assert.match(await codeIn('eu-west-1', 'cli'), /^ {4}--region eu-west-1 \\$/m);
    // An empty box is the home region.
    assert.match(await codeIn('', 'cli'), /^ {4}--region us-east-1 \\$/m);
    await page.click('#code-export-close');
  });

  test('ReplicaUpdates Delete removes the replica; sent in eu-west-1 it is the local region', async () => {
    await sendExample(DELETE_REPLICA, 'eu-west-1');
    assert.equal(await text('#response-summary'), 'UpdateTable in eu-west-1 · HTTP 400');
    assert.equal(await text('#error-message'),
      'Cannot add or delete the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.');
    await sendExample(DELETE_REPLICA);
    assert.equal(await text('#response-summary'), 'UpdateTable · HTTP 200');
    await waitForRegionRows(['us-east-1: 1 item, 71 B · up to date']);
    assert.match(await text('#regions-caption'), /^Music is in one region, us-east-1\./);
    const suggested = await page.locator('#request-region-choices option').evaluateAll((options) => options.map((o) => o.label));
    assert.ok(suggested.every((label) => !label.includes('replica')), suggested.join(' '));
  });

  for (const width of [1280, 390]) {
    test(`the Region box fits the console at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.fill('#request-region', 'ap-southeast-2');
      const boxes = await page.evaluate(() => {
        const box = (selector) => document.querySelector(selector).getBoundingClientRect().toJSON();
        return { region: box('#request-region'), panel: box('.request-panel'), send: box('#send'), page: document.documentElement.scrollWidth };
      });
      assert.ok(boxes.region.right <= boxes.panel.right && boxes.region.left >= boxes.panel.left, JSON.stringify(boxes));
      // Above the operation and Send, never over them.
      assert.ok(boxes.region.bottom <= boxes.send.top, JSON.stringify(boxes));
      assert.ok(boxes.page <= width, `page ${boxes.page} px wide`);
      const panel = await page.locator('.request-panel').boundingBox();
      await page.screenshot({ path: await artifactPath(`console-region-${width}`), clip: { ...panel, height: Math.min(panel.height, 400) } });
    });
  }

  test('the page logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
