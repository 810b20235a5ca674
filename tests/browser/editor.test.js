// The request editor in a real browser: drafts kept per operation, Format, the line of a JSON
// error marked, hints under DynamoDB's own error for a newcomer's mistakes, the explainer's AWS
// CLI examples pasted and run as they are, and "Copy as" code for the request.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { EXPLAINER_CREATE_TABLE, EXPLAINER_PUT_ITEM, EXPLAINER_QUERY } from '../fixtures/explainer_cli_examples.js';
import { openPage, openPlayground } from './support/browser_fixture.js';

let playground;

before(async () => {
  playground = await openPlayground();
});

after(async () => {
  await playground?.close();
});

describe('request editor', () => {
  let page;
  const pageErrors = [];
  const text = (selector) => page.locator(selector).textContent();
  const finished = () => page.waitForSelector('#send:not([disabled])');

  async function send(operation, requestText) {
    if (operation) await page.selectOption('#operation', operation);
    if (requestText !== undefined) await page.fill('#request', requestText);
    await page.click('#send');
    await finished();
  }

  before(async () => {
    page = await openPage(playground.browser, `${playground.pageUrl}web/`, pageErrors);
    await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
    await page.click('#tour-skip');
    await send('CreateTable');
  });

  after(() => page?.close());

  test('switching operations keeps each one\'s edits', async () => {
    await page.selectOption('#operation', 'GetItem');
    const edited = '{ "TableName": "Music", "Key": { "Artist": { "S": "Mine" }, "SongTitle": { "S": "Song" } } }';
    await page.fill('#request', edited);
    await page.selectOption('#operation', 'Scan');
    assert.equal(JSON.parse(await page.inputValue('#request')).TableName, 'Music');
    await page.selectOption('#operation', 'GetItem');
    assert.equal(await page.inputValue('#request'), edited);
    assert.equal(await text('#console-note'), 'Your edited GetItem request is back.');
    await page.click('#reset-draft');
    assert.deepEqual(JSON.parse(await page.inputValue('#request')).Key.Artist, { S: 'No One You Know' });
    assert.equal(await page.isVisible('#reset-draft'), false);
  });

  test('a loaded request puts the edited draft aside, and Restore my draft brings it back', async () => {
    await page.selectOption('#operation', 'PutItem');
    const mine = '{ "TableName": "Music", "Item": { "Artist": { "S": "mine" }, "SongTitle": { "S": "draft" } } }';
    await page.fill('#request', mine);
    await page.selectOption('#operation', 'Scan');
    await page.click('#help');
    for (let step = 0; step < 2; step++) await page.click('#tour-next');
    await page.click('#tour-action'); // "Load PutItem"
    assert.notEqual(await page.inputValue('#request'), mine);
    assert.match(await text('#console-note'), /^Your edited PutItem request was put aside for this one; Restore my draft brings it back\.$/);
    await page.click('#restore-draft');
    assert.equal(await page.inputValue('#request'), mine);
    assert.equal(await page.isVisible('#restore-draft'), false);
    await page.click('#tour-skip');
  });

  test('Format shows the JSON a pasted AWS CLI command sends, without sending it', async () => {
    const historyBefore = await page.locator('#history .history-entry').count();
    await page.fill('#request', 'aws dynamodb get-item --table-name Music --key \'{"Artist": {"S": "A"}, "SongTitle": {"S": "B"}}\' --consistent-read');
    await page.click('#format-request');
    assert.equal(await page.inputValue('#operation'), 'GetItem');
    assert.deepEqual(JSON.parse(await page.inputValue('#request')), { TableName: 'Music', Key: { Artist: { S: 'A' }, SongTitle: { S: 'B' } }, ConsistentRead: true });
    assert.equal(await text('#console-note'), 'This is the GetItem request the AWS CLI command sends; Send runs it.');
    assert.equal(await page.locator('#history .history-entry').count(), historyBefore);
  });

  test('Format re-indents the request; text that is not JSON is left as typed', async () => {
    await page.fill('#request', '{"TableName":"Music","Key":{"Artist":{"S":"A"},"SongTitle":{"S":"B"}}}');
    await page.click('#format-request');
    assert.equal(await page.inputValue('#request'), JSON.stringify({ TableName: 'Music', Key: { Artist: { S: 'A' }, SongTitle: { S: 'B' } } }, null, 2));
    await page.fill('#request', '{ "TableName": "Music",, }');
    await page.click('#format-request');
    assert.equal(await page.inputValue('#request'), '{ "TableName": "Music",, }');
    assert.equal(await text('#error-name'), 'Invalid JSON');
  });

  test('a JSON error names its line and column and selects that line in the editor', async () => {
    const broken = '{\n  "TableName": "Music",\n  "Key": {\n    "Artist": { "S": "A" }\n    "SongTitle": { "S": "B" }\n  }\n}';
    await send('GetItem', broken);
    assert.equal(await text('#error-name'), 'Invalid JSON');
    assert.match(await text('#error-location'), /^Line 5, column 5:\n {4}"SongTitle": \{ "S": "B" \}\n {4}\^$/);
    const selected = await page.$eval('#request', (area) => area.value.slice(area.selectionStart, area.selectionEnd));
    assert.equal(selected, '    "SongTitle": { "S": "B" }');
  });

  test('plain JSON values get DynamoDB\'s own error and a hint with the fix', async () => {
    await send('PutItem', '{ "TableName": "Music", "Item": { "Artist": "Bjork", "SongTitle": { "S": "Joga" } } }');
    assert.equal(await page.isVisible('#error'), true);
    assert.match(await text('#error-hint'), /^Hint: .*"Artist": \{"S": "Bjork"\}/);
  });

  test('a reserved word in an expression gets a hint about ExpressionAttributeNames', async () => {
    await send('Query', JSON.stringify({
      TableName: 'Music',
      KeyConditionExpression: 'Artist = :a',
      FilterExpression: 'Year > :y',
      ExpressionAttributeValues: { ':a': { S: 'x' }, ':y': { N: '1' } },
    }));
    assert.match(await text('#error-message'), /reserved keyword: Year/);
    assert.match(await text('#error-hint'), /#Year/);
    // A correct request shows no hint.
    await send('Scan', '{ "TableName": "Music" }');
    assert.equal(await page.isVisible('#error-hint'), false);
  });

  test('History rows name the table and key, and reopen their request', async () => {
    const rows = await page.locator('#history .history-entry').evaluateAll((all) => all.map((row) => row.textContent.replace(/\s+/g, ' ').trim()));
    assert.ok(rows.includes('PutItem Music · Artist="Bjork" 400'), String(rows));
    await page.locator('#history .history-entry', { hasText: 'Artist="Bjork"' }).click();
    assert.equal(await page.inputValue('#operation'), 'PutItem');
    assert.match(await page.inputValue('#request'), /"Artist": "Bjork"/);
  });

  test('the explainer\'s AWS CLI examples run as pasted', async () => {
    for (const [command, operation] of [
      [EXPLAINER_CREATE_TABLE, 'CreateTable'],
      [EXPLAINER_PUT_ITEM, 'PutItem'],
      [EXPLAINER_QUERY, 'Query'],
    ]) {
      await send(undefined, command);
      assert.equal(await page.isVisible('#error'), false, `${operation}: ${await text('#error')}`);
      assert.equal(await page.inputValue('#operation'), operation);
      assert.equal(await text('#console-note'), `Ran the AWS CLI command as ${operation}; the editor now holds the JSON it sends.`);
    }
    const { Items } = JSON.parse(await text('#response'));
    assert.deepEqual(Items, [{ user_id: { S: 'user_123' }, name: { S: 'John' }, email: { S: 'john@example.com' } }]);
    // A command the CLI would refuse is not sent, and says why.
    await send(undefined, 'aws dynamodb put-item --table-name Users --itme x');
    assert.equal(await text('#error-name'), 'AWS CLI command not read');
    assert.match(await text('#error-message'), /itme/);
  });

  test('Copy as shows the request as code for the endpoint that served the page', async () => {
    // GetItem still holds the broken draft of the JSON error test: back to its example.
    await page.selectOption('#operation', 'GetItem');
    await page.click('#reset-draft');
    await send();
    for (const [language, pattern] of [
      ['javascript', /new GetItemCommand\(/],
      ['python', /client\.get_item\(/],
      ['cli', /^aws dynamodb get-item \\$/m],
    ]) {
      await page.click('#copy-as summary');
      await page.click(`#copy-as [data-language="${language}"]`);
      const code = await text('#code-export-code');
      assert.match(code, pattern, await text('#code-export-status'));
      assert.ok(code.includes(new URL(playground.pageUrl).origin), code);
    }
    await page.selectOption('#operation', 'Playground.SetClock');
    await page.click('#copy-as summary');
    await page.click('#copy-as [data-language="cli"]');
    assert.match(await text('#code-export-status'), /the playground's own operation/);
    await page.click('#code-export-close');
    assert.equal(await page.isVisible('#code-export'), false);
  });

  test('a long simulation shows its progress and can be cancelled', async () => {
    await send('Playground.SetClock', '{ "Mode": "VIRTUAL" }');
    await page.selectOption('#operation', 'Playground.SimulateWorkload');
    await page.fill('#request', JSON.stringify({
      TableName: 'Music', DurationSeconds: 3600, RequestsPerSecond: 1000, Operations: { PutItem: 1 },
      KeyDistribution: { Type: 'UNIFORM', KeyCount: 1000 }, Seed: 3,
    }));
    await page.click('#send');
    await page.waitForSelector('#simulation-progress:not([hidden])', { timeout: 30_000 });
    await page.click('#simulation-cancel');
    await finished();
    const note = await text('#console-note');
    const match = note.match(/^Cancelled after (\d+) of 3600 simulated seconds; the response adds up what ran\.$/);
    assert.ok(match, note);
    assert.equal(JSON.parse(await text('#response')).Requests, Number(match[1]) * 1000);
    assert.equal(await page.isVisible('#simulation-progress'), false);
    // History keeps the request as sent, one row.
    assert.match(await page.locator('#history .history-entry').first().textContent(), /Playground\.SimulateWorkload/);
  });

  test('the page logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
