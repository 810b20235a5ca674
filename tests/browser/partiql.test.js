// The console's PartiQL mode in a real browser: the mode switch shows the statement form, an
// INSERT and a SELECT answer as ExecuteStatement does (and land in History like any request),
// Limit pages a SELECT and Next page follows its NextToken to the end, a bad statement shows
// DynamoDB's ValidationException, and a request loaded from History goes back to the JSON
// editor. Screenshots of a SELECT's answer at desktop and phone widths are kept in /tmp.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { openPage, openPlayground } from './support/browser_fixture.js';

let playground;

before(async () => {
  playground = await openPlayground();
});

after(async () => {
  await playground?.close();
});

for (const { label, viewport, screenshot } of [
  { label: 'desktop', viewport: { width: 1280, height: 900 }, screenshot: '/tmp/partiql-desktop.png' },
  { label: 'phone', viewport: { width: 390, height: 844 }, screenshot: '/tmp/partiql-phone.png' },
]) {
  describe(`PartiQL mode (${label})`, () => {
    let page;
    const pageErrors = [];

    const text = (selector) => page.locator(selector).textContent();
    const responseJson = async () => JSON.parse(await text('#response'));
    const finished = () => page.waitForSelector('#partiql-send:not([disabled])');

    async function sendJson(operation) {
      await page.selectOption('#operation', operation);
      await page.click('#send');
      await page.waitForSelector('#send:not([disabled])');
    }

    async function sendStatement(statement, { parameters = '', limit = '' } = {}) {
      await page.fill('#partiql-statement', statement);
      await page.fill('#partiql-parameters', parameters);
      await page.fill('#partiql-limit', limit);
      await page.click('#partiql-send');
      await finished();
    }

    before(async () => {
      page = await openPage(playground.browser, `${playground.pageUrl}web/`, pageErrors, viewport);
      await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
      // The Music table and the two Acme Band songs of the JSON examples.
      await sendJson('CreateTable');
      await sendJson('BatchWriteItem');
    });

    after(() => page?.close());

    test('the mode switch shows the PartiQL form with its first example', async () => {
      assert.equal(await page.isVisible('#partiql-form'), false);
      await page.check('[data-testid="mode-partiql"]');
      assert.equal(await page.isVisible('#partiql-form'), true);
      assert.equal(await page.isVisible('#request-form'), false);
      assert.equal(await page.inputValue('#partiql-statement'), 'SELECT * FROM "Music" WHERE Artist = ? AND SongTitle = ?');
      assert.equal(await page.inputValue('#partiql-parameters'), '[{"S":"Acme Band"},{"S":"Happy Day"}]');
      assert.deepEqual(await page.locator('#partiql-example option').allTextContents(), [
        'SELECT by key', 'SELECT with a filter', 'INSERT', 'UPDATE SET', 'DELETE', 'SELECT every item',
      ]);
    });

    test('an INSERT, then a SELECT with a parameter, shows the item', async () => {
      await sendStatement("INSERT INTO \"Music\" VALUE {'Artist': 'Acme Band', 'SongTitle': 'Sunny Side', 'Awards': 0}");
      assert.equal(await text('#response-summary'), 'ExecuteStatement · HTTP 200');
      assert.deepEqual((await responseJson()).Items, []);
      // Every statement asks what it consumed: an INSERT of a small item is one write unit.
      assert.equal(await text('#consumed-capacity'), 'Consumed capacity: 1 capacity units on Music');
      await sendStatement('SELECT * FROM "Music" WHERE Artist = ? AND SongTitle = \'Sunny Side\'', { parameters: '[{"S": "Acme Band"}]' });
      assert.deepEqual((await responseJson()).Items, [
        { Artist: { S: 'Acme Band' }, Awards: { N: '0' }, SongTitle: { S: 'Sunny Side' } },
      ]);
      assert.equal(await page.isVisible('#partiql-next-page'), false);
      // Both went the JSON console's way: into History as ExecuteStatement requests.
      const operations = await page.locator('#history [data-testid="history-operation"]').allTextContents();
      assert.deepEqual(operations.filter((name) => name === 'ExecuteStatement').length, 2);
      // From the mode switch to the end of the response: what a user reads (on a phone, scrolling).
      const top = (await page.locator('.request-panel').boundingBox()).y;
      const response = await page.locator('.response-panel').boundingBox();
      await page.screenshot({
        path: screenshot, fullPage: true,
        clip: { x: 0, y: top - 10, width: viewport.width, height: response.y + response.height - top + 20 },
      });
    });

    test('Ctrl+Enter sends the statement', async () => {
      await page.fill('#partiql-statement', 'SELECT SongTitle FROM "Music" WHERE Artist = \'Acme Band\' AND Awards > 0');
      await page.fill('#partiql-parameters', '');
      await page.press('#partiql-statement', 'Control+Enter');
      await finished();
      await page.waitForFunction(() => document.querySelector('#response').textContent.includes('Happy Day'));
      assert.deepEqual((await responseJson()).Items, [{ SongTitle: { S: 'Happy Day' } }]);
    });

    test('Limit pages a SELECT and Next page follows NextToken to the end', async () => {
      await sendStatement('SELECT SongTitle FROM "Music"', { limit: '2' });
      const titles = async () => (await responseJson()).Items.map((item) => item.SongTitle.S);
      const first = await titles();
      assert.equal(first.length, 2);
      assert.ok((await responseJson()).NextToken);
      assert.equal(await text('#partiql-page-note'), 'Page 1: there is more; Next page sends NextToken.');
      // The boxes may change; Next page continues what was sent.
      await page.fill('#partiql-statement', 'SELECT nothing FROM "Elsewhere"');
      await page.click('#partiql-next-page');
      await finished();
      const second = await titles();
      assert.deepEqual([...first, ...second].sort(), ['Happy Day', 'PartiQL Rocks', 'Sunny Side']);
      // Three items in pages of two: the second page is the last.
      assert.equal((await responseJson()).NextToken, undefined);
      assert.equal(await page.isVisible('#partiql-next-page'), false);
      assert.equal(await text('#partiql-page-note'), 'Page 2, the last.');
      const sent = await page.locator('#history [data-testid="history-operation"]').count();
      assert.ok(sent >= 5);
    });

    test('a bad statement shows the ValidationException as the JSON console does', async () => {
      await sendStatement('SELEC * FROM "Music"');
      assert.equal(await page.isVisible('#error'), true);
      assert.equal(await text('#error-name'), 'ValidationException');
      assert.equal(await text('#error-message'), "Statement wasn't well formed, can't be processed: Unexpected token SELEC at position 1");
      assert.equal(await text('#error-status'), 'HTTP 400');
      assert.equal(await page.isVisible('#partiql-next-page'), false);
    });

    test('parameters that are not a JSON list are not sent, and say why', async () => {
      await sendStatement('SELECT * FROM "Music" WHERE Artist = ?', { parameters: '{"S": "Acme Band"}' });
      assert.equal(await text('#error-name'), 'Invalid parameters');
      assert.equal(await text('#error-status'), 'Not sent to the engine');
    });

    test('a request loaded from History opens in the JSON editor', async () => {
      await page.locator('#history [data-testid="history-operation"]', { hasText: 'ExecuteStatement' }).first().click();
      assert.equal(await page.isVisible('#request-form'), true);
      assert.equal(await page.isVisible('#partiql-form'), false);
      assert.equal(await page.inputValue('#operation'), 'ExecuteStatement');
      assert.equal(await page.isChecked('[data-testid="mode-json"]'), true);
    });

    test('nothing is wider than the window, and the page raised no error', async () => {
      await page.check('[data-testid="mode-partiql"]');
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        window: document.documentElement.clientWidth,
        form: document.querySelector('#partiql-form').getBoundingClientRect().right,
      }));
      assert.ok(widths.page <= widths.window, `page ${widths.page} px in a ${widths.window} px window`);
      assert.ok(widths.form <= widths.window);
      assert.deepEqual(pageErrors, []);
    });
  });
}
