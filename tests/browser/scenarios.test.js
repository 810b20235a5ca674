// The scenarios panel in a real browser (Debian's Chromium through playwright-core): each button
// replays one of the explainer's lessons in scratch tables and says what happened in one
// sentence, with the figures the engine measured, then shows that table's partitions.
//
// Same static server and launch flags as partitions.test.js, so the files run independently.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { openPage, openPlayground, runScenario as runScenarioOn } from './support/browser_fixture.js';

const SCREENSHOT_PATH = '/tmp/scenarios.png';

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

describe('scenarios panel', () => {
  let page;
  const pageErrors = [];

  const text = (selector) => page.locator(selector).textContent();

  const runScenario = (scenario) => runScenarioOn(page, scenario);

  // The scenario's table is the page's current table: the picker, the Partitions panel and the
  // heat view (through its text alternative) all show it.
  async function assertCurrentTable(name) {
    assert.equal(await page.inputValue('#current-table'), name);
    assert.equal(await text('#partitions-title'), `Partitions of ${name}`);
    assert.equal(await text('#heat-view-table'), name);
    assert.match(await text('#heat-table-caption'), new RegExp(`^${name}, last 60 s`));
  }

  // The rows of the heat view's text alternative with at least one throttled second.
  const throttledHeatRows = () =>
    page.locator('#heat-table [data-testid="heat-row"]').evaluateAll((rows) =>
      rows.filter((row) => Number(row.dataset.throttledSeconds) > 0).map((row) => row.cells[0].textContent));

  before(async () => {
    page = await openPage(browser, pageUrl, pageErrors);
    await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
  });

  after(() => page?.close());

  test('the buttons are enabled once the engine is ready', async () => {
    assert.equal(await page.locator('[data-scenario]:not([disabled])').count(), 9);
  });

  test('each button says what its scenario shows', async () => {
    const about = await page.locator('[data-scenario] .scenario-about').allTextContents();
    assert.equal(about.length, 9);
    for (const line of about) assert.ok(line.length > 20, line);
  });

  test('hot partition: the country key throttles, the user_id key does not', async () => {
    const result = await runScenario('hot-partition');
    const match = result.match(
      /^country as key: (\d+) of 20000 writes throttled; user_id as key: 0 throttled$/,
    );
    assert.ok(match, result);
    assert.ok(Number(match[1]) > 0, result);
    await assertCurrentTable('ScenarioByCountry');
    assert.equal(
      await page.locator('#partitions [data-testid="partition-row"][data-state="throttled"]').count(),
      1,
    );
    const hotKey = page.locator('#hot-keys [data-testid="hot-key-row"]').first();
    assert.equal(await hotKey.locator('td').first().textContent(), 'US');
    assert.ok(Number(await hotKey.locator('td').nth(3).textContent()) > 0);
    // The heat view says the same: exactly one of the table's partitions throttled.
    assert.equal((await throttledHeatRows()).length, 1);
    assert.match(await text('#scenario-result .scenario-lesson'), /Look at the red row in the heat view/);
  });

  test("a scenario's requests are one History row that reopens each in the editor", async () => {
    const group = page.locator('#history [data-testid="history-group"]').first();
    assert.match(await group.locator('summary').textContent(), /^Scenario Hot partition: \d+ requests$/);
    await group.locator('summary').click();
    const operations = await group.locator('[data-testid="history-operation"]').allTextContents();
    assert.ok(operations.includes('Playground.SimulateWorkload'), String(operations));
    assert.ok(operations.includes('CreateTable'), String(operations));
    await group.locator('.history-entry', { hasText: 'CreateTable' }).first().click();
    assert.equal(await page.inputValue('#operation'), 'CreateTable');
    assert.equal(JSON.parse(await page.inputValue('#request')).TableName, 'ScenarioByCountry');
  });

  test('scan vs query: ten scans cost more than ten queries', async () => {
    const result = await runScenario('scan-vs-query');
    const match = result.match(/^10 queries: ([\d.,]+) RCU; 10 scans: ([\d.,]+) RCU$/);
    assert.ok(match, result);
    const units = (text) => Number(text.replaceAll(',', ''));
    assert.ok(units(match[2]) > units(match[1]), result);
    await assertCurrentTable('ScenarioOrders');
  });

  test('capacity mode: the spike throttles provisioned, not on-demand', async () => {
    const result = await runScenario('capacity-mode');
    const match = result.match(/^provisioned: (\d+) throttled; on-demand: 0 throttled$/);
    assert.ok(match, result);
    assert.ok(Number(match[1]) > 0, result);
    await assertCurrentTable('ScenarioProvisioned');
    // The lesson is on screen: the provisioned table's latest second throttled in the panel, and
    // its partition throttled in the heat view's window.
    assert.equal(
      await page.locator('#partitions [data-testid="partition-row"][data-state="throttled"]').count(),
      1,
    );
    assert.equal((await throttledHeatRows()).length, 1);
  });

  test('consistency: the eventual read is stale and half the price', async () => {
    const result = await runScenario('consistency');
    assert.equal(result, 'eventual read saw v1 (0.5 RCU); strong read saw v2 (1 RCU)');
    await assertCurrentTable('ScenarioProfiles');
    await page.screenshot({ path: SCREENSHOT_PATH });
  });

  test('point-in-time recovery: the restored table has the orders the mistake deleted', async () => {
    const result = await runScenario('point-in-time-recovery');
    assert.equal(result, 'after the mistaken deletes: 1 order left; restored to a minute before them: 3 orders');
    await assertCurrentTable('ScenarioLedgerRestored');
  });

  test('archive: Standard-IA costs less for data that is kept and rarely read', async () => {
    const result = await runScenario('archive');
    const match = result.match(/^1,000 GB of old orders, 10 million reads a month: \$([\d.]+) a month in Standard, \$([\d.]+) in Standard-IA; 50 orders exported to S3$/);
    assert.ok(match, result);
    assert.ok(Number(match[2]) < Number(match[1]), result);
    await assertCurrentTable('ScenarioArchive');
  });

  test('global tables: each region reads its own write, then both the later one', async () => {
    const expected = 'right after both writes: us-east-1 reads 1 item, eu-west-1 reads 2; ' +
      '1 s later: us-east-1 reads 2, eu-west-1 reads 2';
    assert.equal(await runScenario('global-tables'), expected);
    await assertCurrentTable('ScenarioGlobalCarts');
    // The Regions panel shows both replicas side by side, converged.
    const rows = page.locator('#regions-list [data-testid="region-row"]');
    await page.waitForFunction(() => document.querySelectorAll('#regions-list [data-testid="region-row"]').length === 2);
    assert.deepEqual(await rows.evaluateAll((items) => items.map((item) => [item.dataset.region, item.textContent])), [
      ['us-east-1', 'us-east-1 1 item, 14 B · up to date'],
      ['eu-west-1', 'eu-west-1 1 item, 14 B · up to date'],
    ]);
    assert.match(await page.textContent('#regions-caption'), /^ScenarioGlobalCarts is a global table in 2 regions: a change reaches the others 1 s after/);
    // Again: the replica is removed first, so the table that added it can be recreated.
    assert.equal(await runScenario('global-tables'), expected);
  });

  test('a scenario can run twice (its tables are recreated)', async () => {
    const result = await runScenario('consistency');
    assert.equal(result, 'eventual read saw v1 (0.5 RCU); strong read saw v2 (1 RCU)');
  });

  test('the page logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
