// The heat view's text alternative: the figures the canvas draws, as a table that screen readers,
// keyboards and tests can read. One row per partition (the table's, then each global index's)
// over the same 60-second window: its busiest second against its limit, how many seconds it ran
// hot (half its limit or more) and how many throttled.

import { formatUnits, namedPartitions, partitionLimits } from './partition_figures.js';

const HOT_SHARE = 0.5;

/** One partition's figures over the window, from GetMetrics' per-second entries. */
export function summarisePartition(partition, limits) {
  let peakWrite = 0;
  let peakRead = 0;
  let peakShare = 0;
  let hotSeconds = 0;
  let throttledSeconds = 0;
  let throttledRequests = 0;
  for (const second of partition.Seconds ?? []) {
    const write = second.ConsumedWriteCapacityUnits ?? 0;
    const read = second.ConsumedReadCapacityUnits ?? 0;
    const throttles = (second.ThrottledReads ?? 0) + (second.ThrottledWrites ?? 0);
    const share = Math.max(write / limits.write, read / limits.read);
    peakWrite = Math.max(peakWrite, write);
    peakRead = Math.max(peakRead, read);
    peakShare = Math.max(peakShare, share);
    if (share >= HOT_SHARE || throttles > 0) hotSeconds++;
    if (throttles > 0) throttledSeconds++;
    throttledRequests += throttles;
  }
  return { peakWrite, peakRead, peakShare, hotSeconds, throttledSeconds, throttledRequests };
}

function cell(text, header = false) {
  const element = document.createElement(header ? 'th' : 'td');
  element.textContent = text;
  if (header) element.scope = 'row';
  return element;
}

/**
 * Returns `{ show(metrics), clear(text) }` drawing into `table` (its caption and tbody).
 * `metrics` is Playground.GetMetrics' output for the table the heat view shows.
 */
export function mountHeatSummary({ caption, rows }) {
  function show(metrics) {
    const limits = partitionLimits(metrics);
    caption.textContent = `${metrics.TableName}, last 60 s: each partition's busiest second against ` +
      `its limit of ${formatUnits(limits.write)} WCU and ${formatUnits(limits.read)} RCU a second`;
    rows.replaceChildren(
      ...namedPartitions(metrics).map((partition) => {
        const figures = summarisePartition(partition, limits);
        const row = document.createElement('tr');
        row.dataset.testid = 'heat-row';
        row.dataset.throttledSeconds = String(figures.throttledSeconds);
        row.append(
          cell(partition.name, true),
          cell(`${formatUnits(figures.peakWrite)} WCU, ${formatUnits(figures.peakRead)} RCU`),
          cell(`${Math.round(figures.peakShare * 100)}%`),
          cell(String(figures.hotSeconds)),
          cell(String(figures.throttledSeconds)),
          cell(String(figures.throttledRequests)),
        );
        return row;
      }),
    );
  }

  function clear(text) {
    caption.textContent = text;
    rows.replaceChildren();
  }

  return { show, clear };
}
