// Persistence figures (printed, never asserted): acknowledged PutItems a second in memory and
// in a data directory (every write fsynced before it is acknowledged), one at a time and 64 in
// flight (group commit), with compaction at its default threshold; journal bytes per write; the
// time to reopen a playground of 100,000 items of about 1 KB from its snapshot and journal (as
// compaction leaves it) and from a journal alone (never compacted), and the time a compaction
// takes. Ratios compare runs of this process on this machine.
//
//   node tests/bench/persistence.js [--items N]   (default 100000 for the reopen figure)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { createDynamoDB } from '../../wasm/index.js';

const { values } = parseArgs({ options: { items: { type: 'string', default: '100000' } } });
const REOPEN_ITEMS = Number(values.items);
const PAYLOAD = 'x'.repeat(1000);
const TABLE = {
  TableName: 'Bench',
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
};

// Scratch data directories, all removed when the process exits, a failed run's too.
const scratchDirectories = [];
function scratch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddbpg-bench-'));
  scratchDirectories.push(dir);
  return dir;
}
process.on('exit', () => {
  for (const dir of scratchDirectories) fs.rmSync(dir, { recursive: true, force: true });
});

// Never compacts: the journal keeps every write.
const NEVER = Number.MAX_SAFE_INTEGER;

async function acknowledgedPuts(options, inFlight, seconds = 2) {
  const db = await createDynamoDB({ ...options, throttling: false });
  await db.send('CreateTable', TABLE);
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      await db.send('PutItem', { TableName: 'Bench', Item: { pk: { S: `k${next++}` }, payload: { S: PAYLOAD } } });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const rate = next / ((performance.now() - started) / 1000);
  await db.close();
  const journal = options.path && path.join(options.path, 'journal.log');
  const bytesPerWrite = journal && fs.existsSync(journal) ? fs.statSync(journal).size / next : undefined;
  return { rate, bytesPerWrite };
}

function line(label, figure) {
  console.log(`${label.padEnd(46)} ${figure}`);
}

console.log(`node ${process.version}, ${os.cpus().length} cpus, ${os.tmpdir()} on the machine's disk`);
for (const inFlight of [1, 64]) {
  const memory = await acknowledgedPuts({}, inFlight);
  const durable = await acknowledgedPuts({ path: scratch() }, inFlight);
  line(`PutItem (1 KB) acknowledged/s, ${inFlight} in flight, memory`, `${Math.round(memory.rate)}`);
  line(`PutItem (1 KB) acknowledged/s, ${inFlight} in flight, data dir`,
    `${Math.round(durable.rate)}  (${(durable.rate / memory.rate).toFixed(2)}x memory)`);
  if (inFlight === 1) {
    const journalOnly = await acknowledgedPuts({ path: scratch(), compactAfterBytes: NEVER }, inFlight, 1);
    line('journal bytes per 1 KB PutItem', `${Math.round(journalOnly.bytesPerWrite)}`);
  }
}

// A directory holding REOPEN_ITEMS items, written 25 to a BatchWriteItem.
async function filledDirectory(compactAfterBytes) {
  const dir = scratch();
  const db = await createDynamoDB({ path: dir, throttling: false, compactAfterBytes });
  await db.send('CreateTable', TABLE);
  const batches = [];
  for (let start = 0; start < REOPEN_ITEMS; start += 25) {
    const requests = [];
    for (let i = start; i < Math.min(REOPEN_ITEMS, start + 25); i++) {
      requests.push({ PutRequest: { Item: { pk: { S: `item${i}` }, payload: { S: PAYLOAD } } } });
    }
    batches.push(db.send('BatchWriteItem', { RequestItems: { Bench: requests } }));
    if (batches.length === 64) await Promise.all(batches.splice(0));
  }
  await Promise.all(batches);
  await db.close();
  return dir;
}

const megabytes = (dir) => fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0) / 1e6;

// As compaction leaves a directory (at the default threshold), then never compacted.
for (const compactAfterBytes of [undefined, NEVER]) {
  const dir = await filledDirectory(compactAfterBytes);
  const started = performance.now();
  const reopened = await createDynamoDB({ path: dir });
  const reopenMs = performance.now() - started;
  const { Table } = await reopened.send('DescribeTable', { TableName: 'Bench' });
  const { snapshot, records } = reopened.restored;
  const how = snapshot ? 'snapshot + journal' : 'journal alone';
  line(`reopen ${Table.ItemCount.toLocaleString('en-US')} items (${(Table.TableSizeBytes / 1e6).toFixed(1)} MB), ${how}`,
    `${Math.round(reopenMs)} ms  (${megabytes(dir).toFixed(1)} MB on disk, ${snapshot ? `snapshot of ${snapshot.items} items + ` : ''}${records} records)`);
  if (compactAfterBytes === NEVER) {
    const compacting = performance.now();
    await reopened.compact();
    line(`compact ${Table.ItemCount.toLocaleString('en-US')} items into a snapshot`,
      `${Math.round(performance.now() - compacting)} ms  (snapshot ${megabytes(dir).toFixed(1)} MB)`);
    await reopened.close();
    const fromSnapshot = performance.now();
    const again = await createDynamoDB({ path: dir });
    line(`reopen ${Table.ItemCount.toLocaleString('en-US')} items, snapshot alone`,
      `${Math.round(performance.now() - fromSnapshot)} ms  (${again.restored.records} records after it)`);
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
    continue;
  }
  await reopened.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
