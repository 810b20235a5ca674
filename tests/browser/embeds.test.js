// <ddb-playground> embeds in a real browser: several on one static page, each with its own
// engine (the same table name in two of them holds different items), the wasm module loaded
// once and only when the first embed scrolls into view, a heat strip that shows the hot
// partition, a table's stream shown record by record (item values as text, never markup), a
// trigger shown but not run, "Open in playground" carrying an embed's state (its trigger
// too, disabled) into the full page, and requests served in a global table's other region.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { artifactPath, openPlayground } from './support/browser_fixture.js';

// An embed the stream tests add to the page: one TransactWriteItems request per Send, so editing
// the request alone can put, update and delete.
const CHANGES_EMBED = `<ddb-playground id="changes" operation="TransactWriteItems" table="Posts" stream>
  <script type="application/json" data-setup>[{"operation": "CreateTable", "input": {"TableName": "Posts",
    "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": [{"AttributeName": "postId", "AttributeType": "S"}],
    "KeySchema": [{"AttributeName": "postId", "KeyType": "HASH"}],
    "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"}}}]</script>
  <script type="application/json" data-request>{"TransactItems": []}</script>
</ddb-playground>`;

// An embed in eu-west-1 (the `region` attribute) whose set-up writes there too (a step's
// "region"), on a stopped clock: the write has not reached us-east-1 yet, so only Europe's
// replica holds the cart and streams its INSERT.
const REGION_EMBED = `<ddb-playground id="europe" operation="Scan" region="eu-west-1" stream virtual-clock>
  <script type="application/json" data-setup>[{"operation": "CreateTable", "input": {"TableName": "Carts",
    "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": [{"AttributeName": "user", "AttributeType": "S"}],
    "KeySchema": [{"AttributeName": "user", "KeyType": "HASH"}]}},
    {"operation": "UpdateTable", "input": {"TableName": "Carts", "ReplicaUpdates": [{"Create": {"RegionName": "eu-west-1"}}]}},
    {"operation": "PutItem", "region": "eu-west-1", "input": {"TableName": "Carts", "Item": {"user": {"S": "ana"}}}}]</script>
  <script type="application/json" data-request>{"TableName": "Carts"}</script>
</ddb-playground>`;

const postKey = (id) => ({ postId: { S: id } });
const putPost = (id, text) => ({ Put: { TableName: 'Posts', Item: { ...postKey(id), text: { S: text } } } });

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

  // Types `actions` into the embed's editor as a TransactWriteItems request and sends it.
  async function sendActions(id, actions) {
    await inEmbed(id, 'textarea').fill(JSON.stringify({ TransactItems: actions }));
    return send(id);
  }

  async function whenReady(id) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForFunction((embedId) => document.getElementById(embedId).dataset.state === 'ready', id);
  }

  /** The stream records an embed shows: event name and the text of each line. */
  function shownRecords(id) {
    return page.evaluate((embedId) => [...document.getElementById(embedId).shadowRoot.querySelectorAll('[part="stream"] li')]
      .map((record) => ({
        event: record.dataset.eventName,
        keys: record.querySelector('.keys').textContent,
        old: record.querySelector('.old')?.textContent ?? null,
        new: record.querySelector('.new')?.textContent ?? null,
      })), id);
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
    assert.match(await inEmbed('hot', 'p[part="capacity"]').textContent(), /^Consumed capacity: [\d,]+ WCU and 0 RCU in 20,000 requests, [\d,]+ throttled$/);
    // For people to look at: an embed with its answer and heat strip.
    await page.locator('#hot').screenshot({ path: await artifactPath('embed-heat-strip') });
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

  test('a stream embed shows INSERT, MODIFY and REMOVE with their images, oldest first', async () => {
    await page.evaluate((markup) => document.body.insertAdjacentHTML('beforeend', markup), CHANGES_EMBED);
    await whenReady('changes');
    const caption = inEmbed('changes', '.stream-caption');
    assert.equal(await caption.textContent(), 'Stream of Posts (NEW_AND_OLD_IMAGES), read with GetRecords: no records.');
    await sendActions('changes', [putPost('p1', 'Hello')]);
    await sendActions('changes', [{ Update: { TableName: 'Posts', Key: postKey('p1'), UpdateExpression: 'SET #text = :text', ExpressionAttributeNames: { '#text': 'text' }, ExpressionAttributeValues: { ':text': { S: 'Hello, edited' } } } }]);
    await sendActions('changes', [{ Delete: { TableName: 'Posts', Key: postKey('p1') } }]);
    assert.deepEqual(await shownRecords('changes'), [
      { event: 'INSERT', keys: '{"postId":"p1"}', old: null, new: 'new: {"postId":"p1","text":"Hello"}' },
      { event: 'MODIFY', keys: '{"postId":"p1"}', old: 'old: {"postId":"p1","text":"Hello"}', new: 'new: {"postId":"p1","text":"Hello, edited"}' },
      { event: 'REMOVE', keys: '{"postId":"p1"}', old: 'old: {"postId":"p1","text":"Hello, edited"}', new: null },
    ]);
    assert.equal(await caption.textContent(), 'Stream of Posts (NEW_AND_OLD_IMAGES), read with GetRecords: 3 records, oldest first.');
  });

  test('markup in an item value shows as text in the stream', async () => {
    const markup = '<img src=x onerror="window.pwned=1"><b>bold</b>';
    await sendActions('changes', [putPost('p2', markup)]);
    const [newest] = (await shownRecords('changes')).slice(-1);
    assert.equal(newest.new, `new: ${JSON.stringify({ postId: 'p2', text: markup })}`);
    const created = await page.evaluate(() => document.getElementById('changes').shadowRoot.querySelectorAll('img, b').length);
    assert.equal(created, 0);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
  });

  test('past ten records the stream shows the newest ten and counts the earlier ones', async () => {
    await sendActions('changes', Array.from({ length: 12 }, (_, at) => putPost(`bulk-${at}`, 'x')));
    const records = await shownRecords('changes');
    assert.equal(records.length, 10);
    assert.equal(records.at(-1).keys, '{"postId":"bulk-11"}');
    // 4 records before, 12 now: 16 in all.
    assert.equal(await inEmbed('changes', '.stream-earlier').textContent(), '6 earlier records not shown.');
    assert.match(await inEmbed('changes', '.stream-caption').textContent(), /: 16 records, oldest first\.$/);
  });

  test('a trigger is shown, not run; Open in playground hands it to the Trigger panel disabled', async () => {
    await whenReady('posts');
    const code = await inEmbed('posts', 'pre.trigger-code').textContent();
    assert.match(code, /^async \(event, db\) => \{\n  for \(const record of event\.Records\) \{/);
    assert.match(await inEmbed('posts', 'figcaption').textContent(), /^The Lambda function the stream of Posts would invoke .* does not run it/);
    const opened = page.context().waitForEvent('page');
    await inEmbed('posts', 'button[part="open"]').click();
    const full = await opened;
    const errors = [];
    full.on('pageerror', (error) => errors.push(error.message));
    await full.waitForSelector('#engine-status[data-state="ready"]', { timeout: 20_000 });
    assert.equal(await full.inputValue('#trigger-code'), code);
    assert.equal(await full.inputValue('#trigger-table'), 'Posts');
    assert.equal(await full.textContent('#trigger-toggle'), 'Enable');
    assert.equal(await full.getAttribute('#trigger-status', 'data-state'), 'disabled');
    assert.equal(await full.locator('#trigger-log li').count(), 0);
    // What the tutorial tells the reader to do: enable it, then put the post.
    await full.click('#trigger-toggle');
    await full.waitForSelector('#trigger-status[data-state="enabled"]');
    await full.click('#send');
    await full.waitForSelector('#trigger-log [data-testid="trigger-log-line"]');
    assert.equal(await full.textContent('#trigger-log [data-testid="trigger-log-line"]'), 'New post! alice: Hello');
    assert.deepEqual(errors, []);
    await full.close();
  });

  test('a region embed says its region and sends, and reads its stream, in that region', async () => {
    assert.equal(await inEmbed('write', '[part="region"]').isVisible(), false);
    await page.evaluate((markup) => document.body.insertAdjacentHTML('beforeend', markup), REGION_EMBED);
    await whenReady('europe');
    const region = inEmbed('europe', '[part="region"]');
    assert.equal(await region.isVisible(), true);
    assert.equal(await region.textContent(), 'in eu-west-1');
    assert.equal(await inEmbed('europe', 'textarea').getAttribute('aria-label'), 'Scan request in eu-west-1 (DynamoDB JSON)');
    const { Items } = JSON.parse(await send('europe'));
    assert.deepEqual(Items, [{ user: { S: 'ana' } }]);
    assert.deepEqual((await shownRecords('europe')).map((record) => record.event), ['INSERT']);
    // The same embed without the attribute reads the home region, where the set-up's write in
    // Europe has not arrived yet: no cart, no stream record.
    await page.evaluate(() => {
      const home = document.getElementById('europe').cloneNode(true);
      home.id = 'home';
      home.removeAttribute('region');
      document.body.append(home);
    });
    await whenReady('home');
    assert.equal(await inEmbed('home', '[part="region"]').isVisible(), false);
    assert.equal(JSON.parse(await send('home')).Count, 0);
    assert.deepEqual(await shownRecords('home'), []);
  });

  test('the page logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
