// The first-visit path: the guided start shows on a first visit, each step's button does its
// part (loads the request, runs the scenario), Skip hides it for good in this browser, and Help
// brings it back.

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

describe('guided start', () => {
  let page;
  const pageErrors = [];
  const text = (selector) => page.locator(selector).textContent();

  before(async () => {
    page = await openPage(playground.browser, `${playground.pageUrl}web/`, pageErrors);
    await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
  });

  after(() => page?.close());

  test('a first visit opens the tour at its welcome', async () => {
    assert.equal(await page.isVisible('#tour'), true);
    assert.equal(await text('#tour-title'), 'Welcome');
    assert.equal(await page.isDisabled('#tour-back'), true);
    assert.equal(await page.isVisible('#tour-action'), false);
  });

  test('the steps load create, write and query, and each request runs', async () => {
    for (const [title, operation] of [['1. Create a table', 'CreateTable'], ['2. Write an item', 'PutItem'], ['3. Query it', 'Query']]) {
      await page.click('#tour-next');
      assert.equal(await text('#tour-title'), title);
      await page.click('#tour-action');
      assert.equal(await page.inputValue('#operation'), operation);
      await page.click('#send');
      await page.waitForSelector('#send:not([disabled])');
      assert.equal(await page.isVisible('#error'), false, `${operation}: ${await text('#error')}`);
    }
    assert.equal(JSON.parse(await text('#response')).Count, 1);
    assert.match(await text('#consumed-capacity'), /RCU/);
    await page.click('#tour-next');
    assert.equal(await text('#tour-title'), '4. See what it cost');
  });

  test('the last step runs the hot partition scenario', async () => {
    await page.click('#tour-next');
    assert.equal(await text('#tour-title'), '5. See a hot partition');
    await page.click('#tour-action');
    await page.waitForSelector('#scenario-result[data-outcome="ok"]', { timeout: 20_000 });
    assert.equal(await page.inputValue('#current-table'), 'ScenarioByCountry');
    assert.equal(await text('#tour-next'), 'Done');
  });

  test('skipping hides the tour across reloads; Help brings it back', async () => {
    await page.click('#tour-skip');
    assert.equal(await page.isVisible('#tour'), false);
    await page.reload();
    await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
    assert.equal(await page.isVisible('#tour'), false);
    await page.click('#help');
    assert.equal(await page.isVisible('#tour'), true);
    assert.equal(await text('#tour-title'), 'Welcome');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tour-title');
  });

  test('the page logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
