// The Recovery panel: the current table's point-in-time recovery as a timeline. Off, it offers to
// turn recovery on; on, a slider runs from the earliest to the latest restorable second, and
// Restore sends RestoreTableToPointInTime for the chosen second into a new table, through the
// page's own send path, so the response panel and History show it as any request. Export to S3
// sends ExportTableToPointInTime into the simulated bucket EXPORT_BUCKET (under the table's name),
// and Download hands that bucket over as a .tar of its files, laid out as AWS writes them;
// Upload puts files into UPLOAD_BUCKET and loads the ImportTable request that reads them.

import { EXPORT_BUCKET, UPLOAD_BUCKET, bucketFiles, importRequestFor, uploadFiles } from './export_bucket.js';
import { tarArchive } from './tar_archive.js';

/** "2026-01-01 00:01:05 UTC" for an epoch second: the engine's clock, which may be virtual. */
export function formatInstant(seconds) {
  return `${new Date(Math.floor(seconds) * 1000).toISOString().replace('T', ' ').replace('.000Z', '')} UTC`;
}

/** A name for the restored table that DynamoDB accepts (3-255 of [a-zA-Z0-9_.-]). */
export function restoredTableName(tableName) {
  return `${tableName}-restored`.slice(0, 255);
}

/**
 * Returns `{ refresh(db, tableName) }`. `send(operation, input)` sends as the console does and
 * resolves to `{ ok }`.
 */
export function mountRecoveryPanel(
  { caption, timeline, slider, chosen, earliest, latest, target, restore, enable, s3, exportButton, download, upload, uploadFile, exports },
  { send, showInEditor },
) {
  let shown = null; // { tableName, earliest, latest } while recovery is on
  let current = null; // { db, table: DescribeTable's Table } while the current table exists

  function hideControls() {
    timeline.hidden = true;
    enable.hidden = true;
    s3.hidden = true;
    shown = null;
    current = null;
  }

  function showChosen() {
    chosen.textContent = formatInstant(Number(slider.value));
  }

  async function refresh(db, tableName) {
    hideControls();
    if (!tableName) {
      caption.textContent = 'No table yet: a table with point-in-time recovery shows its timeline here.';
      return;
    }
    let description;
    try {
      ({ ContinuousBackupsDescription: description } = await db.send('DescribeContinuousBackups', { TableName: tableName }));
    } catch {
      caption.textContent = `${tableName} is gone; a deleted table with recovery on is kept as a backup (ListBackups).`;
      return;
    }
    const recovery = description.PointInTimeRecoveryDescription;
    const { Table } = await db.send('DescribeTable', { TableName: tableName });
    current = { db, table: Table };
    s3.hidden = false;
    exportButton.disabled = recovery.PointInTimeRecoveryStatus !== 'ENABLED';
    exportButton.title = exportButton.disabled ? 'An export reads point-in-time recovery: turn it on first.' : '';
    await showExports(db, tableName);
    if (recovery.PointInTimeRecoveryStatus !== 'ENABLED') {
      caption.textContent = `Point-in-time recovery is off for ${tableName}. Turn it on to restore the table as it was at any second from then on.`;
      enable.hidden = false;
      enable.dataset.table = tableName;
      return;
    }
    shown = { tableName, earliest: recovery.EarliestRestorableDateTime, latest: recovery.LatestRestorableDateTime };
    caption.textContent =
      `${tableName} can be restored as it was at any second of the last ${recovery.RecoveryPeriodInDays} days ` +
      'since recovery was turned on. Pick a second and restore it into a new table; the table itself stays as it is.';
    // Whole seconds within the window; in its first second there is none yet.
    const first = Math.ceil(shown.earliest);
    const last = Math.floor(shown.latest);
    restore.disabled = first > last;
    if (first > last) caption.textContent += ' The first whole second to restore has not passed yet.';
    slider.min = String(first);
    slider.max = String(Math.max(first, last));
    slider.step = '1';
    slider.value = slider.max;
    earliest.textContent = formatInstant(Number(slider.min));
    latest.textContent = formatInstant(Number(slider.max));
    target.value = restoredTableName(tableName);
    showChosen();
    timeline.hidden = false;
  }

  // What the export bucket holds, and whether there is anything to download.
  async function showExports(db, tableName) {
    const { Objects } = await db.send('Playground.ListObjects', { Bucket: EXPORT_BUCKET });
    const count = new Set(Objects.filter((o) => o.Key.endsWith('/manifest-summary.json')).map((o) => o.Key)).size;
    download.disabled = Objects.length === 0;
    exports.textContent = count === 0
      ? `Exports go to the bucket ${EXPORT_BUCKET}, under ${tableName}/AWSDynamoDB/.`
      : `${EXPORT_BUCKET} holds ${count} export${count === 1 ? '' : 's'} (${Objects.length} files).`;
  }

  slider.addEventListener('input', showChosen);

  exportButton.addEventListener('click', async () => {
    if (current === null) return;
    exportButton.disabled = true;
    try {
      await send('ExportTableToPointInTime', { TableArn: current.table.TableArn, S3Bucket: EXPORT_BUCKET, S3Prefix: current.table.TableName });
    } finally {
      exportButton.disabled = false;
    }
  });

  upload.addEventListener('click', () => uploadFile.click());
  uploadFile.addEventListener('change', async () => {
    const files = [...uploadFile.files];
    uploadFile.value = '';
    if (current === null || files.length === 0) return;
    const keys = await uploadFiles(current.db, UPLOAD_BUCKET, files);
    exports.textContent = `Uploaded ${keys.join(', ')} to ${UPLOAD_BUCKET}: the console holds the ImportTable that reads ${keys.length === 1 ? 'it' : 'them'}.`;
    const { KeySchema, AttributeDefinitions } = current.table;
    const keyNames = new Set(KeySchema.map((element) => element.AttributeName));
    showInEditor(
      'ImportTable',
      importRequestFor(keys, { keySchema: KeySchema, attributeDefinitions: AttributeDefinitions.filter((a) => keyNames.has(a.AttributeName)) }),
    );
  });

  download.addEventListener('click', async () => {
    if (current === null) return;
    const files = await bucketFiles(current.db, EXPORT_BUCKET);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([tarArchive(files, Date.now() / 1000)], { type: 'application/x-tar' }));
    link.download = `${EXPORT_BUCKET}.tar`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  });

  enable.addEventListener('click', () =>
    send('UpdateContinuousBackups', {
      TableName: enable.dataset.table,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    }),
  );

  restore.addEventListener('click', async () => {
    if (shown === null || Number(slider.value) > shown.latest) return;
    restore.disabled = true;
    try {
      await send('RestoreTableToPointInTime', {
        SourceTableName: shown.tableName,
        TargetTableName: target.value.trim(),
        RestoreDateTime: Number(slider.value),
      });
    } finally {
      restore.disabled = shown !== null && Number(slider.min) > shown.latest;
    }
  });

  return { refresh };
}
