// The Regions panel: a global table's replicas side by side, each region's copy (items, bytes),
// the changes still on their way to it and when the next one lands, and the replication delay,
// read from Playground.DescribeReplication. A table in one region says how to add a replica.

import { formatUnits } from './partition_figures.js';

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function regionRow(region) {
  const row = document.createElement('li');
  row.dataset.testid = 'region-row';
  row.dataset.region = region.RegionName;
  row.dataset.inFlight = String(region.ChangesInFlight);
  const name = document.createElement('strong');
  name.textContent = region.RegionName;
  const copy = document.createElement('span');
  copy.textContent = `${plural(region.ItemCount, 'item')}, ${region.TableSizeBytes} B`;
  const state = document.createElement('span');
  state.className = region.ChangesInFlight > 0 ? 'region-behind' : 'region-current';
  state.textContent = region.ChangesInFlight > 0
    ? `${plural(region.ChangesInFlight, 'change')} on the way, the next in ${formatUnits(region.NextArrivalSeconds)} s`
    : 'up to date';
  row.append(name, ' ', copy, ' · ', state);
  return row;
}

/**
 * Returns `{ refresh(db, tableName) }`. `onRegions(tableName, regionNames)` hears the regions of
 * the replica group shown (none for a table in one region, or no table).
 */
export function mountRegionsPanel({ caption, list }, { onRegions = () => {} } = {}) {
  // On the real clock a change lands by itself, so the panel looks again when the next one is
  // due and shows it arrive. A virtual clock moves only on a request, after which the page
  // refreshes the panel anyway: a second look that finds the same wait stops there.
  let followUp;
  // Only the latest look draws, should an earlier one answer after it.
  let looks = 0;

  function show(text, rows = []) {
    caption.textContent = text;
    list.replaceChildren(...rows);
  }

  async function refresh(db, tableName, previousWait) {
    clearTimeout(followUp);
    const look = ++looks;
    if (!tableName) {
      onRegions(tableName, []);
      return show('No table yet: a global table shows its replicas here, region by region.');
    }
    let view;
    try {
      view = await db.send('Playground.DescribeReplication', { TableName: tableName });
    } catch {
      view = null;
    }
    if (look !== looks) return;
    if (view === null) {
      onRegions(tableName, []);
      return show(`${tableName} is gone.`);
    }
    if (!view.GlobalTableVersion) {
      onRegions(tableName, []);
      return show(
        `${tableName} is in one region, ${view.Regions[0]?.RegionName ?? 'us-east-1'}. UpdateTable ` +
          'with ReplicaUpdates adds a replica in another (try the "Global tables" scenario).',
        view.Regions.map(regionRow),
      );
    }
    onRegions(tableName, view.Regions.map((region) => region.RegionName));
    show(
      `${tableName} is a global table in ${plural(view.Regions.length, 'region')}: a change reaches ` +
        `the others ${formatUnits(view.ReplicationSeconds)} s after it is made, and the last writer wins.`,
      view.Regions.map(regionRow),
    );
    const waits = view.Regions.filter((region) => region.ChangesInFlight > 0).map((region) => region.NextArrivalSeconds);
    const wait = Math.min(...waits);
    if (waits.length > 0 && wait !== previousWait) {
      followUp = setTimeout(() => refresh(db, tableName, wait), wait * 1000 + 50);
    }
  }
  return { refresh: (db, tableName) => refresh(db, tableName) };
}
