// What the Partitions panel and the heat view's text alternative both read off
// Playground.GetMetrics: partitions in hash-range order with the names a newcomer reads
// ("Partition 2"), each partition's limits at the playground's scale, and money and units
// written for people.

/**
 * What one partition serves a second, `{ read, write }` in capacity units, as the engine says in
 * GetMetrics' `PartitionLimits` (3,000 RCU and 1,000 WCU, divided by the playground's scale):
 * the page never keeps its own copy of the engine's model.
 */
export function partitionLimits(metrics) {
  const { ReadCapacityUnitsPerSecond: read, WriteCapacityUnitsPerSecond: write } = metrics.PartitionLimits;
  return { read, write };
}

/**
 * The partitions sorted by where their hash range starts, each with `name` ("Partition 1", or
 * "ByEmail #1" for a global index's), the table's first and then each index's.
 */
export function namedPartitions(metrics) {
  const byStart = (a, b) => (BigInt(a.HashRange.Start) < BigInt(b.HashRange.Start) ? -1 : 1);
  const named = [...(metrics.Partitions ?? [])]
    .sort(byStart)
    .map((partition, at) => ({ ...partition, name: `Partition ${at + 1}` }));
  for (const index of metrics.GlobalSecondaryIndexes ?? []) {
    const sorted = [...index.Partitions].sort(byStart);
    named.push(...sorted.map((partition, at) => ({ ...partition, IndexName: index.IndexName, name: `${index.IndexName} #${at + 1}` })));
  }
  return named;
}

/** "4000" for the start of the second quarter of the 64-bit hash space (a decimal string). */
export function hashPrefix(decimal) {
  return BigInt(decimal).toString(16).padStart(16, '0').slice(0, 4);
}

export function formatUnits(units) {
  if (Number.isInteger(units)) return units.toLocaleString('en-US');
  return units.toFixed(1);
}

export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * "$0.41"; under a cent, two significant digits written out ("$0.000000062"), since a minute of
 * playground traffic often costs millionths of a dollar and "6.2e-8" reads as nothing.
 */
export function formatDollars(amount) {
  if (amount === 0) return '$0';
  if (amount >= 0.01) return `$${amount.toFixed(2)}`;
  const decimals = Math.min(12, Math.ceil(-Math.log10(amount)) + 1);
  return `$${amount.toFixed(decimals)}`;
}
