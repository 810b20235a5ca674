// The Recovery panel: the current table's point-in-time recovery as a timeline. Off, it offers to
// turn recovery on; on, a slider runs from the earliest to the latest restorable second, and
// Restore sends RestoreTableToPointInTime for the chosen second into a new table, through the
// page's own send path, so the response panel and History show it as any request.

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
export function mountRecoveryPanel({ caption, timeline, slider, chosen, earliest, latest, target, restore, enable }, { send }) {
  let shown = null; // { tableName, earliest, latest } while recovery is on

  function hideControls() {
    timeline.hidden = true;
    enable.hidden = true;
    shown = null;
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

  slider.addEventListener('input', showChosen);

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
