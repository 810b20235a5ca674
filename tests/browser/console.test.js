// The request console in a real browser (Debian's Chromium through playwright-core): the engine
// loads, the Music tutorial's requests give DynamoDB's answers, errors show as errors, and text
// that is not JSON never reaches the engine.
//
// The page is served by a small static server started here, so this test does not depend on
// the project's own HTTP server.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { openPage, openPlayground } from './support/browser_fixture.js';

const SCREENSHOT_PATH = '/tmp/playground.png';

const SONG = {
  Artist: { S: 'No One You Know' },
  SongTitle: { S: 'Call Me Today' },
  AlbumTitle: { S: 'Somewhat Famous' },
  Awards: { N: '1' },
};

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

const newPage = () => browser.newPage({ viewport: { width: 1280, height: 800 } });

describe('request console', () => {
  let page;
  const pageErrors = [];

  const text = (selector) => page.locator(selector).textContent();
  const responseJson = async () => JSON.parse(await text('#response'));
  const tableNames = () => page.locator('#tables [data-testid="table-name"]').allTextContents();
  const historyRows = async () => {
    const operations = await page
      .locator('#history [data-testid="history-operation"]')
      .allTextContents();
    const statuses = await page
      .locator('#history [data-testid="history-status"]')
      .allTextContents();
    return operations.map((operation, i) => `${operation} ${statuses[i]}`);
  };

  // Send is disabled from the click until every panel has been updated, so an enabled Send
  // after a click means the page has finished with that request.
  const requestFinished = () => page.waitForSelector('#send:not([disabled])');

  /** Picks `operation`, optionally replaces the editor's text, sends, and waits for the answer. */
  async function sendFromConsole(operation, requestText) {
    await page.selectOption('#operation', operation);
    if (requestText !== undefined) await page.fill('#request', requestText);
    await page.click('#send');
    await requestFinished();
  }

  before(async () => {
    page = await openPage(browser, pageUrl, pageErrors);
  });

  after(() => page?.close());

  test('the engine loads and the status line says so', async () => {
    await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
    assert.match(await text('#engine-status'), /^Engine ready in \d+ ms$/);
    assert.equal(await page.isEnabled('#send'), true);
    assert.equal(page.url(), `${pageUrl}web/`);
    assert.deepEqual(await page.locator('#tables li').allTextContents(), [
      'No tables yet. Send CreateTable to make one.',
    ]);
  });

  test('the picker prefills the editor with the example, pretty-printed', async () => {
    await page.selectOption('#operation', 'DescribeTable');
    assert.equal(await page.inputValue('#request'), '{\n  "TableName": "Music"\n}');
  });

  test("each operation links to its page of the API reference", async () => {
    const reference = async (operation) => {
      await page.selectOption('#operation', operation);
      return page.locator('#operation-reference').evaluate((link) => ({
        href: link.getAttribute('href'), name: link.getAttribute('aria-label'), text: link.textContent,
      }));
    };
    assert.deepEqual(await reference('PutItem'), {
      href: 'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html',
      name: 'PutItem in the AWS API Reference',
      text: 'API reference',
    });
    assert.equal((await reference('DynamoDBStreams_20120810.ListStreams')).href,
      'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_ListStreams.html');
    assert.match((await reference('Playground.SetClock')).href, /^\.\.\/docs\/api-coverage\.md#/);
    await page.selectOption('#operation', 'CreateTable');
  });

  test('CreateTable creates the Music table', async () => {
    await sendFromConsole('CreateTable');
    const output = await responseJson();
    assert.equal(output.TableDescription.TableName, 'Music');
    assert.equal(output.TableDescription.TableStatus, 'CREATING');
    assert.equal(await text('#response-summary'), 'CreateTable · HTTP 200');
    assert.equal(await text('#consumed-capacity'), 'Consumed capacity: —');
    assert.equal(await page.isVisible('#error'), false);
    assert.deepEqual(await tableNames(), ['Music']);
    assert.deepEqual(await historyRows(), ['CreateTable 200']);
  });

  test('PutItem shows the write capacity it consumed, its index write included', async () => {
    await sendFromConsole('PutItem');
    // 1 WCU for the item and 1 for its entry in AlbumTitle-index.
    assert.deepEqual(await responseJson(), {
      ConsumedCapacity: { CapacityUnits: 2, TableName: 'Music' },
    });
    assert.equal(await text('#response-summary'), 'PutItem · HTTP 200');
    assert.equal(await text('#consumed-capacity'), 'Consumed capacity: 2 WCU on Music');
  });

  test('GetItem, sent with Ctrl+Enter, returns the song and its read capacity', async () => {
    await page.selectOption('#operation', 'GetItem');
    await page.press('#request', 'Control+Enter');
    await requestFinished();
    assert.equal(await text('#response-summary'), 'GetItem · HTTP 200');
    assert.deepEqual(await responseJson(), {
      ConsumedCapacity: { CapacityUnits: 0.5, TableName: 'Music' },
      Item: SONG,
    });
    assert.equal(await text('#consumed-capacity'), 'Consumed capacity: 0.5 RCU on Music');
    assert.deepEqual(await historyRows(), ['GetItem 200', 'PutItem 200', 'CreateTable 200']);
    await page.screenshot({ path: SCREENSHOT_PATH });
  });

  test('the tagging examples tag the Music table by its ARN', async () => {
    await sendFromConsole('TagResource');
    assert.equal(await text('#response-summary'), 'TagResource · HTTP 200');
    await sendFromConsole('ListTagsOfResource');
    assert.deepEqual(await responseJson(), {
      Tags: [{ Key: 'CostCenter', Value: '12345' }, { Key: 'Owner', Value: 'blueTeam' }],
    });
    await sendFromConsole('UntagResource');
    await sendFromConsole('ListTagsOfResource');
    assert.deepEqual(await responseJson(), { Tags: [{ Key: 'Owner', Value: 'blueTeam' }] });
    assert.deepEqual((await historyRows()).slice(0, 4), [
      'ListTagsOfResource 200', 'UntagResource 200', 'ListTagsOfResource 200', 'TagResource 200',
    ]);
  });

  test('the backup examples get the newest BackupArn at Send, and the editor shows it', async () => {
    await sendFromConsole('DescribeBackup');
    assert.equal(await text('#response-summary'), 'DescribeBackup · HTTP 400');
    assert.equal(await text('#console-note'), 'There is no backup yet to fill in: send CreateBackup first.');
    await sendFromConsole('CreateBackup');
    const { BackupArn } = (await responseJson()).BackupDetails;
    for (const operation of ['DescribeBackup', 'RestoreTableFromBackup', 'DeleteBackup']) {
      await sendFromConsole(operation);
      assert.equal(await text('#response-summary'), `${operation} · HTTP 200`);
      assert.equal(JSON.parse(await page.inputValue('#request')).BackupArn, BackupArn, operation);
      assert.equal(await text('#console-note'), "BackupArn is the newest backup's, MusicBackup of Music (from ListBackups).");
      assert.equal(await page.isVisible('#reset-draft'), true, 'Back to the example brings the placeholder back');
    }
    assert.equal((await responseJson()).BackupDescription.BackupDetails.BackupStatus, 'DELETED');
    assert.deepEqual(await tableNames(), ['Music', 'MusicFromBackup']);
  });

  test('GetItem on a missing table shows ResourceNotFoundException as an error', async () => {
    const request = {
      TableName: 'NoSuchTable',
      Key: { Artist: SONG.Artist, SongTitle: SONG.SongTitle },
    };
    await sendFromConsole('GetItem', JSON.stringify(request));
    assert.equal(await page.isVisible('#error'), true);
    assert.equal(await page.isVisible('#response'), false);
    assert.equal(await text('#error-name'), 'ResourceNotFoundException');
    assert.equal(await text('#error-message'), 'Requested resource not found');
    assert.equal(await text('#error-status'), 'HTTP 400');
    assert.equal(
      await text('#error-type'),
      '__type: com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
    );
    assert.equal(await text('#response-summary'), 'GetItem · HTTP 400');
    assert.equal(await text('#consumed-capacity'), 'Consumed capacity: —');
    assert.deepEqual((await historyRows())[0], 'GetItem 400');
    await page.screenshot({ path: '/tmp/playground-error.png' });
  });

  test('text that is not JSON is reported without sending a request', async () => {
    // Count the engine calls the page makes from here on.
    await page.evaluate(() => {
      const { db } = globalThis.playground;
      const handle = db.handle.bind(db);
      globalThis.engineCalls = 0;
      db.handle = (...args) => {
        globalThis.engineCalls += 1;
        return handle(...args);
      };
    });
    const historyBefore = await historyRows();
    const badJson = '{ "TableName": "Music", }';
    const parseMessage = await page.evaluate((t) => {
      try {
        JSON.parse(t);
      } catch (error) {
        return error.message;
      }
    }, badJson);

    await sendFromConsole('GetItem', badJson);
    assert.equal(await text('#error-name'), 'Invalid JSON');
    assert.equal(await text('#error-message'), parseMessage);
    assert.equal(await text('#error-status'), 'Not sent to the engine');
    assert.equal(await page.isVisible('#error-type'), false);
    assert.equal(await text('#response-summary'), 'GetItem · Not sent to the engine');
    assert.equal(await page.evaluate(() => globalThis.engineCalls), 0);
    assert.deepEqual(await historyRows(), historyBefore);
  });

  test('picking a history row puts that request back in the editor', async () => {
    await page.locator('#history .history-entry', { hasText: 'PutItem' }).click();
    assert.equal(await page.inputValue('#operation'), 'PutItem');
    const putItem = JSON.parse(await page.inputValue('#request'));
    assert.deepEqual(putItem, { TableName: 'Music', Item: SONG, ReturnConsumedCapacity: 'TOTAL' });
  });

  test('the page logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});

describe('engine load failure', () => {
  test('a missing .wasm shows the failure and keeps Send disabled', async () => {
    const page = await newPage();
    try {
      await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: '' }));
      await page.goto(pageUrl);
      await page.waitForSelector('#engine-status[data-state="failed"]', { timeout: 10_000 });
      assert.match(
        await page.locator('#engine-status').textContent(),
        /^Engine failed to load: .+/,
      );
      assert.equal(await page.isEnabled('#send'), false);
      assert.deepEqual(await page.locator('#tables li').allTextContents(), [
        'No engine, so no tables. Reload the page to try again.',
      ]);
    } finally {
      await page.close();
    }
  });
});
