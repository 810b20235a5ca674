// The tutorial site (site/tutorial/, built by scripts/build_site.js from docs/tutorial/): every
// page loads from the local server alone (no other host is asked for anything), and every embed
// on every page answers as its `data-expect` says: a subset of the response, where a string
// ">N" or "<N" stands for a number above or below N. An embed with the `stream` attribute may
// also have a `data-expect-stream`: the event names of the stream records it then shows, in order.

import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { artifactPath, openPlayground } from './support/browser_fixture.js';

const SITE = new URL('../../site/tutorial/', import.meta.url);

/** Where `actual` differs from the expected subset, as a list of paths; [] when it matches. */
function mismatches(expected, actual, path = '') {
  if (typeof expected === 'string' && /^[<>]-?\d/.test(expected)) {
    const bound = Number(expected.slice(1));
    const ok = typeof actual === 'number' && (expected[0] === '>' ? actual > bound : actual < bound);
    return ok ? [] : [`${path}: ${JSON.stringify(actual)} is not ${expected}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: ${JSON.stringify(actual)} is not a list of ${expected.length}`];
    return expected.flatMap((value, at) => mismatches(value, actual[at], `${path}[${at}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path}: ${JSON.stringify(actual)} is not an object`];
    return Object.entries(expected).flatMap(([key, value]) => mismatches(value, actual[key], `${path}.${key}`));
  }
  return expected === actual ? [] : [`${path}: ${JSON.stringify(actual)} is not ${JSON.stringify(expected)}`];
}

let playground;
const pages = (await readdir(SITE)).filter((name) => name.endsWith('.html')).sort();

before(async () => {
  playground = await openPlayground();
});

after(async () => {
  await playground?.close();
});

describe('tutorial site', () => {
  test('the site was built, with an index and its pages', () => {
    assert.ok(pages.includes('index.html'));
    assert.ok(pages.length >= 5, String(pages));
  });

  for (const name of pages) {
    test(`${name}: loads from the local server alone and every embed answers as expected`, async () => {
      const page = await playground.browser.newPage({ viewport: { width: 1100, height: 800 } });
      const errors = [];
      const foreign = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => {
        if (!request.url().startsWith(playground.pageUrl) && !request.url().startsWith('data:')) foreign.push(request.url());
      });
      await page.goto(`${playground.pageUrl}site/tutorial/${name}`);
      const embeds = await page.locator('ddb-playground').count();
      for (let at = 0; at < embeds; at++) {
        const result = await page.evaluate(async (index) => {
          const embed = document.querySelectorAll('ddb-playground')[index];
          embed.scrollIntoView();
          await embed.send();
          const expected = JSON.parse(embed.querySelector('script[data-expect]')?.textContent ?? 'null');
          const expectedStream = JSON.parse(embed.querySelector('script[data-expect-stream]')?.textContent ?? 'null');
          const stream = [...embed.shadowRoot.querySelectorAll('[part="stream"] li')].map((record) => record.dataset.eventName);
          return { expected, expectedStream, stream, response: embed.shadowRoot.querySelector('pre[part="response"]').textContent };
        }, at);
        assert.ok(result.expected, `${name}: embed ${at + 1} has no data-expect`);
        let answer;
        try {
          answer = JSON.parse(result.response);
        } catch {
          assert.fail(`${name}: embed ${at + 1} answered ${result.response}`);
        }
        assert.deepEqual(mismatches(result.expected, answer), [], `${name}: embed ${at + 1}`);
        if (result.expectedStream) assert.deepEqual(result.stream, result.expectedStream, `${name}: embed ${at + 1}'s stream`);
      }
      if (name === 'hot-partitions.html') await page.screenshot({ path: await artifactPath('tutorial-hot-partitions'), fullPage: true });
      assert.deepEqual(foreign, []);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
