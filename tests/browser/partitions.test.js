// The partitions panel in a real browser (Debian's Chromium through playwright-core): the
// explainer's hot-partition mistake, sent from the console's own examples, shows as a throttled
// partition and a hot key at the top of the list.
//
// Same static server and launch flags as console.test.js, so the two files run independently.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { openPage, openPlayground } from './support/browser_fixture.js';

const SCREENSHOT_PATH = '/tmp/partitions.png';

let playground;
let browser;
let pageUrl;

before(async () => {
  playground = await openPlayground();
  ({ browser, pageUrl } = playground);
});

after(async () => {
  await playground?.close();
});

describe('partitions panel', () => {
  let page;
  const pageErrors = [];

  const text = (selector) => page.locator(selector).textContent();
  const responseJson = async () => JSON.parse(await text('#response'));
  const partitionRows = () => page.locator('#partitions [data-testid="partition-row"]');
  /** "Partition 3 8000…bfff ok" (name, hash range, state) per row, so a failing comparison reads well. */
  const partitionSummary = async () =>
    partitionRows().evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.cells].map((td) => td.textContent);
        return `${cells[0]} ${cells[1]} ${row.dataset.state}`;
      }),
    );

  /** Picks `operation`'s example, sends it, and waits until every panel has caught up. */
  async function sendExample(operation) {
    await page.selectOption('#operation', operation);
    await page.click('#send');
    await page.waitForSelector('#send:not([disabled])');
  }

  before(async () => {
    page = await openPage(browser, pageUrl, pageErrors);
    await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
  });

  after(() => page?.close());

  test('before any request the panel says what it will show', async () => {
    assert.equal(await page.isVisible('#partitions-message'), true);
    assert.equal(await partitionRows().count(), 0);
  });

  test("CreateTable shows the on-demand table's eight idle partitions", async () => {
    await sendExample('CreateTable');
    assert.equal(await text('#partitions-title'), 'Partitions of Music');
    assert.match(await text('#partitions-caption'), /Each partition serves up to 1,000 WCU and 3,000 RCU a second;/);
    // Named in hash-range order; the eighths of the hash space are what a new on-demand table
    // needs for 12,000 RCU and 4,000 WCU.
    assert.deepEqual(await partitionSummary(), [
      'Partition 1 0000…1fff ok', 'Partition 2 2000…3fff ok', 'Partition 3 4000…5fff ok',
      'Partition 4 6000…7fff ok', 'Partition 5 8000…9fff ok', 'Partition 6 a000…bfff ok',
      'Partition 7 c000…dfff ok', 'Partition 8 e000…ffff ok',
    ]);
    assert.equal(await page.locator('#hot-keys [data-testid="hot-key-row"]').count(), 0);
    assert.match(await text('#cost'), /^On-demand \$0 for the last 60 s at us-east-1 prices$/);
  });

  test('a hot artist throttles one partition and tops the hot keys', async () => {
    await sendExample('Playground.SetClock');
    assert.equal((await responseJson()).Mode, 'VIRTUAL');

    await sendExample('Playground.SimulateWorkload');
    const output = await responseJson();
    assert.equal(output.Requests, 20000);
    assert.ok(output.Throttled > 0, `Throttled is ${output.Throttled}`);
    assert.equal(output.Partitions, 8);

    assert.equal(await partitionRows().count(), 8);
    const states = (await partitionSummary()).map((row) => row.split(' ').at(-1));
    assert.equal(states.filter((state) => state === 'throttled').length, 1, String(states));
    const hotRow = partitionRows().and(page.locator('[data-state="throttled"]'));
    // The hot partition wrote its full 1,000 WCU in the latest second and throttled the rest.
    assert.equal(await hotRow.locator('td').nth(4).textContent(), '1,000');
    assert.ok(Number(await hotRow.locator('td').nth(6).textContent()) > 0);

    const hotKeys = page.locator('#hot-keys [data-testid="hot-key-row"]');
    assert.equal(await hotKeys.count(), 3);
    assert.equal(await hotKeys.first().locator('td').first().textContent(), 'No One You Know');
    assert.ok(Number(await hotKeys.first().locator('td').nth(3).textContent()) > 0);
    assert.match(await text('#cost'), /^On-demand \$0\.\d+ for the last 60 s at us-east-1 prices$/);
    await page.screenshot({ path: SCREENSHOT_PATH });
  });

  test('with throttling off the hot artist is served and the panel says what would have throttled', async () => {
    await page.selectOption('#operation', 'Playground.Configure');
    await page.fill('#request', '{ "Throttling": "OFF" }');
    await page.click('#send');
    await page.waitForSelector('#send:not([disabled])');
    assert.equal((await responseJson()).Throttling, 'OFF');

    await sendExample('Playground.SimulateWorkload');
    const output = await responseJson();
    assert.equal(output.Throttled, 0);
    assert.equal(output.Succeeded, 20000);
    assert.match(await text('#partitions-caption'), /throttling is OFF: throttles are requests DynamoDB would have refused/);
    const hotRow = partitionRows().and(page.locator('[data-state="throttled"]'));
    assert.ok(Number(await hotRow.locator('td').nth(6).textContent()) > 0);
    await page.screenshot({ path: '/tmp/partitions-throttling-off.png' });
  });

  test('after DeleteTable the panel says there are no tables', async () => {
    await sendExample('DeleteTable');
    assert.equal(await partitionRows().count(), 0);
    assert.equal(await text('#partitions-message'), 'No tables yet.');
  });

  test('the page logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
