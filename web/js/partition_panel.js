// One table's partitions as the engine meters them (Playground.GetMetrics): each partition's
// hash range, items and the capacity it consumed in the latest second against its limit, then
// the busiest partition keys and what the traffic cost. A plain-HTML panel; the ImGui heat view
// is a separate page.

import {
  formatBytes,
  formatDollars,
  formatUnits,
  hashPrefix,
  namedPartitions,
  partitionLimits,
} from './partition_figures.js';

const WINDOW_SECONDS = 60;
const HOT_KEY_ROWS = 5;

/** The text of a key AttributeValue: {"S": "US"} is "US". */
function keyText(key) {
  const [type, value] = Object.entries(key ?? {})[0] ?? ['', ''];
  return type === 'B' ? `(binary) ${value}` : String(value);
}

/**
 * Reads one partition's row: `load` is the larger share of its read or write limit used in the
 * second `latestTime`, and `state` is "throttled" at the limit or when that second throttled, "busy"
 * from half the limit, "ok" below.
 */
function describePartition(partition, limits, latestTime) {
  const seconds = partition.Seconds ?? [];
  const latest = seconds.find((second) => second.Time === latestTime) ?? {};
  const wcu = latest.ConsumedWriteCapacityUnits ?? 0;
  const rcu = latest.ConsumedReadCapacityUnits ?? 0;
  const writeShare = wcu / limits.write;
  const readShare = rcu / limits.read;
  const latestThrottles = (latest.ThrottledReads ?? 0) + (latest.ThrottledWrites ?? 0);
  const windowThrottles = seconds.reduce(
    (sum, second) => sum + second.ThrottledReads + second.ThrottledWrites,
    0,
  );
  const load = Math.max(writeShare, readShare);
  let state = 'ok';
  if (load >= 1 || latestThrottles > 0) state = 'throttled';
  else if (load >= 0.5) state = 'busy';
  const loadLabel =
    writeShare >= readShare
      ? `${formatUnits(wcu)} of ${formatUnits(limits.write)} WCU`
      : `${formatUnits(rcu)} of ${formatUnits(limits.read)} RCU`;
  return { wcu, rcu, windowThrottles, load, state, loadLabel };
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function partitionRow(partition, limits, latestTime) {
  const { wcu, rcu, windowThrottles, load, state, loadLabel } = describePartition(partition, limits, latestTime);
  const { Start, End } = partition.HashRange;
  const row = document.createElement('tr');
  row.dataset.testid = 'partition-row';
  row.dataset.state = state;
  const range = cell(`${hashPrefix(Start)}…${hashPrefix(End)}`, 'mono');
  range.title = `Hash ${Start} to ${End}`;
  const bar = document.createElement('span');
  bar.className = 'load-bar';
  const fill = document.createElement('span');
  fill.className = 'load-fill';
  fill.style.width = `${Math.min(load, 1) * 100}%`;
  bar.append(fill);
  const loadCell = cell('', 'load');
  loadCell.title = `${loadLabel} in the latest second`;
  loadCell.append(bar);
  row.append(
    cell(partition.name, 'partition-name'),
    range,
    cell(String(partition.ItemCount), 'number'),
    cell(formatBytes(partition.SizeBytes), 'number'),
    cell(formatUnits(wcu), 'number'),
    cell(formatUnits(rcu), 'number'),
    cell(String(windowThrottles), windowThrottles > 0 ? 'number throttles' : 'number'),
    loadCell,
  );
  return row;
}

function hotKeyRow(hotKey) {
  const row = document.createElement('tr');
  row.dataset.testid = 'hot-key-row';
  row.append(
    cell(keyText(hotKey.Key), 'mono key'),
    cell(String(hotKey.Reads), 'number'),
    cell(String(hotKey.Writes), 'number'),
    cell(String(hotKey.Throttles), hotKey.Throttles > 0 ? 'number throttles' : 'number'),
  );
  return row;
}

function costText(cost) {
  const prices = typeof cost.Prices === 'string' ? cost.Prices : (cost.Prices?.Name ?? 'custom');
  let text = `On-demand ${formatDollars(cost.OnDemand)} for the last ${WINDOW_SECONDS} s at ${prices} prices`;
  if (cost.Provisioned > 0) text += `; provisioned ${formatDollars(cost.Provisioned)}`;
  return text;
}

async function firstTableName(db) {
  const output = await db.send('ListTables', { Limit: 1 });
  return output.TableNames?.[0];
}

/**
 * Returns `{ refresh(db, tableName) }`. refresh shows `tableName`'s metrics, or the first
 * table's when it is undefined or no longer exists, or a note when there is no table, and
 * resolves to the metrics it showed (undefined for a note). Never rejects: a failure to read the
 * metrics becomes the note.
 */
export function mountPartitionPanel({ title, caption, body, partitions, hotKeys, cost, message }) {
  function showMessage(text) {
    title.textContent = 'Partitions';
    caption.textContent = '';
    partitions.replaceChildren();
    hotKeys.replaceChildren();
    cost.textContent = '';
    message.textContent = text;
    message.hidden = false;
    body.hidden = true;
  }

  function show(metrics) {
    const scale = metrics.Scale;
    const limits = partitionLimits(metrics);
    title.textContent = `Partitions of ${metrics.TableName}`;
    caption.textContent = `Last ${WINDOW_SECONDS} s, in hash-range order. Each partition serves up to ` +
      `${formatUnits(limits.write)} WCU and ${formatUnits(limits.read)} RCU a second` +
      (scale === 1 ? '' : ` (DynamoDB's limits divided by the playground's scale, ${scale})`) +
      '; the bar is the latest second against that limit.';
    if (metrics.Throttling === 'OFF') {
      caption.textContent += ' · throttling is OFF: throttles are requests DynamoDB would have refused';
    }
    message.hidden = true;
    body.hidden = false;
    // The latest second that is over: the one the clock is in has only part of its traffic.
    const times = metrics.Partitions.flatMap((partition) => partition.Seconds.map((s) => s.Time));
    const completeTimes = times.filter((time) => time + 1 <= metrics.Now);
    const latestTime = Math.max(-Infinity, ...(completeTimes.length > 0 ? completeTimes : times));
    const tablePartitions = namedPartitions(metrics).filter((partition) => !partition.IndexName);
    partitions.replaceChildren(
      ...tablePartitions.map((partition) => partitionRow(partition, limits, latestTime)),
    );
    hotKeys.replaceChildren(...metrics.HotKeys.slice(0, HOT_KEY_ROWS).map(hotKeyRow));
    cost.textContent = costText(metrics.Cost);
  }

  async function refresh(db, tableName) {
    try {
      let name = tableName ?? (await firstTableName(db));
      if (name === undefined) return showMessage('No tables yet.');
      let metrics;
      try {
        metrics = await db.send('Playground.GetMetrics', {
          TableName: name,
          SinceSeconds: WINDOW_SECONDS,
        });
      } catch (error) {
        // The request named a table that is gone (DeleteTable) or never was: show another.
        if (error.name !== 'ResourceNotFoundException' || tableName === undefined) throw error;
        name = await firstTableName(db);
        if (name === undefined) return showMessage('No tables yet.');
        metrics = await db.send('Playground.GetMetrics', {
          TableName: name,
          SinceSeconds: WINDOW_SECONDS,
        });
      }
      show(metrics);
      return metrics;
    } catch (error) {
      showMessage(`Could not read the metrics: ${error.name}: ${error.message}`);
      return undefined;
    }
  }

  return { refresh };
}
