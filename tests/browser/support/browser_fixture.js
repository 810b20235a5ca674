// What every browser test shares: a static server for the repository (the page loads
// ../wasm/index.js and the generated module from it) and Chromium's launch flags.

import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

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

// Flags from the team's toolchain notes (shared/TOOLCHAIN.md): without the networking ones
// Chromium tries connections this machine refuses.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serves GET requests for files under `root`; `/` redirects to `/web/` as the real server does. */
export function startStaticServer(root) {
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

const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../../', import.meta.url)));

/**
 * Serves the repository and launches Debian's Chromium with `args`. Resolves to the page's
 * base URL ("http://127.0.0.1:<port>/"), the browser, and close() for the test's after().
 */
export async function openPlayground(args = CHROMIUM_ARGS) {
  const server = await startStaticServer(REPO_ROOT);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  return {
    browser,
    pageUrl: `http://127.0.0.1:${server.address().port}/`,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Clicks `scenario`'s button on `page`, waits for the run to finish and returns its figures;
 * fails unless the scenario reported success.
 */
export async function runScenario(page, scenario) {
  await page.click(`[data-scenario="${scenario}"]`);
  await page.waitForSelector('#scenario-result:not([data-outcome="running"])');
  await page.waitForSelector(`[data-scenario="${scenario}"]:not([disabled])`);
  const outcome = await page.getAttribute('#scenario-result', 'data-outcome');
  if (outcome !== 'ok') {
    throw new Error(`scenario ${scenario} ended ${outcome}: ${await page.locator('#scenario-result').textContent()}`);
  }
  return page.locator('#scenario-result .scenario-figures').textContent();
}

/**
 * Opens the playground in a new page of `browser` and goes to `pageUrl`; uncaught exceptions
 * and console errors are pushed to `errors`, so a test can assert the page logged none.
 */
export async function openPage(browser, pageUrl, errors, viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  await page.goto(pageUrl);
  return page;
}

const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts', 'screenshots');

/** Where a test keeps a screenshot for people to look at: test-artifacts/screenshots/<name>.png. */
export async function artifactPath(name) {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, `${name}.png`);
}
