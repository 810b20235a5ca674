// The Recovery panel in a real browser (Debian's Chromium through playwright-core): a table's
// point-in-time recovery as a timeline. Off, one button turns it on; on, the slider spans the
// restorable seconds and Restore sends RestoreTableToPointInTime into a new table, which becomes
// the current table; Export to S3 exports it, Download gives the bucket as a tar, and Upload
// puts files in the simulated S3 for ImportTable. The clock is stopped (VIRTUAL) so the seconds are the test's own.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { artifactPath, openPage, openPlayground } from './support/browser_fixture.js';

let playground;

before(async () => {
  playground = await openPlayground();
});

after(async () => {
  await playground?.close();
});

for (const viewport of [{ width: 1280, height: 1400 }, { width: 390, height: 844 }]) {
  describe(`recovery panel (${viewport.width} px)`, () => {
    let page;
    const pageErrors = [];
    const text = (selector) => page.locator(selector).textContent();
    const responseJson = async () => JSON.parse(await text('#response'));
    const requestFinished = () => page.waitForSelector('#send:not([disabled])');

    async function send(operation, requestText) {
      await page.selectOption('#operation', operation);
      if (requestText !== undefined) await page.fill('#request', requestText);
      await page.click('#send');
      await requestFinished();
    }

    before(async () => {
      page = await openPage(playground.browser, playground.pageUrl, pageErrors, viewport);
      await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 10_000 });
    });

    after(() => page?.close());

    test('a table without recovery offers to turn it on', async () => {
      await send('Playground.SetClock', JSON.stringify({ Mode: 'VIRTUAL' }));
      await send('CreateTable'); // the example's Music table
      assert.match(await text('#recovery-caption'), /^Point-in-time recovery is off for Music\./);
      assert.equal(await page.isVisible('#recovery-timeline'), false);
      await page.click('#recovery-enable');
      await page.waitForSelector('#recovery-timeline:not([hidden])');
      assert.equal((await responseJson()).ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus, 'ENABLED');
      assert.match(await text('#recovery-caption'), /^Music can be restored as it was at any second of the last 35 days/);
      assert.equal(await page.isVisible('#recovery-enable'), false);
    });

    test('the timeline spans the restorable seconds, and Restore rebuilds the table as it was', async () => {
      await send('Playground.AdvanceClock', JSON.stringify({ Seconds: 10 }));
      await send('PutItem'); // the example's song
      await send('Playground.AdvanceClock', JSON.stringify({ Seconds: 60 }));
      await page.selectOption('#current-table', 'Music');
      await page.waitForFunction(() => document.querySelector('#recovery-latest').textContent !== document.querySelector('#recovery-earliest').textContent);
      const slider = page.locator('#recovery-slider');
      const [min, max] = [Number(await slider.getAttribute('min')), Number(await slider.getAttribute('max'))];
      assert.ok(max - min >= 69 && max - min <= 71, `${min} .. ${max}`);
      assert.equal(Number(await slider.inputValue()), max);
      assert.match(await text('#recovery-chosen'), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
      assert.equal(await page.inputValue('#recovery-target'), 'Music-restored');

      // The first second: before the song was written.
      await slider.evaluate((element, value) => {
        element.value = String(value);
        element.dispatchEvent(new Event('input'));
      }, min);
      assert.equal(await text('#recovery-chosen'), await text('#recovery-earliest'));
      await page.click('#recovery-restore');
      await requestFinished();
      const restored = (await responseJson()).TableDescription;
      assert.equal(restored.TableName, 'Music-restored');
      assert.equal(restored.RestoreSummary.RestoreDateTime, min);
      assert.equal(await page.inputValue('#current-table'), 'Music-restored');
      assert.match(await text('#recovery-caption'), /^Point-in-time recovery is off for Music-restored\./);

      await send('Scan', JSON.stringify({ TableName: 'Music-restored' }));
      assert.equal((await responseJson()).Count, 0);
      await send('Scan', JSON.stringify({ TableName: 'Music' }));
      assert.equal((await responseJson()).Count, 1);
      await page.locator('#recovery').screenshot({ path: await artifactPath(`recovery-${viewport.width}`) });
    });

    test('a restore into a table that exists shows the service error and changes nothing', async () => {
      await page.selectOption('#current-table', 'Music');
      await page.waitForSelector('#recovery-timeline:not([hidden])');
      await page.fill('#recovery-target', 'Music');
      await page.click('#recovery-restore');
      await requestFinished();
      assert.equal(await text('#error-name'), 'TableAlreadyExistsException');
      assert.equal(await text('#response-summary'), 'RestoreTableToPointInTime · HTTP 400');
      await send('Scan', JSON.stringify({ TableName: 'Music' }));
      assert.equal((await responseJson()).Count, 1);
    });

    test('Export to S3 writes the table to the simulated bucket, and Download hands it over as a tar', async () => {
      await page.selectOption('#current-table', 'Music');
      await page.waitForSelector('#recovery-timeline:not([hidden])');
      assert.equal(await page.isDisabled('#recovery-download'), true);
      assert.match(await text('#recovery-exports'), /^Exports go to the bucket playground-exports, under Music\/AWSDynamoDB\/\.$/);
      await page.click('#recovery-export');
      await requestFinished();
      const started = (await responseJson()).ExportDescription;
      assert.equal(await text('#response-summary'), 'ExportTableToPointInTime · HTTP 200');
      assert.equal(started.ExportStatus, 'IN_PROGRESS');
      await page.waitForSelector('#recovery-download:not([disabled])');
      assert.match(await text('#recovery-exports'), /^playground-exports holds 1 export \(15 files\)\.$/);

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#recovery-download')]);
      assert.equal(download.suggestedFilename(), 'playground-exports.tar');
      const { execFileSync } = await import('node:child_process');
      const listed = execFileSync('tar', ['-tf', await download.path()], { encoding: 'utf8' }).trim().split('\n');
      const exportId = started.ExportArn.split('/').pop();
      assert.ok(listed.includes(`playground-exports/Music/AWSDynamoDB/${exportId}/manifest-summary.json`), listed.join(' '));
      assert.equal(listed.filter((name) => name.endsWith('.json.gz')).length, 8);
      await page.locator('#recovery').screenshot({ path: await artifactPath(`recovery-export-${viewport.width}`) });
    });

    test('Upload to S3 puts a file in the bucket and loads the ImportTable that reads it', async () => {
      await page.selectOption('#current-table', 'Music');
      await page.waitForSelector('#recovery-s3:not([hidden])');
      const csv = 'Artist,SongTitle,Year\nAcme Band,Happy Day,2026\nNo One You Know,Call Me Today,2025\n';
      await page.setInputFiles('#recovery-upload-file', { name: `songs-${viewport.width}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.waitForFunction(() => document.querySelector('#recovery-exports').textContent.startsWith('Uploaded'));
      assert.equal(await page.inputValue('#operation'), 'ImportTable');
      const request = JSON.parse(await page.inputValue('#request'));
      assert.deepEqual(request.S3BucketSource, { S3Bucket: 'playground-uploads', S3KeyPrefix: `songs-${viewport.width}.csv` });
      assert.equal(request.InputFormat, 'CSV');
      assert.equal(request.TableCreationParameters.TableName, `songs-${viewport.width}`);
      await page.click('#send');
      await requestFinished();
      const started = (await responseJson()).ImportTableDescription;
      await send('DescribeImport', JSON.stringify({ ImportArn: started.ImportArn }));
      const done = (await responseJson()).ImportTableDescription;
      assert.equal(done.ImportStatus, 'COMPLETED');
      assert.equal(done.ImportedItemCount, 2);
      await send('Scan', JSON.stringify({ TableName: `songs-${viewport.width}` }));
      assert.equal((await responseJson()).Count, 2);
    });

    test('the page logged no errors', () => {
      assert.deepEqual(pageErrors, []);
    });
  });
}
