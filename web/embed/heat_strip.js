// The embed's small heat strip: one row per partition of a table, one cell per second of the
// last 60, coloured as the page's heat view colours them (green under half the partition's
// limit, amber up to it, red at it or throttled), drawn on a 2D canvas from
// Playground.GetMetrics. Its text alternative is the canvas's label.

import { namedPartitions, partitionLimits } from '../js/partition_figures.js';

const WINDOW = 60;
const CELL_HEIGHT = 10;

function colour(share, throttled) {
  if (throttled || share >= 1) return '#c82828';
  if (share >= 0.5) return '#e6a01e';
  if (share > 0) return '#3caa50';
  return '#2d323c';
}

/** Draws `metrics` into `canvas` (sized to its CSS width) and labels it in words. */
export function drawHeatStrip(canvas, metrics) {
  const partitions = namedPartitions(metrics);
  const limits = partitionLimits(metrics);
  const width = Math.max(120, Math.floor(canvas.clientWidth || 300));
  canvas.width = width;
  canvas.height = Math.max(1, partitions.length) * (CELL_HEIGHT + 2);
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  const cell = width / WINDOW;
  const newest = Math.floor(metrics.Now);
  let throttledPartitions = 0;
  partitions.forEach((partition, row) => {
    const bySecond = new Map(partition.Seconds.map((second) => [second.Time, second]));
    let throttledHere = false;
    for (let column = 0; column < WINDOW; column++) {
      const second = bySecond.get(newest - WINDOW + 1 + column);
      const share = second ? Math.max(second.ConsumedWriteCapacityUnits / limits.write, second.ConsumedReadCapacityUnits / limits.read) : 0;
      const throttled = second ? second.ThrottledReads + second.ThrottledWrites > 0 : false;
      throttledHere ||= throttled;
      context.fillStyle = colour(share, throttled);
      context.fillRect(column * cell, row * (CELL_HEIGHT + 2), Math.max(1, cell - 1), CELL_HEIGHT);
    }
    if (throttledHere) throttledPartitions++;
  });
  canvas.setAttribute('aria-label', `${metrics.TableName}: ${partitions.length} partitions over the last ${WINDOW} s; ` +
    `${throttledPartitions} of them throttled`);
  canvas.dataset.throttledPartitions = String(throttledPartitions);
}
