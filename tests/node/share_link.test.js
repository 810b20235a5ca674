// Share links (web/js/share_codec.js, share_recipe.js): a playground captured as a recipe,
// carried in a URL fragment and rebuilt elsewhere through the engine's API, exactly; links
// that are damaged, of an unknown version, oversized or built to explode are refused with a
// ShareLinkError; and a fuzz test: whatever a link holds, opening it never throws anything but
// a ShareLinkError and never breaks the playground it opens in.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { createDynamoDB } from '../../wasm/index.js';
import {
  MAX_INFLATED_BYTES, ShareLinkError, decodeShareFragment, encodeShareFragment, isShareFragment,
} from '../../web/js/share_codec.js';
import { captureRecipe, checkRecipe, createTableInput, replayRecipe } from '../../web/js/share_recipe.js';
import { seededRandom } from './support/seeded_random.js';

const AWKWARD = 'line one\nline two\ttabbed "quoted" \\ back ünïcødé 日本語 😀 <b>not markup</b>';

async function samplePlayground() {
  const db = await createDynamoDB();
  await db.send('Playground.SetClock', { Mode: 'VIRTUAL', Now: 1800000000 });
  await db.send('Playground.Configure', { Scale: 10, Prices: 'explainer', ReplicationLagSeconds: 2 });
  await db.send('CreateTable', {
    TableName: 'Music',
    AttributeDefinitions: [
      { AttributeName: 'Artist', AttributeType: 'S' }, { AttributeName: 'Song', AttributeType: 'S' },
      { AttributeName: 'Album', AttributeType: 'S' }, { AttributeName: 'Year', AttributeType: 'N' },
    ],
    KeySchema: [{ AttributeName: 'Artist', KeyType: 'HASH' }, { AttributeName: 'Song', KeyType: 'RANGE' }],
    ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
    GlobalSecondaryIndexes: [{
      IndexName: 'ByAlbum', KeySchema: [{ AttributeName: 'Album', KeyType: 'HASH' }],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['Year'] },
      ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
    }],
    LocalSecondaryIndexes: [{
      IndexName: 'ByYear', KeySchema: [{ AttributeName: 'Artist', KeyType: 'HASH' }, { AttributeName: 'Year', KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  });
  await db.send('CreateTable', {
    TableName: 'Sessions', BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'B' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    OnDemandThroughput: { MaxWriteRequestUnits: 500 },
    TableClass: 'STANDARD_INFREQUENT_ACCESS',
  });
  await db.send('UpdateTimeToLive', { TableName: 'Sessions', TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true } });
  for (let n = 0; n < 30; n++) {
    await db.send('PutItem', { TableName: 'Music', Item: {
      Artist: { S: `Artist ${n % 3}` }, Song: { S: `${AWKWARD} ${n}` }, Album: { S: `Album ${n % 5}` }, Year: { N: String(1990 + n) },
      Tags: { SS: ['a', 'b'] }, Nested: { M: { list: { L: [{ NULL: true }, { BOOL: false }, { N: '-1.5e3' }] } } },
    } });
  }
  await db.send('PutItem', { TableName: 'Sessions', Item: { id: { B: 'AAEC/w==' }, expires: { N: '1900000000' }, blob: { BS: ['AQ==', 'Ag=='] } } });
  return db;
}

async function copyOf(db) {
  return createDynamoDB({ snapshot: await db.exportSnapshot() });
}

async function scanAll(db, TableName) {
  const items = [];
  let start;
  do {
    const page = await db.send('Scan', { TableName, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) });
    items.push(...page.Items);
    start = page.LastEvaluatedKey;
  } while (start);
  return items.map((item) => JSON.stringify(item)).sort();
}

describe('share links', () => {
  test('a playground survives the trip through a link: tables, indexes, TTL, items, clock, settings', async () => {
    const original = await samplePlayground();
    const copy = await copyOf(original);
    const extras = {
      console: { operation: 'Query', request: `{"TableName": "Music", "note": ${JSON.stringify(AWKWARD)}}` },
      history: [{ operation: 'PutItem', request: AWKWARD }],
      trigger: { tableName: 'Music', code: 'async (event) => { console.log("<img src=x onerror=alert(1)>"); }' },
    };
    const recipe = await captureRecipe(copy, extras, { itemBudgetBytes: 1024 * 1024 });
    // Capturing read a copy: the user's own tables consumed nothing.
    const metrics = await original.send('Playground.GetMetrics', { TableName: 'Music' });
    assert.equal(metrics.Partitions.flatMap((p) => p.Seconds).reduce((sum, s) => sum + s.ConsumedReadCapacityUnits, 0), 0);
    const fragment = await encodeShareFragment(recipe);
    assert.ok(isShareFragment(`#${fragment}`));
    assert.match(fragment, /^share=1\.[A-Za-z0-9_-]+$/);
    const decoded = await decodeShareFragment(`#${fragment}`);
    assert.deepEqual(decoded, JSON.parse(JSON.stringify(recipe)));
    assert.deepEqual(decoded.console, extras.console);
    assert.deepEqual(decoded.trigger, extras.trigger);

    const opened = await createDynamoDB();
    const report = await replayRecipe(opened, decoded);
    assert.deepEqual(report, { tables: 2, items: 31, failures: [] });
    for (const name of ['Music', 'Sessions']) {
      const before = createTableInput((await original.send('DescribeTable', { TableName: name })).Table);
      const after = createTableInput((await opened.send('DescribeTable', { TableName: name })).Table);
      assert.deepEqual(after, before, name);
      assert.deepEqual(await scanAll(opened, name), await scanAll(original, name), name);
    }
    assert.equal((await opened.send('DescribeTimeToLive', { TableName: 'Sessions' })).TimeToLiveDescription.AttributeName, 'expires');
    // An on-demand maximum and the table class go with the table.
    const sessions = (await opened.send('DescribeTable', { TableName: 'Sessions' })).Table;
    assert.deepEqual(sessions.OnDemandThroughput, { MaxReadRequestUnits: -1, MaxWriteRequestUnits: 500 });
    assert.equal(sessions.TableClassSummary.TableClass, 'STANDARD_INFREQUENT_ACCESS');
    assert.deepEqual(await opened.send('Playground.Configure', {}), await original.send('Playground.Configure', {}));
    assert.equal((await opened.send('Playground.SetClock', { Mode: 'VIRTUAL' })).Now, 1800000000);
    for (const db of [original, copy, opened]) await db.close();
  });

  test('items past the budget are left out and counted, never cut', async () => {
    const original = await samplePlayground();
    const copy = await copyOf(original);
    const recipe = await captureRecipe(copy, {}, { itemBudgetBytes: 2000 });
    const kept = recipe.tables.reduce((sum, table) => sum + table.items.length, 0);
    assert.ok(kept > 0 && kept < 31, String(kept));
    assert.equal(kept + recipe.itemsLeftOut, 31);
    for (const db of [original, copy]) await db.close();
  });

  test('a real-time clock stays real', async () => {
    const db = await createDynamoDB();
    const recipe = await captureRecipe(await copyOf(db));
    assert.deepEqual(recipe.clock, { Mode: 'REAL' });
    await db.close();
  });

  test('links that are not intact links of a known version are refused with a reason', async () => {
    const fragment = await encodeShareFragment({ version: 1, tables: [], clock: { Mode: 'REAL' }, settings: {} });
    const refusals = [
      ['nothing=here', /not a playground share link/],
      ['share=abc', /does not say which format/],
      [fragment.replace('share=1.', 'share=9.'), /format 9, newer than this playground reads \(1\)/],
      [fragment.slice(0, -6), /damaged/],
      [`${fragment}!`, /characters a share link never has/],
      [`share=1.${'A'.repeat(2 * 1024 * 1024)}`, /longer than any browser accepts/],
    ];
    for (const [text, message] of refusals) {
      await assert.rejects(decodeShareFragment(text), (error) => error instanceof ShareLinkError && message.test(error.message), text.slice(0, 40));
    }
  });

  test('a small link that would inflate past the cap is refused while inflating', async () => {
    const zeros = new Uint8Array(MAX_INFLATED_BYTES * 4);
    const stream = new Blob([zeros]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bomb = new Uint8Array(await new Response(stream).arrayBuffer());
    const text = `share=1.${Buffer.from(bomb).toString('base64url')}`;
    assert.ok(text.length < 100_000, `${text.length} characters`);
    await assert.rejects(decodeShareFragment(text), /more than 8 MB/);
  });

  test('deep nesting is refused or reported, never a crash', async () => {
    const deepJson = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const stream = new Blob([deepJson]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    await assert.rejects(
      async () => checkRecipe(await decodeShareFragment(`share=1.${Buffer.from(bytes).toString('base64url')}`)),
      ShareLinkError,
    );
    // A recipe whose item nests past what DynamoDB allows: the engine refuses that item.
    let value = { S: 'bottom' };
    for (let depth = 0; depth < 5000; depth++) value = { L: [value] };
    const db = await createDynamoDB();
    const report = await replayRecipe(db, {
      version: 1, clock: { Mode: 'REAL' }, settings: {},
      tables: [{ create: { TableName: 'Deep', BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }] },
        items: [{ k: { S: 'deep' }, v: value }, { k: { S: 'fine' } }] }],
    });
    assert.equal(report.items, 1);
    assert.equal(report.failures.length, 1);
    assert.match(report.failures[0], /^an item of Deep: /);
    await db.close();
  });

  test('recipes of the wrong shape are refused before anything is sent', () => {
    const good = { version: 1, tables: [], clock: { Mode: 'REAL' }, settings: {} };
    const bad = [
      null, [], { ...good, version: 2 }, { ...good, tables: {} },
      { ...good, tables: Array.from({ length: 257 }, () => ({ create: {}, items: [] })) },
      { ...good, tables: [{ create: {}, items: [1] }] }, { ...good, clock: { Mode: 'LATER' } },
      { ...good, clock: { Mode: 'VIRTUAL' } }, { ...good, history: [{ operation: 1, request: '' }] },
      { ...good, console: { operation: 'Scan', request: 'x'.repeat(500 * 1024) } }, { ...good, trigger: { code: 'x' } },
      { ...good, partiql: { statement: 'SELECT * FROM "T"', parametersText: [], limitText: '' } },
      { ...good, partiql: 'SELECT * FROM "T"' },
    ];
    for (const recipe of bad) assert.throws(() => checkRecipe(recipe), ShareLinkError, JSON.stringify(recipe)?.slice(0, 60));
    assert.equal(checkRecipe(good), good);
    const withStatement = { ...good, partiql: { statement: 'SELECT * FROM "T"', parametersText: '', limitText: '' } };
    assert.equal(checkRecipe(withStatement), withStatement);
  });

  test('what the engine refuses is reported, the rest is rebuilt', async () => {
    const db = await createDynamoDB();
    const report = await replayRecipe(db, {
      version: 1, clock: { Mode: 'REAL' }, settings: { Scale: -1 },
      tables: [
        { create: { TableName: '<script>alert(1)</script>', KeySchema: [], AttributeDefinitions: [] }, items: [{ a: { S: 'x' } }] },
        { create: { TableName: 'Okay', BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }] },
          items: [{ k: { S: 'fine' } }, { k: { N: '1' } }, { nope: { S: 'x' } }] },
      ],
    });
    assert.equal(report.tables, 1);
    assert.equal(report.items, 1);
    assert.equal(report.failures.length, 4, report.failures.join('\n'));
    assert.match(report.failures[0], /^the settings: ValidationException/);
    assert.match(report.failures[1], /^table <script>alert\(1\)<\/script>: ValidationException/);
    assert.deepEqual(await scanAll(db, 'Okay'), ['{"k":{"S":"fine"}}']);
    await db.close();
  });

  test('fuzz: no link, however mangled, throws anything but a ShareLinkError or harms the playground (seeded)', async () => {
    const original = await samplePlayground();
    const good = await encodeShareFragment(await captureRecipe(await copyOf(original)));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=!%#';
    for (const seed of [1, 2, 3]) {
      const next = seededRandom(seed);
      for (let round = 0; round < 60; round++) {
        let text = good;
        const edits = 1 + Math.floor(next() * 4);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(next() * text.length);
          const character = alphabet[Math.floor(next() * alphabet.length)];
          const kind = Math.floor(next() * 3);
          text = kind === 0 ? text.slice(0, at) + text.slice(at + 1)
            : kind === 1 ? text.slice(0, at) + character + text.slice(at)
              : text.slice(0, at) + character + text.slice(at + 1);
        }
        const label = `seed ${seed} round ${round}`;
        let recipe;
        try {
          recipe = checkRecipe(await decodeShareFragment(text));
        } catch (error) {
          assert.ok(error instanceof ShareLinkError, `${label}: ${error.name}: ${error.message}`);
          continue;
        }
        const db = await createDynamoDB();
        const report = await replayRecipe(db, recipe);
        assert.ok(report.failures.every((line) => typeof line === 'string'), label);
        // The playground still answers.
        assert.ok(Array.isArray((await db.send('ListTables', {})).TableNames), label);
        await db.close();
      }
    }
    await original.close();
  });
});
