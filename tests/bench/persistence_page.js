// The page's persistence figures (printed, never asserted), in headless Chromium with real
// IndexedDB: acknowledged PutItems a second in memory and in a workspace (each acknowledged
// once its IndexedDB transaction committed with durability 'strict'), one at a time and 64 in
// flight (group commit), and the time to reopen the workspace after a reload.
//
//   node tests/bench/persistence_page.js

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, startStaticServer } from '../browser/support/browser_fixture.js';

const REPO_ROOT = new URL('../../', import.meta.url).pathname;
const server = await startStaticServer(REPO_ROOT.replace(/\/$/, ''));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/web/index.html`);

const measure = (options, inFlight) =>
  page.evaluate(
    async ([opts, width]) => {
      const { createDynamoDB } = await import('/wasm/index.js');
      const db = await createDynamoDB({ ...opts, throttling: false });
      await db.send('CreateTable', {
        TableName: 'Bench', BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      }).catch(() => {});
      const payload = 'x'.repeat(1000);
      let next = 0;
      const deadline = performance.now() + 2000;
      const worker = async () => {
        while (performance.now() < deadline) {
          await db.send('PutItem', { TableName: 'Bench', Item: { pk: { S: `k${next++}` }, payload: { S: payload } } });
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: width }, worker));
      const rate = next / ((performance.now() - started) / 1000);
      await db.close();
      return rate;
    },
    [options, inFlight],
  );

const line = (label, figure) => console.log(`${label.padEnd(52)} ${figure}`);
console.log(`Chromium ${browser.version()}`);
for (const inFlight of [1, 64]) {
  const memory = await measure({}, inFlight);
  const stored = await measure({ workspace: `bench-${inFlight}` }, inFlight);
  line(`page PutItem (1 KB) acknowledged/s, ${inFlight} in flight, memory`, `${Math.round(memory)}`);
  line(`page PutItem (1 KB) acknowledged/s, ${inFlight} in flight, IndexedDB`,
    `${Math.round(stored)}  (${(stored / memory).toFixed(2)}x memory)`);
}
const reopen = await page.evaluate(async () => {
  const { createDynamoDB } = await import('/wasm/index.js');
  const started = performance.now();
  const db = await createDynamoDB({ workspace: 'bench-64' });
  const ms = performance.now() - started;
  const { Table } = await db.send('DescribeTable', { TableName: 'Bench' });
  await db.close();
  return { ms, items: Table.ItemCount, bytes: db.restored.bytes, snapshot: Boolean(db.restored.snapshot) };
});
line(`page reopen ${reopen.items.toLocaleString('en-US')} items (stored ${(reopen.bytes / 1e6).toFixed(1)} MB, ${reopen.snapshot ? 'snapshot + journal' : 'journal alone'})`,
  `${Math.round(reopen.ms)} ms`);
await browser.close();
server.close();
