// The page's load figures (printed, never asserted), in headless Chromium from the local static
// server: the playground page from navigation to interactive (its engine says "ready"; the
// median of 5 fresh loads, each in a new browser context so nothing is cached), and an embed
// from scrolling into view to its first answer (the median of 5 pages).
//
//   node tests/bench/page_load.js

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, startStaticServer } from '../browser/support/browser_fixture.js';

const REPO_ROOT = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
const server = await startStaticServer(REPO_ROOT);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const line = (label, figure) => console.log(`${label.padEnd(52)} ${figure}`);

const pageLoads = [];
for (let run = 0; run < 5; run++) {
  const page = await browser.newPage();
  const started = Date.now();
  await page.goto(`${base}/web/`);
  await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 60_000 });
  pageLoads.push(Date.now() - started);
  await page.context().close();
}

const embedAnswers = [];
for (let run = 0; run < 5; run++) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.goto(`${base}/web/embed/example.html`);
  await page.waitForLoadState('networkidle');
  const milliseconds = await page.evaluate(async () => {
    const embed = document.getElementById('write');
    const started = performance.now();
    embed.scrollIntoView();
    await embed.send();
    return performance.now() - started;
  });
  embedAnswers.push(milliseconds);
  await page.context().close();
}

console.log(`Chromium ${browser.version()}`);
line('page: navigation to interactive (median of 5), ms', Math.round(median(pageLoads)));
line('embed: scrolled into view to first answer (median of 5), ms', Math.round(median(embedAnswers)));
await browser.close();
server.close();
