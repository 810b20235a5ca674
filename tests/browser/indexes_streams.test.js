// Indexes, streams, triggers and Time to Live in the page (issue #6), in Debian's Chromium: a
// table with a global index and a stream is created from the console, an item written, the
// index queried from the Tables panel, the stream record seen in the Stream panel; the social
// app sample's trigger runs in a Web Worker once enabled; the TTL scenario deletes expired items.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { openPage, openPlayground, runScenario as runScenarioOn } from './support/browser_fixture.js';

const SCREENSHOT_PATH = '/tmp/playground-streams.png';

let playground;

before(async () => {
  playground = await openPlayground();
});

after(async () => {
  await playground?.close();
});

describe('indexes, streams and triggers in the page', () => {
  let page;
  const pageErrors = [];
  const text = (selector) => page.locator(selector).textContent();
  const responseJson = async () => JSON.parse(await text('#response'));
  const requestFinished = () => page.waitForSelector('#send:not([disabled])');

  async function send(operation, requestText) {
    if (operation !== undefined) await page.selectOption('#operation', operation);
    if (requestText !== undefined) await page.fill('#request', requestText);
    await page.click('#send');
    await requestFinished();
  }

  const runScenario = (scenario) => runScenarioOn(page, scenario);

  before(async () => {
    page = await openPage(playground.browser, playground.pageUrl, pageErrors, { width: 1280, height: 1400 });
    await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
  });

  after(() => page?.close());

  test('a table with a GSI and a stream: write, see the record, query the index', async () => {
    await send('CreateTable'); // the example has AlbumTitle-index and a stream
    const created = (await responseJson()).TableDescription;
    assert.equal(created.GlobalSecondaryIndexes[0].IndexName, 'AlbumTitle-index');
    assert.equal(created.StreamSpecification.StreamViewType, 'NEW_AND_OLD_IMAGES');
    assert.deepEqual(await page.locator('#tables [data-testid="index-query"]').allTextContents(), [
      'GSI AlbumTitle-index',
    ]);
    assert.equal(await text('#tables [data-testid="stream-chip"]'), 'stream NEW_AND_OLD_IMAGES');

    await send('PutItem');
    const records = page.locator('#stream-records [data-testid="stream-record"]');
    assert.equal(await records.count(), 1);
    assert.match(await records.first().textContent(), /^INSERT Artist=No One You Know, SongTitle=Call Me Today #1 · /);
    assert.match(await text('#stream-caption'), /^Music: 1 record \(NEW_AND_OLD_IMAGES\)/);

    // The index button loads a Query on the index; give it the album and send.
    await page.click('#tables [data-testid="index-query"]');
    assert.equal(await page.inputValue('#operation'), 'Query');
    const query = JSON.parse(await page.inputValue('#request'));
    assert.equal(query.IndexName, 'AlbumTitle-index');
    query.ExpressionAttributeValues[':value'] = { S: 'Somewhat Famous' };
    await send(undefined, JSON.stringify(query));
    const output = await responseJson();
    assert.equal(output.Count, 1);
    assert.equal(output.Items[0].SongTitle.S, 'Call Me Today');

    // Its scan button loads a Scan of the index.
    await page.click('#tables [data-testid="index-scan"]');
    assert.equal(await page.inputValue('#operation'), 'Scan');
    await send();
    assert.equal((await responseJson()).Count, 1);
 
    // The table's own scan button loads a Scan of its items.
    await page.click('#tables [data-testid="table-scan"]');
    assert.equal(await page.inputValue('#operation'), 'Scan');
    assert.deepEqual(JSON.parse(await page.inputValue('#request')), { TableName: 'Music', ReturnConsumedCapacity: 'TOTAL' });
    await send();
    const scanned = await responseJson();
    assert.equal(scanned.Count, scanned.ScannedCount);
    assert.ok(scanned.Count >= 1);
  });

  test('the social app sample: an enabled trigger notifies followers from a Web Worker', async () => {
    const result = await runScenario('social-app');
    assert.match(result, /^Users \(email-index\), Posts \(timeline-index, stream\)/);
    // The trigger is loaded but does not run until enabled.
    assert.match(await page.inputValue('#trigger-code'), /notify the author's followers/);
    assert.equal(await page.inputValue('#trigger-table'), 'Posts');
    assert.equal(await text('#trigger-toggle'), 'Enable');
    await page.click('#trigger-toggle');
    await page.waitForSelector('#trigger-status[data-state="enabled"]');

    // The sample left a new post in the console.
    assert.equal(await page.inputValue('#operation'), 'PutItem');
    await send();
    await page.waitForSelector('#trigger-log [data-testid="trigger-log-line"]');
    assert.equal(await text('#trigger-log [data-testid="trigger-log-line"]'), 'notified 2 follower(s) of alice');
    await send('Scan', JSON.stringify({ TableName: 'Notifications' }));
    const notifications = await responseJson();
    assert.deepEqual(notifications.Items.map((item) => item.user_id.S).sort(), ['bob', 'carol']);
    assert.match(notifications.Items[0].text.S, /^alice posted: /);

    await page.click('#trigger-toggle');
    assert.equal(await text('#trigger-toggle'), 'Enable');
  });

  test('a trigger that never returns times out like a Lambda function and is retried', async () => {
    await page.fill('#trigger-table', 'Posts');
    await page.fill('#trigger-code', 'async (event, db) => { while (true) {} }');
    await page.click('#trigger-toggle');
    await page.waitForSelector('#trigger-status[data-state="enabled"]');
    const post = { TableName: 'Posts', Item: { user_id: { S: 'bob' }, timestamp: { N: '1' }, feed: { S: 'global' } } };
    await send('PutItem', JSON.stringify(post));
    const timedOut = page.locator('#trigger-log .log-error', { hasText: 'Task timed out after 10 seconds' });
    await timedOut.first().waitFor({ timeout: 20_000 });
    await page.click('#trigger-toggle');
    assert.equal(await text('#trigger-toggle'), 'Enable');
  });

  test('a trigger that throws is retried twice, then its batch is skipped as Lambda does', async () => {
    await page.click('#trigger-clear');
    assert.equal(await page.locator('#trigger-log li').count(), 0);
    await page.fill('#trigger-code', `async (event, db) => {
  for (const record of event.Records) {
    if (record.dynamodb.NewImage.feed.S === 'poison') throw new Error('cannot handle poison');
    console.log('handled', record.dynamodb.NewImage.user_id.S);
  }
}`);
    await page.click('#trigger-toggle');
    await page.waitForSelector('#trigger-status[data-state="enabled"]');
    const post = (user, feed) => JSON.stringify({ TableName: 'Posts', Item: { user_id: { S: user }, timestamp: { N: '2' }, feed: { S: feed } } });
    await send('PutItem', post('poisoner', 'poison'));
    await page.locator('#trigger-log li', { hasText: 'Gave up after 3 attempts' }).waitFor({ timeout: 10_000 });
    await send('PutItem', post('carol', 'global'));
    await page.locator('#trigger-log li', { hasText: 'handled carol' }).waitFor({ timeout: 10_000 });
    const lines = await page.locator('#trigger-log li').allTextContents();
    assert.deepEqual(lines.filter((line) => line === 'Error: cannot handle poison').length, 3, String(lines));
    assert.match(lines.find((line) => line.startsWith('Gave up')),
      /^Gave up after 3 attempts: skipped 1 record from #\d+ \(as Lambda does with MaximumRetryAttempts 2\)$/);
    // The log follows its newest line.
    const scrolled = await page.$eval('#trigger-log', (log) => log.scrollTop + log.clientHeight >= log.scrollHeight - 1);
    assert.equal(scrolled, true);
    await page.click('#trigger-toggle');
    await page.click('#trigger-clear');
    assert.equal(await page.locator('#trigger-log li').count(), 0);
  });

  test('Time to Live: expired sessions disappear when the clock passes their time', async () => {
    const result = await runScenario('time-to-live');
    assert.equal(result, '3 sessions; 90 s later 1 left: the sweeper deleted 2 expired ones without consuming capacity');
    assert.equal(await text('#tables li:has-text("ScenarioSessions") [data-testid="ttl-chip"]'), 'TTL expires');
    await page.screenshot({ path: SCREENSHOT_PATH, fullPage: true });
  });

  test('the page logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
