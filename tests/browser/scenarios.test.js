// The scenarios panel in a real browser (Debian's Chromium through playwright-core): each button
// replays one of the explainer's lessons in scratch tables and says what happened in one
// sentence, with the figures the engine measured, then shows that table's partitions.
//
// Same static server and launch flags as partitions.test.js, so the files run independently.

import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOT_PATH = '/tmp/scenarios.png';

// Browsers refuse to compile wasm streamed with another type, and ES modules need a JS type.
const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// Flags from /work/shared/TOOLCHAIN.md: without the networking ones Chromium tries connections
// this machine refuses.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serves GET requests for files under `root`; `/` redirects to `/web/` as the real server does. */
function startStaticServer(root) {
  const server = http.createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (pathname === '/') {
      response.writeHead(302, { Location: '/web/' });
      response.end();
      return;
    }
    let filePath = path.join(root, decodeURIComponent(pathname));
    // path.join has already resolved "..", so anything outside the root was an escape attempt.
    if (filePath !== root && !filePath.startsWith(root + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    if (pathname.endsWith('/')) filePath = path.join(filePath, 'index.html');
    try {
      if (!(await stat(filePath)).isFile()) throw new Error('not a file');
    } catch {
      response.writeHead(404).end();
      return;
    }
    const type = MIME_TYPES[path.extname(filePath)] ?? 'application/octet-stream';
    response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    createReadStream(filePath).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server;
let browser;
let pageUrl;

before(async () => {
  server = await startStaticServer(path.resolve(REPO_ROOT));
  pageUrl = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

describe('scenarios panel', () => {
  let page;
  const pageErrors = [];

  const text = (selector) => page.locator(selector).textContent();

  /** Clicks `scenario`'s button and returns the sentence once the run is over. */
  async function runScenario(scenario) {
    await page.click(`[data-scenario="${scenario}"]`);
    await page.waitForSelector('#scenario-result:not([data-outcome="running"])');
    await page.waitForSelector(`[data-scenario="${scenario}"]:not([disabled])`);
    assert.equal(await page.getAttribute('#scenario-result', 'data-outcome'), 'ok');
    return text('#scenario-result');
  }

  before(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error')
        pageErrors.push(`${message.text()} (${message.location().url})`);
    });
    await page.goto(pageUrl);
    await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
  });

  after(() => page?.close());

  test('the buttons are enabled once the engine is ready', async () => {
    assert.equal(await page.locator('[data-scenario]:not([disabled])').count(), 4);
  });

  test('hot partition: the country key throttles, the user_id key does not', async () => {
    const result = await runScenario('hot-partition');
    const match = result.match(
      /^country as key: (\d+) of 20000 writes throttled; user_id as key: 0 throttled$/,
    );
    assert.ok(match, result);
    assert.ok(Number(match[1]) > 0, result);
    assert.match(await text('#partitions-caption'), /^ScenarioByCountry /);
    assert.equal(
      await page.locator('#partitions [data-testid="partition-row"][data-state="throttled"]').count(),
      1,
    );
    const hotKey = page.locator('#hot-keys [data-testid="hot-key-row"]').first();
    assert.equal(await hotKey.locator('td').first().textContent(), 'US');
    assert.ok(Number(await hotKey.locator('td').nth(3).textContent()) > 0);
  });

  test('scan vs query: ten scans cost more than ten queries', async () => {
    const result = await runScenario('scan-vs-query');
    const match = result.match(/^10 queries: ([\d.]+) RCU; 10 scans: ([\d.]+) RCU$/);
    assert.ok(match, result);
    assert.ok(Number(match[2]) > Number(match[1]), result);
    assert.match(await text('#partitions-caption'), /^ScenarioOrders /);
  });

  test('capacity mode: the spike throttles provisioned, not on-demand', async () => {
    const result = await runScenario('capacity-mode');
    const match = result.match(/^provisioned: (\d+) throttled; on-demand: 0 throttled$/);
    assert.ok(match, result);
    assert.ok(Number(match[1]) > 0, result);
    assert.match(await text('#partitions-caption'), /^ScenarioProvisioned /);
  });

  test('consistency: the eventual read is stale and half the price', async () => {
    const result = await runScenario('consistency');
    assert.equal(result, 'eventual read saw v1 (0.5 RCU); strong read saw v2 (1 RCU)');
    assert.match(await text('#partitions-caption'), /^ScenarioProfiles /);
    await page.screenshot({ path: SCREENSHOT_PATH });
  });

  test('a scenario can run twice (its tables are recreated)', async () => {
    const result = await runScenario('consistency');
    assert.equal(result, 'eventual read saw v1 (0.5 RCU); strong read saw v2 (1 RCU)');
  });

  test('the page logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
