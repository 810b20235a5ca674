// Share links in a real browser: Share writes a link that says where it fits; opening it
// rebuilds the playground in a workspace of its own (the user's is untouched, the switcher
// lists both); a hostile link's text never becomes markup and its trigger never runs by itself;
// a damaged link says why and opens nothing.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { openPage, openPlayground } from './support/browser_fixture.js';
import { encodeShareFragment } from '../../web/js/share_codec.js';

const AWKWARD = 'first line\nsecond line ünïcødé 日本語 😀 "quoted"';

let playground;

before(async () => {
  playground = await openPlayground();
});

after(async () => {
  await playground?.close();
});

describe('share links', () => {
  let home;
  let link;
  const pageErrors = [];
  const ready = (page) => page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 20_000 });

  before(async () => {
    home = await openPage(playground.browser, `${playground.pageUrl}web/`, pageErrors);
    await ready(home);
    await home.click('#tour-skip');
    await home.evaluate(async (awkward) => {
      const { db } = globalThis.playground;
      await db.send('CreateTable', {
        TableName: 'Notes', BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      });
      for (let n = 0; n < 5; n++) await db.send('PutItem', { TableName: 'Notes', Item: { id: { S: `note-${n}` }, text: { S: awkward } } });
    }, AWKWARD);
    await home.selectOption('#operation', 'GetItem');
    await home.fill('#request', JSON.stringify({ TableName: 'Notes', Key: { id: { S: 'note-1' } } }, null, 2));
    await home.click('#send');
    await home.waitForSelector('#send:not([disabled])');
  });

  after(() => home?.close());

  test('Share writes a link and says it fits in a chat message', async () => {
    await home.click('#share-playground');
    await home.waitForFunction(() => document.querySelector('#share-link').value.includes('#share=1.'));
    link = await home.inputValue('#share-link');
    assert.ok(link.startsWith(`${playground.pageUrl}web/#share=1.`), link.slice(0, 80));
    assert.equal(await home.textContent('#share-summary'), '1 table and 5 items.');
    assert.equal(await home.getAttribute('#share-fit', 'data-fits'), 'chat');
    assert.match(await home.textContent('#share-fit'), /^\d+ characters: fits in a chat message\.$/);
    assert.equal(await home.isVisible('#share-download'), false);
    await home.click('#share-close');
  });

  test('opening the link rebuilds the playground in its own workspace', async () => {
    const page = await openPage(playground.browser, link, pageErrors);
    await ready(page);
    assert.match(await page.textContent('#share-message'),
      /^Opened a shared playground in its own workspace, "shared-[0-9a-f]{12}": 1 table, 5 items\. Your own playground is untouched\.$/);
    assert.match(page.url(), /\/web\/\?workspace=shared-[0-9a-f]{12}$/);
    const items = await page.evaluate(async () => (await globalThis.playground.db.send('Scan', { TableName: 'Notes' })).Items);
    assert.equal(items.length, 5);
    assert.ok(items.every((item) => item.text.S === AWKWARD));
    assert.equal(await page.inputValue('#operation'), 'GetItem');
    assert.deepEqual(JSON.parse(await page.inputValue('#request')), { TableName: 'Notes', Key: { id: { S: 'note-1' } } });
    assert.match(await page.locator('#history .history-entry').first().textContent(), /GetItem/);
    const workspaces = await page.locator('#workspace option').allTextContents();
    assert.equal(workspaces[0], 'my playground');
    assert.ok(workspaces.some((name) => /^shared-/.test(name)), String(workspaces));
    // What is done in the shared workspace stays there.
    await page.evaluate(() => globalThis.playground.db.send('DeleteItem', { TableName: 'Notes', Key: { id: { S: 'note-0' } } }));
    await page.close();
    const homeItems = await home.evaluate(async () => (await globalThis.playground.db.send('Scan', { TableName: 'Notes' })).Count);
    assert.equal(homeItems, 5);
  });

  test('a link shared from the PartiQL mode opens on its statement, ready to send', async () => {
    const statement = 'SELECT * FROM "Notes" WHERE id = ?';
    await home.click('#mode-partiql');
    await home.fill('#partiql-statement', statement);
    await home.fill('#partiql-parameters', '[{"S": "note-2"}]');
    await home.fill('#partiql-limit', '3');
    await home.click('#share-playground');
    await home.waitForFunction((previous) => {
      const value = document.querySelector('#share-link').value;
      return value.includes('#share=1.') && value !== previous;
    }, link);
    const partiqlLink = await home.inputValue('#share-link');
    await home.click('#share-close');
    await home.click('#mode-json');

    const page = await openPage(playground.browser, partiqlLink, pageErrors);
    await ready(page);
    assert.equal(await page.isChecked('#mode-partiql'), true);
    assert.equal(await page.isVisible('#partiql-form'), true);
    assert.equal(await page.inputValue('#partiql-statement'), statement);
    assert.equal(await page.inputValue('#partiql-parameters'), '[{"S": "note-2"}]');
    assert.equal(await page.inputValue('#partiql-limit'), '3');
    assert.equal(await page.textContent('#partiql-summary'), 'The statement the link was shared with.');
    await page.click('#partiql-send');
    await page.waitForSelector('#partiql-send:not([disabled])');
    await page.waitForFunction(() => document.querySelector('#response-summary').textContent.startsWith('ExecuteStatement'));
    assert.deepEqual(JSON.parse(await page.textContent('#response')).Items.map((item) => item.id.S), ['note-2']);
    await page.close();
  });

  test('a hostile link\'s text never becomes markup, and its trigger waits for Enable', async () => {
    const html = '<img src=x onerror="window.pwned=1">';
    const fragment = await encodeShareFragment({
      version: 1, clock: { Mode: 'REAL' }, settings: {},
      tables: [{ create: { TableName: html, KeySchema: [], AttributeDefinitions: [] }, items: [] }],
      console: { operation: html, request: html },
      history: [{ operation: html, request: html }],
      trigger: { tableName: html, code: `async () => { window.pwned = 1; } ${html}` },
    });
    const page = await openPage(playground.browser, `${playground.pageUrl}web/#${fragment}`, []);
    await ready(page);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.equal(await page.locator('img').count(), 0);
    assert.match(await page.textContent('#share-message'), /The engine refused 1 of its requests: table <img src=x onerror="window.pwned=1">: ValidationException/);
    assert.equal(await page.textContent('#trigger-toggle'), 'Enable');
    assert.equal(await page.getAttribute('#trigger-status', 'data-state'), 'disabled');
    await page.close();
  });

  test('a damaged link says why, and the page opens the user\'s own playground', async () => {
    const page = await openPage(playground.browser, `${playground.pageUrl}web/#share=1.AAAA!!`, []);
    await ready(page);
    assert.match(await page.textContent('#share-message'), /^The link was not opened: The link is damaged/);
    assert.match(page.url(), /\/web\/$/);
    await page.close();
  });

  test('a playground too big for a link is offered as a file instead', async () => {
    await home.evaluate(async () => {
      const { db } = globalThis.playground;
      // Random text does not compress: about 60 KB of it makes a link past 32,000 characters.
      const random = () => Array.from({ length: 2000 }, () => String.fromCharCode(33 + Math.floor(Math.random() * 90))).join('');
      for (let n = 0; n < 30; n++) await db.send('PutItem', { TableName: 'Notes', Item: { id: { S: `big-${n}` }, text: { S: random() } } });
    });
    await home.click('#share-playground');
    await home.waitForFunction(() => document.querySelector('#share-link').value.includes('#share=1.'));
    assert.equal(await home.getAttribute('#share-fit', 'data-fits'), 'file');
    assert.match(await home.textContent('#share-fit'), /longer than browsers' address bars take \(about 32,000\), so share the playground as a file instead/);
    assert.equal(await home.isVisible('#share-download'), true);
    await home.click('#share-close');
  });

  test('the pages logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
