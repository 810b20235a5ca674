// The Advice panel in a real browser: each of the explainer's four mistakes, provoked on purpose
// through the page (two scenarios, and requests sent from the console), is reported with its
// table, evidence, fix and a tutorial page that exists; healthy tables get no finding.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { artifactPath, openPage, openPlayground, runScenario } from './support/browser_fixture.js';

let playground;

before(async () => {
  playground = await openPlayground();
});

after(async () => {
  await playground?.close();
});

describe('advice panel', () => {
  let page;
  const pageErrors = [];

  async function send(operation, input) {
    await page.selectOption('#operation', operation);
    await page.fill('#request', JSON.stringify(input));
    await page.click('#send');
    await page.waitForSelector('#send:not([disabled])');
    const error = await page.locator('#error:not([hidden])').count();
    assert.equal(error, 0, `${operation} failed: ${await page.locator('#error').textContent()}`);
  }

  const findings = () =>
    page.locator('[data-testid="advice-finding"]').evaluateAll((rows) =>
      rows.map((row) => ({
        mistake: row.dataset.mistake,
        table: row.querySelector('.table-name').textContent,
        message: row.querySelector('.advice-message').textContent,
        fix: row.querySelector('.advice-fix').textContent,
        evidence: Object.fromEntries(
          [...row.querySelectorAll('.advice-evidence-list dt')].map((term) => [term.textContent, term.nextElementSibling.textContent]),
        ),
        tutorial: row.querySelector('a.advice-tutorial')?.href,
      })));

  const findingFor = async (mistake, table) => (await findings()).find((f) => f.mistake === mistake && f.table === table);

  before(async () => {
    page = await openPage(playground.browser, playground.pageUrl, pageErrors);
    await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
  });

  after(() => page?.close());

  test('a new playground has no finding, and the panel says what it watches for', async () => {
    assert.equal(await page.locator('[data-testid="advice-finding"]').count(), 0);
    assert.match(await page.locator('#advice-caption').textContent(), /^No mistakes found in your traffic so far\. .*hot partition key/);
  });

  test('a well-designed table with healthy traffic gets no finding', async () => {
    await send('CreateTable', {
      TableName: 'Healthy',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'user_id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'user_id', KeyType: 'HASH' }],
    });
    for (let n = 0; n < 5; n++) await send('PutItem', { TableName: 'Healthy', Item: { user_id: { S: `u${n}` }, name: { S: 'Ann' } } });
    await send('GetItem', { TableName: 'Healthy', Key: { user_id: { S: 'u1' } } });
    await send('Scan', { TableName: 'Healthy' });
    assert.deepEqual(await findings(), []);
  });

  test('hot partition key: the country table is reported with its throttles and spare capacity; the user_id table is not', async () => {
    await runScenario(page, 'hot-partition');
    const finding = await findingFor('HOT_PARTITION_KEY', 'ScenarioByCountry');
    assert.ok(finding, JSON.stringify(await findings()));
    assert.match(finding.message, /Partition key "US" was throttled/);
    assert.equal(finding.evidence.key, '"US"');
    assert.ok(Number(finding.evidence.throttles.replaceAll(',', '')) > 0, finding.evidence.throttles);
    assert.equal(finding.evidence['partition · limit units per second'], '1,000');
    assert.ok('table · peak consumed units per second' in finding.evidence, JSON.stringify(finding.evidence));
    assert.ok(finding.fix.startsWith('Fix: '), finding.fix);
    assert.match(finding.tutorial, /\/site\/tutorial\/hot-partitions\.html$/);
    assert.equal((await findings()).filter((f) => f.table === 'ScenarioByUser').length, 0);
  });

  test('wrong capacity mode: the provisioned table throttled by the spike is reported with both costs', async () => {
    await runScenario(page, 'capacity-mode');
    const finding = (await findings()).find((f) => f.mistake === 'PROVISIONED_SPIKE');
    assert.ok(finding, JSON.stringify(await findings()));
    assert.match(finding.message, /on-demand would have cost \$/);
    assert.ok(Number(finding.evidence['throttled requests'].replaceAll(',', '')) > 0);
    assert.ok('cost · on demand' in finding.evidence && 'cost · provisioned' in finding.evidence, JSON.stringify(finding.evidence));
    assert.match(finding.tutorial, /\/site\/tutorial\/capacity-modes\.html$/);
  });

  test('scan instead of query: Scans that read 200 items to return none are reported', async () => {
    await send('Playground.SetClock', { Mode: 'VIRTUAL' });
    await send('CreateTable', {
      TableName: 'Orders',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'order_id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'order_id', KeyType: 'HASH' }],
    });
    const items = Array.from({ length: 200 }, (_, n) => ({ PutRequest: { Item: { order_id: { S: `o${n}` }, status: { S: 'open' } } } }));
    for (let at = 0; at < items.length; at += 25) await send('BatchWriteItem', { RequestItems: { Orders: items.slice(at, at + 25) } });
    await send('Scan', {
      TableName: 'Orders',
      FilterExpression: '#s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': { S: 'shipped' } },
    });
    const finding = await findingFor('SCAN_INSTEAD_OF_QUERY', 'Orders');
    assert.ok(finding, JSON.stringify(await findings()));
    assert.equal(finding.evidence['scanned count'], '200');
    assert.equal(finding.evidence.count, '0');
    assert.match(finding.tutorial, /\/site\/tutorial\/query-vs-scan\.html$/);
  });

  test('overly large items: a 150 KB item is reported with what each write costs', async () => {
    await send('CreateTable', {
      TableName: 'Documents',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'doc_id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'doc_id', KeyType: 'HASH' }],
    });
    await send('PutItem', { TableName: 'Documents', Item: { doc_id: { S: 'report' }, body: { S: 'x'.repeat(150 * 1024) } } });
    const finding = await findingFor('LARGE_ITEMS', 'Documents');
    assert.ok(finding, JSON.stringify(await findings()));
    assert.equal(finding.evidence['largest item key'], '{"doc_id":"report"}');
    assert.equal(finding.evidence['write units per write'], '151');
    assert.match(finding.tutorial, /\/site\/tutorial\/large-items\.html$/);
  });

  test('every finding links a tutorial page that the local server has', async () => {
    const links = [...new Set((await findings()).map((f) => f.tutorial))];
    assert.equal(links.length, 4, String(links));
    for (const link of links) {
      const status = await page.evaluate(async (address) => (await fetch(address)).status, link);
      assert.equal(status, 200, link);
    }
  });

  test("a finding's table name makes that table current", async () => {
    await page.locator('[data-testid="advice-finding"][data-mistake="LARGE_ITEMS"] .table-name').click();
    await page.waitForFunction(() => document.querySelector('#current-table').value === 'Documents');
    await page.locator('[data-testid="advice-finding"][data-mistake="HOT_PARTITION_KEY"] summary').click();
    await page.locator('#advice').screenshot({ path: await artifactPath('advice-panel') });
    assert.deepEqual(pageErrors, []);
  });
});
