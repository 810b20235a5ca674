// Words for a response's ConsumedCapacity: "1 WCU on Music". Reads are metered in read
// capacity units and writes in write capacity units (Developer Guide, "Read/write capacity
// mode"); the response only says CapacityUnits, so the unit's name comes from the operation.

const READ_OPERATIONS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const WRITE_OPERATIONS = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

function unitName(operation) {
  if (READ_OPERATIONS.has(operation)) return 'RCU';
  if (WRITE_OPERATIONS.has(operation)) return 'WCU';
  // PartiQL statements can read or write; the response does not say which.
  return 'capacity units';
}

/**
 * Returns "1 WCU on Music" for one ConsumedCapacity, a comma-separated list for the array
 * that batch and transaction operations return, or "—" when the response has none.
 */
export function describeConsumedCapacity(operation, consumedCapacity) {
  if (consumedCapacity === undefined || consumedCapacity === null) return '—';
  const entries = Array.isArray(consumedCapacity) ? consumedCapacity : [consumedCapacity];
  if (entries.length === 0) return '—';
  const unit = unitName(operation);
  return entries.map((entry) => `${entry.CapacityUnits} ${unit} on ${entry.TableName}`).join(', ');
}

const count = (n) => Number(n).toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * The consumed capacity of any successful response: its ConsumedCapacity, or for a simulated
 * workload (Playground.SimulateWorkload, which has no ConsumedCapacity of its own) the units
 * all its requests consumed, "12,470 WCU and 0 RCU in 20,000 requests, 8,001 throttled".
 */
export function describeResponseCapacity(operation, output) {
  if (output?.ConsumedCapacity !== undefined) return describeConsumedCapacity(operation, output.ConsumedCapacity);
  const { ConsumedWriteCapacityUnits: writes, ConsumedReadCapacityUnits: reads, Requests: requests, Throttled: throttled } = output ?? {};
  if (typeof writes !== 'number' || typeof reads !== 'number') return '—';
  const served = `${count(writes)} WCU and ${count(reads)} RCU`;
  if (typeof requests !== 'number') return served;
  return `${served} in ${count(requests)} requests, ${count(throttled ?? 0)} throttled`;
}
