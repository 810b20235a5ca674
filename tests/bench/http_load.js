// HTTP load generator for any DynamoDB endpoint (plain node, no dependencies). It creates a
// table, then runs timed phases at a given concurrency over keep-alive connections:
//
//   PutItem         N items of about 1 KB (a fixed count, after a warm-up that writes the same keys)
//   GetItem         random items written by the put phase
//   Query           100-item ranges of one partition key (the put phase's items, 200 per key)
//   Scan            full scans of the table (Segment/TotalSegments = concurrency), each following
//                   LastEvaluatedKey to the end; figures are the time of one whole scan
//   BatchWriteItem  25 new items a call
//
// Every answer is checked against what was written (a server answering wrongly cannot look
// fast): a wrong answer counts as a verification error, a throttled one as a throttle, and
// neither counts as an operation done. A Query answer (100 KB) and a Scan page (1 MB) are checked
// by their items' keys, read from their bytes without parsing them: a Query answer must hold its
// range's 100 items exactly, in sort key order, and say Count 100; a scan must return every item
// once, each page's Count right. One Query answer in 8 and one Scan page in 8, in a rotation, are
// also parsed and compared item by item, attribute by attribute. This client shares the server's
// machine, so parsing every answer would measure the client's JSON.parse rather than the server;
// a line under the Query and the Scan rows says how many items were checked each way. Throttled
// PutItems and Scan pages are retried so that the table is complete for the phases after them.
// Prints ops/s, items/s, p50 and p99 per phase.
//
//   node tests/bench/http_load.js --url http://127.0.0.1:8000 [--concurrency 16] [--items 10000]
//        [--duration 3] [--warmup 1] [--no-verify] [--json]
//
// --no-verify only checks for HTTP 200: for the ceiling server, which answers `{}` to everything.

import { isAscii } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { createClient, errorName, isThrottled } from './ddb_http_client.js';

const ITEMS_PER_PARTITION_KEY = 200; // so that a Query can ask for 100 of them
export const QUERY_RANGE = 100;
// A Query answer's read units: 100 items of about 1 KB are 25 units of 4 KB, halved because the
// load reads eventually consistent.
export const QUERY_READ_UNITS = 12.5;
// The table's provisioned units each way: the default per-table quota (createTableRequest).
export const TABLE_CAPACITY_UNITS = 40_000;
const BATCH_SIZE = 25;
const BATCHES_READ_BACK = 20;
// BatchWriteItem spreads its items over this many partition keys, as DynamoDB's guidance asks of
// a write-heavy load. What limits this phase is a partition's 1,000 WCU a second, not the
// table's 40,000: the table starts with 300 seconds of burst, far more than a phase spends. A
// partition's share of the writes is its share of the keys, and hashing puts uneven numbers of
// keys in each: on 1,000 keys the fullest of the table's 64 partitions held 1.6 times the mean,
// reached 1,000 WCU a second when the table took 40,000 items a second, and throttled. On
// 100,000 keys the fullest holds within 7% of the mean, so the table takes nearly 60,000 items a
// second before a partition throttles (measured in process on the engine's virtual clock;
// tests/node/http_load.test.js checks both key counts at 48,000 items a second).
export const BATCH_PARTITION_KEYS = 100_000;
const THROTTLE_BACKOFF_MS = 5;
// A read-back refused for capacity is tried again after a pause, for up to two seconds: a
// partition's read capacity comes back within one.
const READ_BACK_ATTEMPTS = 20;
const READ_BACK_BACKOFF_MS = 100;
// Of the Query answers and of the Scan pages, those parsed and compared item by item (every one's
// keys are checked): one in this many, in a rotation. A Query answer is chosen by its number in
// the phase, a Scan page by segment, page and scan number (isPageVerifiedInFull).
const PAGES_PER_FULL_VERIFICATION = 8;

// With the keys, each item is about 1 KB. Random per run, so no server can answer from a guess.
const PAYLOADS = Array.from({ length: 32 }, () => randomBytes(500).toString('hex'));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Outcomes of one operation. `throttles` counts throttled attempts (retried or not).
const done = (items = 1, throttles = 0) => ({ items, throttles });
const throttled = () => ({ items: 0, throttles: 1 });
const wrong = (kind) => ({ items: 0, throttles: 0, wrong: kind });

/** The item layout shared by every phase: item i is partition key p<i mod P>, sort key i div P. */
export function layout(itemCount) {
  const partitionKeys = Math.ceil(itemCount / ITEMS_PER_PARTITION_KEY);
  const keyOf = (prefix, i) => ({ pk: { S: `${prefix}${i % partitionKeys}` }, sk: { N: String(Math.floor(i / partitionKeys)) } });
  const itemOf = (prefix, i) => ({ ...keyOf(prefix, i), payload: { S: PAYLOADS[i % PAYLOADS.length] } });
  // Every partition key holds at least this many items (sort keys 0 to itemsPerKey - 1).
  const itemsPerKey = Math.floor(itemCount / partitionKeys);
  // The item of partition key p<partition> and sort key `sort`; -1 when no item has that key.
  const indexOfKey = (partition, sort) => (partition < partitionKeys ? sort * partitionKeys + partition : -1);
  const indexOf = (item) => indexOfKey(Number(item?.pk?.S?.slice(1)), Number(item?.sk?.N));
  const isItem = (item, prefix, i) => {
    const expected = itemOf(prefix, i);
    return item !== null && typeof item === 'object' && Object.keys(item).length === 3 &&
      item.pk?.S === expected.pk.S && item.sk?.N === expected.sk.N && item.payload?.S === expected.payload.S;
  };
  return { partitionKeys, itemsPerKey, keyOf, itemOf, indexOfKey, indexOf, isItem };
}

function percentile(sorted, fraction) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function summarize(tally, latencies, seconds) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    operations: tally.operations,
    items: tally.items,
    opsPerSecond: tally.operations / seconds,
    itemsPerSecond: tally.items / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    throttles: tally.throttles,
    verificationErrors: tally.verificationErrors,
    errorKinds: tally.errorKinds,
    ...('itemsVerifiedInFull' in tally && { itemsVerifiedInFull: tally.itemsVerifiedInFull, itemsKeyChecked: tally.itemsKeyChecked }),
    seconds,
  };
}

function newTally() {
  return { operations: 0, items: 0, throttles: 0, verificationErrors: 0, errorKinds: {} };
}

// The items of a Query or a scan are verified in full or by key only; each kind is counted, for
// the line under the phase's row. A right outcome says which by `verifiedInFull` (true or false).
const newPageTally = () => ({ ...newTally(), itemsVerifiedInFull: 0, itemsKeyChecked: 0 });

function record(tally, outcome) {
  tally.throttles += outcome.throttles;
  if (outcome.wrong) {
    tally.verificationErrors++;
    tally.errorKinds[outcome.wrong] = (tally.errorKinds[outcome.wrong] ?? 0) + 1;
  } else if (outcome.items > 0) {
    tally.operations++;
    tally.items += outcome.items;
    if (outcome.verifiedInFull !== undefined) {
      tally[outcome.verifiedInFull ? 'itemsVerifiedInFull' : 'itemsKeyChecked'] += outcome.items;
    }
  }
}

/**
 * `concurrency` workers call `operation(sequence)` until `count` operations were started or,
 * without a count, until `durationMs` has passed; `sequence` numbers the operations from 0 in the
 * order they start. `tally` is newPageTally() for a phase whose outcomes say how they were verified.
 */
async function runPhase({ concurrency, durationMs, count, operation, tally = newTally() }) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  const more = count === undefined ? () => performance.now() - started < durationMs : () => next < count;
  const worker = async () => {
    while (more()) {
      const sequence = next++;
      const sent = performance.now();
      const outcome = await operation(sequence);
      latencies.push(performance.now() - sent);
      record(tally, outcome);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(tally, latencies, (performance.now() - started) / 1000);
}

/**
 * @param {object} options
 * @param {string} options.url
 * @param {number} [options.concurrency=16] requests in flight, one keep-alive connection each
 * @param {number} [options.items=10000] items of about 1 KB written by the put phase
 * @param {number} [options.durationSeconds=3] length of each timed phase but the put phase
 * @param {number} [options.warmupSeconds=1] unmeasured load before each phase (0: none)
 * @param {boolean} [options.verify=true] false: only HTTP 200 is checked (the ceiling server)
 * @param {boolean} [options.putAndGetOnly=false] true: only the PutItem and GetItem phases (the
 *   comparison's extra rounds of the two phases measured against the ceiling)
 * @param {(table: {client: object, table: string}) => any} [options.whileHoldingTable] called
 *   once the table is written and read (after the scan phase, before the batch phase adds to
 *   it) with the load's client and table name; its value is returned as `holdingTable` (the
 *   comparison reads the server's peak RSS there, and the playground's partitions)
 * @param {(line: string) => void} [options.log] progress
 */
export async function runLoad({
  url, concurrency = 16, items = 10_000, durationSeconds = 3, warmupSeconds = 1, verify = true,
  putAndGetOnly = false, whileHoldingTable = () => undefined, log = () => {},
}) {
  const client = createClient(url, { concurrency });
  const table = `bench_${process.pid}_${Date.now()}`;
  const keys = layout(items);
  const durationMs = durationSeconds * 1000;
  const phase = (name, operation, extra = {}) => {
    log(`${name} ...`);
    return runPhase({ concurrency, durationMs, operation, ...extra });
  };
  const warmUp = async (operation) => {
    if (warmupSeconds > 0) await runPhase({ concurrency, durationMs: warmupSeconds * 1000, operation });
  };

  // Judges an answer by its status: throttled, an error, or (when not verifying) done; undefined
  // when it is a 200 answer whose body is to be verified.
  const judgeStatus = (answer, itemCount) => {
    if (isThrottled(answer)) return throttled();
    if (answer.status !== 200) return wrong(errorName(answer));
    if (!verify) return done(itemCount);
    return undefined;
  };
  // Judges an answer: throttled, an error, or (when verifying) right by `isRight`, else `wrongKind`.
  const judge = (answer, wrongKind, isRight, itemCount = 1) => {
    const judged = judgeStatus(answer, itemCount);
    if (judged) return judged;
    if (answer.body === null || typeof answer.body !== 'object') return wrong('answer is not a JSON object');
    return isRight(answer.body) ? done(itemCount) : wrong(wrongKind);
  };

  const result = { url, table, concurrency, items, durationSeconds, warmupSeconds, verify, phases: {} };
  try {
    const creating = performance.now();
    await createTable(client, table, verify);
    result.createTableMs = performance.now() - creating;

    const putItem = async (i) => {
      for (let throttles = 0; ; throttles++) {
        const answer = await client.call('PutItem', { TableName: table, Item: keys.itemOf('p', i % items) });
        if (!isThrottled(answer)) {
          const outcome = judge(answer, 'PutItem answer with an error type', (body) => !body.__type);
          return { ...outcome, throttles: outcome.throttles + throttles };
        }
        await sleep(THROTTLE_BACKOFF_MS); // retried: the later phases read every item
      }
    };
    await warmUp(putItem);
    result.phases.PutItem = await phase('PutItem', putItem, { count: items, durationMs: undefined });

    const randomIndex = () => Math.floor(Math.random() * items);
    const getItem = async () => {
      const i = randomIndex();
      const answer = await client.call('GetItem', { TableName: table, Key: keys.keyOf('p', i), ConsistentRead: true });
      return judge(answer, 'GetItem did not return the item written', (body) => keys.isItem(body.Item, 'p', i));
    };
    await warmUp(getItem);
    result.phases.GetItem = await phase('GetItem', getItem);
    if (putAndGetOnly) return result;

    const range = Math.min(QUERY_RANGE, keys.itemsPerKey);
    const query = async (sequence) => {
      const partition = Math.floor(Math.random() * keys.partitionKeys);
      const first = Math.floor(Math.random() * (keys.itemsPerKey - range + 1));
      // Eventually consistent, as DynamoDB's reads are unless asked: a 100 KB answer costs 12.5
      // read units (QUERY_READ_UNITS), and the table's 40,000 a second serve 3,200 such Queries a
      // second. Strongly consistent they cost 25, and past 1,600 a second DynamoDB throttles the
      // rest (so does the playground), which measures the table's quota rather than the endpoint.
      const answer = await client.call('Query', {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
        ExpressionAttributeValues: { ':pk': { S: `p${partition}` }, ':first': { N: String(first) }, ':last': { N: String(first + range - 1) } },
      }, { raw: verify });
      const judged = judgeStatus(answer, range);
      if (judged) return judged;
      const inFull = sequence % PAGES_PER_FULL_VERIFICATION === 0;
      const wrongKind = checkQueryAnswer(answer.bytes, keys, items, { partition, first, range, inFull });
      return wrongKind ? wrong(wrongKind) : { ...done(range), verifiedInFull: inFull };
    };
    await warmUp(query);
    result.phases.Query = await phase('Query', query, { tally: newPageTally() });

    let scans = 0; // numbered, so that the pages verified in full change from one scan to the next
    const scan = () => scanWholeTable({ client, table, keys, items, segments: concurrency, verify, scanNumber: scans++ });
    if (warmupSeconds > 0) await scan();
    log('Scan ...');
    result.phases.Scan = await timeScans(scan, durationMs);

    result.holdingTable = await whileHoldingTable({ client, table });

    const batchKeys = batchLayout();
    const acknowledged = [];
    let nextBatch = 0; // shared by the warm-up and the phase, so every call writes new keys
    const batchWriteItem = async () => {
      const batch = nextBatch++;
      const answer = await client.call('BatchWriteItem', { RequestItems: { [table]: batchPutRequests(batchKeys, batch) } });
      if (answer.status === 200 && Object.keys(answer.body?.UnprocessedItems ?? {}).length > 0) return throttled();
      const outcome = judge(answer, 'BatchWriteItem answer with an error type', (body) => !body.__type, BATCH_SIZE);
      if (!outcome.wrong && outcome.items) acknowledged.push(batch);
      return outcome;
    };
    await warmUp(batchWriteItem);
    result.phases.BatchWriteItem = await phase('BatchWriteItem', batchWriteItem);
    if (verify) await readBack(client, table, batchKeys, acknowledged, result.phases.BatchWriteItem);
  } finally {
    await client.call('DeleteTable', { TableName: table }).catch(() => {});
    client.close();
  }
  return result;
}

/** The batch phase's keys: `partitionKeys` keys, each with room for many sort keys. */
export const batchLayout = (partitionKeys = BATCH_PARTITION_KEYS) => layout(partitionKeys * ITEMS_PER_PARTITION_KEY);

/** The PutRequests of batch number `batch`: BATCH_SIZE new items, on consecutive keys. */
export function batchPutRequests(keys, batch) {
  return Array.from({ length: BATCH_SIZE }, (_, n) => ({ PutRequest: { Item: keys.itemOf('b', batch * BATCH_SIZE + n) } }));
}

/** The benchmark's CreateTable request. */
export function createTableRequest(table) {
  return {
    // Provisioned at the default per-table quota (40,000 units each way; the playground gives it
    // 64 partitions), as one would for a load test: a new on-demand table serves only 4,000
    // writes/s and 1,000 per partition at first, so DynamoDB itself would throttle this load's
    // batches there.
    TableName: table, BillingMode: 'PROVISIONED',
    ProvisionedThroughput: { ReadCapacityUnits: TABLE_CAPACITY_UNITS, WriteCapacityUnits: TABLE_CAPACITY_UNITS },
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
  };
}

async function createTable(client, table, waitForActive) {
  const answer = await client.call('CreateTable', createTableRequest(table));
  if (answer.status !== 200) throw new Error(`CreateTable failed: ${errorName(answer)} ${JSON.stringify(answer.body)}`);
  // dynalite, like DynamoDB, creates tables asynchronously.
  const deadline = performance.now() + 30_000;
  while (waitForActive) {
    const described = await client.call('DescribeTable', { TableName: table });
    if (described.body?.Table?.TableStatus === 'ACTIVE') return;
    if (performance.now() > deadline) throw new Error(`table ${table} not ACTIVE after 30 s`);
    await sleep(10);
  }
}

/**
 * One full scan, its segments in parallel; every item must come back exactly once. Every page's
 * keys are checked (readPageKeys), and a sample of pages is verified in full (readPageInFull).
 */
async function scanWholeTable({ client, table, keys, items, segments, verify, scanNumber }) {
  const tally = newPageTally();
  const seen = new Uint8Array(items);
  let distinct = 0;
  const scanSegment = async (segment) => {
    let startKey;
    let pageNumber = 0; // of the pages answered, throttled ones not counted
    for (;;) {
      // Eventually consistent, as the Query phase's reads are: a whole scan of the 10 MB table
      // costs 1,280 read units, and the table's 40,000 a second serve 31 scans a second (15
      // strongly consistent).
      const request = { TableName: table, ...(segments > 1 && { Segment: segment, TotalSegments: segments }) };
      if (startKey) request.ExclusiveStartKey = startKey;
      const answer = await client.call('Scan', request, { raw: verify });
      if (isThrottled(answer)) {
        tally.throttles++;
        await sleep(THROTTLE_BACKOFF_MS);
        continue; // the same page again
      }
      if (answer.status !== 200) return record(tally, wrong(errorName(answer)));
      if (!verify) return undefined; // the ceiling answers `{}`: one page
      const inFull = isPageVerifiedInFull(scanNumber, segment, pageNumber++);
      const page = (inFull ? readPageInFull : readPageKeys)(answer.bytes, keys, items, 'Scan');
      if (page.wrong) return record(tally, wrong(page.wrong));
      for (const i of page.indices) {
        if (seen[i]++) return record(tally, wrong('item returned twice by Scan'));
      }
      distinct += page.indices.length;
      tally.items += page.indices.length;
      tally[inFull ? 'itemsVerifiedInFull' : 'itemsKeyChecked'] += page.indices.length;
      startKey = page.lastEvaluatedKey;
      if (!startKey) return undefined;
    }
  };
  await Promise.all(Array.from({ length: segments }, (_, segment) => scanSegment(segment)));
  if (verify && tally.verificationErrors === 0 && distinct !== items) record(tally, wrong('Scan missed items'));
  return tally;
}

// One page in PAGES_PER_FULL_VERIFICATION, rotating with the scan's number so that each scan
// verifies about as many and a run of 8 covers every page. (A sample such as "the first page of each
// segment" would be every page: at C=16 a segment of the 10 MB table fits in one page.)
const isPageVerifiedInFull = (scanNumber, segment, page) =>
  (scanNumber + segment + page) % PAGES_PER_FULL_VERIFICATION === 0;

// What checkQueryAnswer finds wrong beyond what reading the page finds (a key that is no item's,
// a Count that is not the number of items).
const NOT_THE_RANGE_LENGTH = 'Query returned more or fewer items than its range holds';
const NOT_THE_RANGE_IN_ORDER = 'Query did not return the items of its range, in sort key order';

/**
 * Checks a Query answer's bytes: the `range` items of partition key p<partition> from sort key
 * `first`, each once, in ascending sort key order, and Count `range`. Their keys are read from the
 * bytes (readPageKeys); `inFull`, the answer is parsed instead and every item compared with what
 * was written (readPageInFull). LastEvaluatedKey is not checked. Returns undefined when the answer
 * is right, else what is wrong (the verification error's kind).
 * @param {Buffer} bytes
 * @param {object} keys layout(items)
 */
export function checkQueryAnswer(bytes, keys, items, { partition, first, range, inFull }) {
  const page = (inFull ? readPageInFull : readPageKeys)(bytes, keys, items, 'Query');
  if (page.wrong) return page.wrong;
  if (page.indices.length !== range) return NOT_THE_RANGE_LENGTH;
  for (let n = 0; n < range; n++) {
    if (page.indices[n] !== keys.indexOfKey(partition, first + n)) return NOT_THE_RANGE_IN_ORDER;
  }
  return undefined;
}

// The benchmark's answers are ASCII, which node 20 decodes as latin1 (the same characters) about
// 20 times faster than as UTF-8: 0.14 ms against 2.8 ms for a 1 MB Scan page.
const bodyText = (bytes) => bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');

/**
 * A page of `operation` (Query or Scan) parsed, every item compared with what was written
 * (keys.isItem) and the Count with the items: { indices, lastEvaluatedKey }, indices being the
 * items' numbers in the page's order, or { wrong }.
 */
function readPageInFull(bytes, keys, items, operation) {
  let body;
  try {
    body = JSON.parse(bodyText(bytes));
  } catch {
    return { wrong: `${operation} answer is not JSON` };
  }
  if (!Array.isArray(body?.Items)) return { wrong: `${operation} answer without Items` };
  const indices = [];
  for (const item of body.Items) {
    const i = keys.indexOf(item);
    if (!(i >= 0 && i < items && keys.isItem(item, 'p', i))) return { wrong: `wrong item in ${operation}` };
    indices.push(i);
  }
  if (body.Count !== indices.length) return { wrong: `${operation} Count is not its number of items` };
  return { indices, lastEvaluatedKey: body.LastEvaluatedKey };
}

// What readPageKeys looks for in a Query or Scan page's bytes: an item's partition key (p<n>) and
// sort key, each followed by its number and `"}`, the Count, the start of Items and the start of
// LastEvaluatedKey. Numbers must be canonical (no leading zero) so that each key has one spelling,
// and the JSON compact, as every endpoint compared writes it; the order of members and of an
// item's attributes is free. The benchmark's strings are keys and hex digits, none holds a quote,
// so in a right answer none of these is found inside a string. Buffer.indexOf finds them in
// native code: a regular expression over the page's text cost the client about 250 us a 100 KB
// Query answer, more than the server's work for it, and made the HTTP Query figure the client's.
const PARTITION_KEY_TOKEN = Buffer.from('"pk":{"S":"p');
const SORT_KEY_TOKEN = Buffer.from('"sk":{"N":"');
const COUNT_TOKEN = Buffer.from('"Count":');
const ITEMS_TOKEN = Buffer.from('"Items":[');
const LAST_KEY_TOKEN = Buffer.from('"LastEvaluatedKey":');
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const QUOTE = 0x22;
const CLOSING_BRACE = 0x7d;

/**
 * The canonical decimal number at `start` (digits, no leading zero but in 0) and its end, or
 * undefined when there is none. `closing` is what must follow it (`"}` after a key's number).
 */
function readNumber(bytes, start, closing = []) {
  let end = start;
  let value = 0;
  while (end < bytes.length && bytes[end] >= DIGIT_0 && bytes[end] <= DIGIT_9) value = value * 10 + bytes[end++] - DIGIT_0;
  if (end === start || (bytes[start] === DIGIT_0 && end > start + 1)) return undefined;
  for (let n = 0; n < closing.length; n++) if (bytes[end + n] !== closing[n]) return undefined;
  return { value, end: end + closing.length };
}
const KEY_NUMBER_END = [QUOTE, CLOSING_BRACE];

/**
 * A page of `operation`'s (Query or Scan) item numbers, in its order, from their keys, and its
 * LastEvaluatedKey, read without parsing the page (cheaper than JSON.parse and comparing items):
 * { indices, lastEvaluatedKey }, or { wrong } when the page has no Items, a key's number is not
 * canonical, a key is no item's, an item lacks a key attribute, LastEvaluatedKey is unreadable or
 * the Count (canonical too) is not the number of items.
 */
function readPageKeys(bytes, keys, items, operation) {
  const missingKeyAttribute = () => ({ wrong: `${operation} item without its partition key or sort key` });
  const unreadableKey = () => ({ wrong: `${operation} item key unreadable` });
  if (bytes.indexOf(ITEMS_TOKEN) < 0) return { wrong: `${operation} answer without Items` };
  // LastEvaluatedKey's key attributes are no item's: the keys found from lastKeyStart to
  // lastKeyEnd are skipped.
  let lastEvaluatedKey;
  let lastKeyStart = bytes.indexOf(LAST_KEY_TOKEN);
  let lastKeyEnd = lastKeyStart;
  if (lastKeyStart >= 0) {
    const lastKey = readLastEvaluatedKey(bytes, lastKeyStart + LAST_KEY_TOKEN.length);
    if (!lastKey) return { wrong: `${operation} LastEvaluatedKey unreadable` };
    lastEvaluatedKey = lastKey.key;
    lastKeyEnd = lastKey.end;
  }
  const find = (token, from) => {
    const found = bytes.indexOf(token, from);
    return found >= lastKeyStart && found < lastKeyEnd ? bytes.indexOf(token, lastKeyEnd) : found;
  };
  const countAt = find(COUNT_TOKEN, 0);
  const count = countAt < 0 ? undefined : readNumber(bytes, countAt + COUNT_TOKEN.length)?.value;

  // The key attributes in the order they appear, whichever of an item's two comes first.
  const indices = [];
  let partition = -1; // of the item being read, until both its key attributes are
  let sort = -1;
  let nextPartitionKey = find(PARTITION_KEY_TOKEN, 0);
  let nextSortKey = find(SORT_KEY_TOKEN, 0);
  while (nextPartitionKey >= 0 || nextSortKey >= 0) {
    if (nextSortKey < 0 || (nextPartitionKey >= 0 && nextPartitionKey < nextSortKey)) {
      if (partition >= 0) return missingKeyAttribute();
      const number = readNumber(bytes, nextPartitionKey + PARTITION_KEY_TOKEN.length, KEY_NUMBER_END);
      if (!number) return unreadableKey();
      partition = number.value;
      nextPartitionKey = find(PARTITION_KEY_TOKEN, number.end);
    } else {
      if (sort >= 0) return missingKeyAttribute();
      const number = readNumber(bytes, nextSortKey + SORT_KEY_TOKEN.length, KEY_NUMBER_END);
      if (!number) return unreadableKey();
      sort = number.value;
      nextSortKey = find(SORT_KEY_TOKEN, number.end);
    }
    if (partition >= 0 && sort >= 0) {
      const i = keys.indexOfKey(partition, sort);
      if (!(i >= 0 && i < items)) return { wrong: `wrong item in ${operation}` };
      indices.push(i);
      partition = sort = -1;
    }
  }
  if (partition >= 0 || sort >= 0) return missingKeyAttribute();
  if (count !== indices.length) return { wrong: `${operation} Count is not its number of items` };
  return { indices, lastEvaluatedKey };
}

/**
 * The LastEvaluatedKey whose JSON starts at `start`, parsed, and the index just past it. The
 * table's keys hold no brace, so the key ends at the first `}}` (its last attribute's, then its own).
 */
function readLastEvaluatedKey(bytes, start) {
  const end = bytes.indexOf('}}', start) + 2;
  if (end < 2) return undefined;
  try {
    return { key: JSON.parse(bodyText(bytes.subarray(start, end))), end };
  } catch {
    return undefined;
  }
}

/** Whole scans one after another until `durationMs` has passed (at least one). */
async function timeScans(scan, durationMs) {
  const tally = newPageTally();
  const passes = [];
  const started = performance.now();
  do {
    const passStarted = performance.now();
    const pass = await scan();
    passes.push(performance.now() - passStarted);
    tally.throttles += pass.throttles;
    tally.verificationErrors += pass.verificationErrors;
    for (const [kind, count] of Object.entries(pass.errorKinds)) tally.errorKinds[kind] = (tally.errorKinds[kind] ?? 0) + count;
    if (pass.verificationErrors === 0) {
      tally.operations++;
      tally.items += pass.items;
      tally.itemsVerifiedInFull += pass.itemsVerifiedInFull;
      tally.itemsKeyChecked += pass.itemsKeyChecked;
    }
  } while (performance.now() - started < durationMs);
  // A scan's p50 and p99 are those of whole scans.
  return summarize(tally, passes, (performance.now() - started) / 1000);
}

/**
 * Reads back an item of some acknowledged batches: a batch acknowledged but not written is wrong.
 * A throttled read is tried again: the phases before may have spent a partition's read capacity
 * (a Query's last 25 units can take its balance below zero for the rest of the second, as on
 * DynamoDB), and a read refused for capacity says nothing of what was written.
 */
async function readBack(client, table, keys, acknowledged, phaseResult) {
  for (let n = 0; n < Math.min(BATCHES_READ_BACK, acknowledged.length); n++) {
    const batch = acknowledged[Math.floor(Math.random() * acknowledged.length)];
    const i = batch * BATCH_SIZE + Math.floor(Math.random() * BATCH_SIZE);
    let answer;
    for (let attempt = 0; attempt < READ_BACK_ATTEMPTS; attempt++) {
      answer = await client.call('GetItem', { TableName: table, Key: keys.keyOf('b', i), ConsistentRead: true });
      if (!isThrottled(answer)) break;
      await sleep(READ_BACK_BACKOFF_MS);
    }
    if (answer.status === 200 && keys.isItem(answer.body?.Item, 'b', i)) continue;
    phaseResult.verificationErrors++;
    phaseResult.errorKinds['acknowledged batch item not read back'] = (phaseResult.errorKinds['acknowledged batch item not read back'] ?? 0) + 1;
  }
}

const figure = (value, digits = 0) => (value === null || value === undefined ? '-'
  : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

/** The run as a table of phases. */
export function formatLoad(result) {
  const lines = [
    `${result.url}  C=${result.concurrency}, ${result.items} items of 1 KB, ${result.durationSeconds} s phases ` +
      `(${result.warmupSeconds} s warm-up)${result.verify ? '' : ', answers not verified'}; CreateTable ${figure(result.createTableMs, 1)} ms`,
    `${'phase'.padEnd(15)}${'ops/s'.padStart(10)}${'items/s'.padStart(11)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}` +
      `${'throttles'.padStart(11)}${'wrong'.padStart(7)}`,
  ];
  for (const [name, phase] of Object.entries(result.phases)) {
    lines.push(`${name.padEnd(15)}${figure(phase.opsPerSecond, 1).padStart(10)}${figure(phase.itemsPerSecond).padStart(11)}` +
      `${figure(phase.p50Ms, 2).padStart(10)}${figure(phase.p99Ms, 2).padStart(10)}${String(phase.throttles).padStart(11)}` +
      `${String(phase.verificationErrors).padStart(7)}` +
      (phase.verificationErrors ? `  ${JSON.stringify(phase.errorKinds)}` : '') +
      (name === 'Scan' ? '  (a whole scan per op; p50/p99 of whole scans)' : ''));
    if (result.verify && phase.itemsVerifiedInFull !== undefined) lines.push(pageVerification(name, phase));
  }
  return lines.join('\n');
}

// What the key check of a phase's pages (readPageKeys) verifies besides each item's keys.
const KEY_CHECKED = {
  Query: "every answer's range exactly, in sort key order, and its Count",
  Scan: "every item exactly once a scan, every page's Count",
};

/** What a Query or Scan phase verified of the items it counts: how many in full, how many by key. */
const pageVerification = (name, phase) =>
  `${''.padEnd(15)}${name} items verified: ${figure(phase.itemsVerifiedInFull)} in full (parsed, every attribute compared), ` +
  `${figure(phase.itemsKeyChecked)} by key only (keys read from the bytes); ${KEY_CHECKED[name]}`;

export const wrongAnswers = (result) => Object.values(result.phases).reduce((sum, phase) => sum + phase.verificationErrors, 0);

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:8000' },
      concurrency: { type: 'string', default: '16' },
      items: { type: 'string', default: '10000' },
      duration: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '1' },
      'no-verify': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const result = await runLoad({
    url: values.url,
    concurrency: Number(values.concurrency),
    items: Number(values.items),
    durationSeconds: Number(values.duration),
    warmupSeconds: Number(values.warmup),
    verify: !values['no-verify'],
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${values.json ? JSON.stringify(result) : formatLoad(result)}\n`);
  if (wrongAnswers(result) > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
