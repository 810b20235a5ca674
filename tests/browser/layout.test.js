// The page at 1440, 800 and 390 px wide, with the heat view on (software WebGL2): nothing is
// wider than the window, the heat view is laid out for its width instead of scaled, every panel
// shows the current table, the keyboard reaches every control in the order the eye reads them,
// and a screenshot of each width is kept in test-artifacts/screenshots/ for people to look at.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { CHROMIUM_ARGS, artifactPath, openPage, openPlayground, runScenario } from './support/browser_fixture.js';

const WIDTHS = (process.env.WIDTHS ?? '1440,800,390').split(',').map(Number);

let playground;

before(async () => {
  playground = await openPlayground([
    ...CHROMIUM_ARGS.filter((flag) => flag !== '--disable-gpu'),
    '--use-gl=swiftshader',
    '--enable-unsafe-swiftshader',
  ]);
});

after(async () => {
  await playground?.close();
});

for (const width of WIDTHS) {
  describe(`the page at ${width} px`, () => {
    let page;
    const pageErrors = [];

    before(async () => {
      page = await openPage(playground.browser, `${playground.pageUrl}web/`, pageErrors, { width, height: 900 });
      await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
      await page.waitForSelector('#heat-view:not([hidden])', { timeout: 10_000 });
      await runScenario(page, 'hot-partition');
      await page.waitForFunction(() => document.querySelector('#heat-view-table').textContent === 'ScenarioByCountry');
      // A few frames, so the canvas has taken the height of what it draws.
      await page.waitForTimeout(500);
    });

    after(() => page?.close());

    test('nothing is wider than the window', async () => {
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        window: document.documentElement.clientWidth,
        // Elements that stick out of the window without a scrolling panel of their own around them.
        sticking: [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .filter((element) => !element.closest('.items-grid-frame, .partitions-body, .response-body, .heat-canvas-frame, .heat-table-frame'))
          .map((element) => `${element.tagName.toLowerCase()}#${element.id}.${element.className}`),
      }));
      assert.ok(overflow.page <= overflow.window, `page ${overflow.page} px in a ${overflow.window} px window`);
      assert.deepEqual(overflow.sticking, []);
      // No control sticks out of its panel, and no two panels' contents overlap.
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('.panel button, .panel select, .panel input, .panel textarea')]
          .filter((element) => element.getClientRects().length > 0 && !element.closest('[hidden], details:not([open]) > :not(summary), .items-grid-frame'))
          .filter((element) => {
            const box = element.getBoundingClientRect();
            const panel = element.closest('.panel').getBoundingClientRect();
            return box.right > panel.right + 0.5 || box.left < panel.left - 0.5 || box.bottom > panel.bottom + 0.5;
          })
          .map((element) => `${element.tagName.toLowerCase()}#${element.id}`));
      assert.deepEqual(outside, []);
    });

    test('the heat view is laid out for its width and as tall as its content', async () => {
      const canvas = await page.$eval('#heat-canvas', (element) => ({
        width: element.width,
        height: element.height,
        cssWidth: element.clientWidth,
        cssHeight: element.clientHeight,
        frame: element.parentElement.clientWidth,
      }));
      // One canvas pixel per CSS pixel: the view is drawn for this size, never stretched.
      assert.equal(canvas.width, canvas.cssWidth);
      assert.equal(canvas.height, canvas.cssHeight);
      assert.ok(Math.abs(canvas.width - canvas.frame) <= 2, JSON.stringify(canvas));
      // Eight partitions, the capacity plots, the top keys and the cost: far taller than the
      // 60 px the canvas starts from when it has nothing to draw.
      assert.ok(canvas.height > 300, JSON.stringify(canvas));
    });

    test('every panel shows the scenario\'s table, and the heat table names the throttled partition', async () => {
      assert.equal(await page.inputValue('#current-table'), 'ScenarioByCountry');
      assert.equal(await page.textContent('#partitions-title'), 'Partitions of ScenarioByCountry');
      const throttled = await page.locator('#heat-table [data-testid="heat-row"]').evaluateAll((rows) =>
        rows.filter((row) => Number(row.dataset.throttledSeconds) > 0).map((row) => row.cells[0].textContent));
      assert.equal(throttled.length, 1);
      assert.match(throttled[0], /^Partition \d$/);
      await page.screenshot({ path: await artifactPath(`page-${width}`), fullPage: true });
    });

    test('each scenario makes its table current, shows its lesson and leaves its requests', async () => {
      const heatRows = () => page.locator('#heat-table [data-testid="heat-row"]').evaluateAll((rows) =>
        rows.map((row) => ({ name: row.cells[0].textContent, busiest: row.cells[1].textContent, throttled: Number(row.dataset.throttledSeconds) })));
      // What each lesson leaves in the panels, read through the heat view's text alternative.
      const lessons = {
        'hot-partition': ['ScenarioByCountry', (rows) => rows.filter((row) => row.throttled > 0).length === 1],
        'scan-vs-query': ['ScenarioOrders', (rows) => rows.some((row) => !/, 0 RCU$/.test(row.busiest))],
        'capacity-mode': ['ScenarioProvisioned', (rows) => rows.filter((row) => row.throttled > 0).length === 1],
        consistency: ['ScenarioProfiles', (rows) => rows.some((row) => !/^0 WCU/.test(row.busiest))],
        'time-to-live': ['ScenarioSessions', (rows) => rows.length > 0],
        'point-in-time-recovery': ['ScenarioLedgerRestored', (rows) => rows.length > 0],
        archive: ['ScenarioArchive', (rows) => rows.some((row) => !/^0 WCU/.test(row.busiest))],
        'global-tables': ['ScenarioGlobalCarts', (rows) => rows.some((row) => !/^0 WCU/.test(row.busiest))],
        'social-app': ['Posts', (rows) => rows.some((row) => row.name.startsWith('timeline-index'))],
      };
      for (const [scenario, [tableName, lessonShown]] of Object.entries(lessons)) {
        const groupsBefore = await page.locator('#history [data-testid="history-group"]').count();
        await runScenario(page, scenario);
        assert.equal(await page.inputValue('#current-table'), tableName, scenario);
        assert.match(await page.textContent('#heat-table-caption'), new RegExp(`^${tableName}, last 60 s`), scenario);
        assert.ok(lessonShown(await heatRows()), `${scenario}: ${JSON.stringify(await heatRows())}`);
        assert.equal(await page.locator('#history [data-testid="history-group"]').count(), groupsBefore + 1, scenario);
        await page.waitForFunction((name) => document.querySelector('#items-status').textContent.startsWith('Scan page 1:'), tableName);
      }
      // Time to Live's lesson in the Items panel: only the session without an expiry is left.
      await runScenario(page, 'time-to-live');
      await page.waitForFunction(() => document.querySelector('#items-status').textContent.startsWith('Scan page 1: 1 item'));
      assert.equal(await page.locator('#items-grid [data-testid="item-row"] td:nth-child(2)').textContent(), 'forever');
      await runScenario(page, 'hot-partition');
    });

    test('the mouse wheel over the heat view scrolls the page', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = await page.locator('#heat-canvas').boundingBox();
      await page.evaluate((y) => window.scrollTo(0, y - 100), box.y);
      const before = await page.evaluate(() => window.scrollY);
      await page.mouse.move(box.x + box.width / 2, 120);
      await page.mouse.wheel(0, -300);
      await page.waitForFunction((start) => window.scrollY !== start, before, { timeout: 5000 });
      assert.ok((await page.evaluate(() => window.scrollY)) < before);
    });

    if (width === 390) {
      test('the keyboard reaches every control, in the order they are read', async () => {
        // A click on the page's title starts keyboard navigation from the top.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.click('header h1');
        const controls = await page.evaluate(() =>
          [...document.querySelectorAll('button, select, input, textarea, a[href], summary')]
            .filter((element) => !element.disabled && element.getClientRects().length > 0 && !element.closest('[hidden]'))
            // What a closed <details> folds away is reached once it is opened.
            .filter((element) => element.tagName === 'SUMMARY' || !element.closest('details:not([open])'))
            .length);
        // Where each control sits before anything scrolls (focus scrolls lists inside panels).
        await page.evaluate(() => {
          // A control scrolled out of a list's view reads where the list ends.
          const scroller = (element) => {
            for (let at = element.parentElement; at; at = at.parentElement) {
              const { overflowY } = getComputedStyle(at);
              if ((overflowY === 'auto' || overflowY === 'scroll') && at.scrollHeight > at.clientHeight) return at;
            }
            return null;
          };
          for (const element of document.querySelectorAll('button, select, input, textarea, a[href], summary, [tabindex]')) {
            let top = element.getBoundingClientRect().top;
            const list = scroller(element);
            if (list) top = Math.min(top, list.getBoundingClientRect().bottom);
            element.dataset.readingTop = String(top + window.scrollY);
          }
        });
        const visited = [];
        for (let i = 0; i < 2 * controls + 20; i++) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const element = document.activeElement;
            if (!element || element === document.body) return null;
            // Past the last control focus leaves the page or wraps to the first one again.
            if (element.dataset.tabVisited) return null;
            element.dataset.tabVisited = 'yes';
            const top = Number(element.dataset.readingTop ?? element.getBoundingClientRect().top + window.scrollY);
            return { id: `${element.tagName.toLowerCase()}#${element.id} ${element.textContent.trim().slice(0, 16)}`, top };
          });
          if (!focused) break;
          visited.push(focused);
        }
        // On one column, reading order is top to bottom: focus never jumps back up the page
        // (beyond controls that share a line).
        for (let i = 1; i < visited.length; i++) {
          assert.ok(visited[i].top >= visited[i - 1].top - 40,
            `${visited[i].id} (at ${Math.round(visited[i].top)}) comes after ${visited[i - 1].id} (at ${Math.round(visited[i - 1].top)})`);
        }
        const reached = new Set(visited.map((entry) => entry.id.split(' ')[0]));
        for (const id of ['select#operation', 'textarea#request', 'button#send', 'select#current-table', 'button#items-scan', 'input#query-partition', 'button#trigger-toggle']) {
          assert.ok(reached.has(id), `${id} is not reached by Tab`);
        }
        const missed = await page.evaluate(() =>
          [...document.querySelectorAll('button, select, input, textarea, a[href], summary')]
            .filter((element) => !element.disabled && element.getClientRects().length > 0 && !element.closest('[hidden]'))
            // What a closed <details> folds away is reached once it is opened.
            .filter((element) => element.tagName === 'SUMMARY' || !element.closest('details:not([open])'))
            .filter((element) => !element.dataset.tabVisited)
            // A radio group is one stop: Tab reaches its checked radio, the arrow keys the others.
            .filter((element) => !(element.type === 'radio' && !element.checked))
            .map((element) => `${element.tagName.toLowerCase()}#${element.id} ${element.textContent.trim().slice(0, 20)}`));
        assert.deepEqual(missed, [], `${visited.length} of ${controls} controls reached`);
      });
    }

    test('the page logged no errors', () => {
      assert.deepEqual(pageErrors, []);
    });
  });
}
