// <ddb-playground> embeds in a real browser: three on one static page, each with its own
// engine (the same table name in two of them holds different items), the wasm module loaded
// once and only when the first embed scrolls into view, a heat strip that shows the hot
// partition, and "Open in playground" carrying an embed's state into the full page.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { openPlayground } from './support/browser_fixture.js';

let playground;

before(async () => {
  playground = await openPlayground();
});

after(async () => {
  await playground?.close();
});

describe('embeds', () => {
  let page;
  const pageErrors = [];
  const wasmRequests = [];
  const inEmbed = (id, selector) => page.locator(`#${id}`).locator(selector);

  async function send(id) {
    const done = page.evaluate((embedId) => new Promise((resolve) => {
      document.getElementById(embedId).addEventListener('response', resolve, { once: true });
    }), id);
    await inEmbed(id, 'button[part="send"]').click();
    await done;
    return inEmbed(id, 'pre[part="response"]').textContent();
  }

  before(async () => {
    page = await playground.browser.newPage({ viewport: { width: 1000, height: 700 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      if (request.url().endsWith('.wasm')) wasmRequests.push(request.url());
    });
    await page.goto(`${playground.pageUrl}web/embed/example.html`);
    await page.waitForLoadState('networkidle');
  });

  after(() => page?.close());

  test('nothing is loaded until an embed scrolls into view, then one module for all', async () => {
    assert.deepEqual(wasmRequests, []);
    assert.equal(await inEmbed('write', '.status').textContent(), 'Loads when scrolled into view.');
    await page.locator('#write').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.getElementById('write').dataset.state === 'ready');
    for (const id of ['hot', 'scan']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.waitForFunction((embedId) => document.getElementById(embedId).dataset.state === 'ready', id);
    }
    assert.equal(wasmRequests.length, 1, String(wasmRequests));
  });

  test('each embed answers its own request with its consumed capacity', async () => {
    assert.equal(await send('write'), JSON.stringify({ ConsumedCapacity: { CapacityUnits: 1, TableName: 'Music' } }, null, 2));
    assert.match(await inEmbed('write', 'p[part="capacity"]').textContent(), /^Consumed capacity: 1 WCU on Music/);
    const scanned = JSON.parse(await send('scan'));
    // Same table name, another engine: only its own item.
    assert.deepEqual(scanned.Items, [{ Artist: { S: 'Only here' } }]);
    const again = JSON.parse(await page.evaluate(async () => {
      const embed = document.getElementById('write');
      embed.shadowRoot.querySelector('textarea').value = JSON.stringify({ TableName: 'Music' });
      embed.shadowRoot.querySelector('.operation').textContent = 'Scan';
      await embed.send();
      return embed.shadowRoot.querySelector('pre').textContent;
    }));
    assert.deepEqual(again.Items, [{ Artist: { S: 'Acme Band' }, Year: { N: '1999' } }]);
  });

  test('the heat strip shows the hot partition', async () => {
    const output = JSON.parse(await send('hot'));
    assert.ok(output.Throttled > 0, String(output.Throttled));
    const strip = inEmbed('hot', 'canvas');
    assert.equal(await strip.getAttribute('data-throttled-partitions'), '1');
    assert.match(await strip.getAttribute('aria-label'), /^ByCountry: \d+ partitions over the last 60 s; 1 of them throttled$/);
  });

  test('a DynamoDB error shows as an error', async () => {
    await page.evaluate(() => {
      document.getElementById('scan').shadowRoot.querySelector('textarea').value = '{"TableName": "Nope"}';
    });
    assert.match(await send('scan'), /^ResourceNotFoundException: Requested resource not found/);
  });

  test('Open in playground carries the embed\'s tables and request into the full page', async () => {
    const opened = page.context().waitForEvent('page');
    await inEmbed('write', 'button[part="open"]').click();
    const full = await opened;
    const errors = [];
    full.on('pageerror', (error) => errors.push(error.message));
    await full.waitForSelector('#engine-status[data-state="ready"]', { timeout: 20_000 });
    assert.match(await full.textContent('#share-message'), /^Opened a shared playground in its own workspace, "shared-[0-9a-f]{12}": 1 table, 1 item\./);
    assert.equal(await full.inputValue('#operation'), 'Scan');
    const { Items } = await full.evaluate(() => globalThis.playground.db.send('Scan', { TableName: 'Music' }));
    assert.deepEqual(Items, [{ Artist: { S: 'Acme Band' }, Year: { N: '1999' } }]);
    assert.deepEqual(errors, []);
    await full.close();
  });

  test('the page logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
