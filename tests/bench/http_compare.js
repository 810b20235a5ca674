// The HTTP comparison of issue #15: the same load (http_load.js) against the playground's
// endpoint, the HTTP ceiling (ceiling_server.js) and dynalite, one after the other in this run,
// then two more rounds of PutItem and GetItem against the playground and the ceiling, and the goals
// as ratios of figures measured in this run (PutItem and GetItem: the median round's). Absolute
// figures move from machine to machine and run to run; the ratios are what the goals are written in. The servers are started
// (and stopped) by scripts/bench.sh; this reads their peak RSS from /proc by their process ids.
//
//   node tests/bench/http_compare.js --playground URL --playground-pid PID --ceiling URL --ceiling-pid PID
//        [--dynalite URL --dynalite-pid PID | --dynalite-skipped REASON]
//        [--concurrency 16] [--items 10000] [--duration 3] [--warmup 1]

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { waitUntilAnswering } from './ddb_http_client.js';
import { QUERY_RANGE, QUERY_READ_UNITS, TABLE_CAPACITY_UNITS, formatLoad, runLoad } from './http_load.js';

const { values } = parseArgs({
  options: {
    playground: { type: 'string' }, 'playground-pid': { type: 'string' },
    ceiling: { type: 'string' }, 'ceiling-pid': { type: 'string' },
    dynalite: { type: 'string' }, 'dynalite-pid': { type: 'string' }, 'dynalite-skipped': { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    items: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '1' },
  },
});

const load = {
  concurrency: Number(values.concurrency),
  items: Number(values.items),
  durationSeconds: Number(values.duration),
  warmupSeconds: Number(values.warmup),
};

/** The process's peak resident set (VmHWM), in MB; null where /proc is not there. */
function peakRssMB(pid) {
  try {
    const kilobytes = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1];
    return Number(kilobytes) / 1024;
  } catch {
    return null;
  }
}

// The most writes of 1 KB a second the playground's table can take, whatever its burst capacity
// holds: its partitions times one partition's write units (Playground.GetMetrics); undefined
// from a server that does not answer that.
async function partitionWriteBound(client, table) {
  const metrics = await client.call('Playground.GetMetrics', { TableName: table });
  const perPartition = metrics.body?.PartitionLimits?.WriteCapacityUnitsPerSecond;
  const partitions = metrics.body?.Partitions?.length;
  if (metrics.status !== 200 || !(perPartition > 0) || !(partitions > 0)) return undefined;
  return { partitions, perPartition, writesPerSecond: partitions * perPartition };
}

async function measure(name, url, pid, verify) {
  const whileHoldingTable = async ({ client, table }) => ({
    rssMB: peakRssMB(pid),
    writeBound: name === 'playground' ? await partitionWriteBound(client, table) : undefined,
  });
  const result = await runLoad({ ...load, url, verify, whileHoldingTable });
  console.log(`-- ${name}: ${formatLoad(result)}`);
  return result;
}

// Every server answers before any is measured: one still starting (dynalite loads its modules
// for about a second) would take CPU from the one under load.
await Promise.all([values.playground, values.ceiling, values.dynalite].filter(Boolean).map((url) => waitUntilAnswering(url)));
const playground = await measure('playground', values.playground, values['playground-pid'], true);
const ceiling = await measure('ceiling', values.ceiling, values['ceiling-pid'], false);
const dynalite = values.dynalite ? await measure('dynalite 4.0.0', values.dynalite, values['dynalite-pid'], true) : undefined;
if (!dynalite) console.log(`-- dynalite skipped: ${values['dynalite-skipped'] ?? 'no --dynalite given'}`);

// PutItem and GetItem are compared with the ceiling over several rounds, the two servers measured
// one right after the other in each (in alternating order), and the goal is judged on the median
// round's ratio. On a shared 2-core machine the client and the server compete for the cores with
// whatever else runs, and one round's figures move by up to half from one minute to the next;
// pairs measured seconds apart move together.
const EXTRA_PUT_GET_ROUNDS = 2;
const putGetRounds = [{ playground, ceiling }];
for (let round = 1; round <= EXTRA_PUT_GET_ROUNDS; round++) {
  const putAndGet = (url, verify) => runLoad({ ...load, url, verify, putAndGetOnly: true });
  const pair = {};
  for (const name of round % 2 === 1 ? ['ceiling', 'playground'] : ['playground', 'ceiling']) {
    pair[name] = await putAndGet(values[name], name === 'playground');
  }
  putGetRounds.push(pair);
}

const total = (result, field) => (result ? Object.values(result.phases).reduce((sum, phase) => sum + phase[field], 0) : undefined);
const number = (value) => (value === undefined || value === null ? '-' : Math.round(value).toLocaleString('en-US'));

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
// The rounds' figures of a phase against the ceiling, and the round whose ratio is the median
// (its figures are the ones shown; an even count of rounds shows the lower middle one).
const medianRound = (phase) => {
  const rounds = putGetRounds.map(({ playground: p, ceiling: c }) => ({
    playground: p.phases[phase].opsPerSecond, ceiling: c.phases[phase].opsPerSecond,
    ratio: p.phases[phase].opsPerSecond / c.phases[phase].opsPerSecond,
  }));
  const middle = median(rounds.map((round) => round.ratio));
  return { rounds, shown: rounds.reduce((best, round) => (Math.abs(round.ratio - middle) < Math.abs(best.ratio - middle) ? round : best)) };
};
const putRounds = medianRound('PutItem');
const getRounds = medianRound('GetItem');
const dynaliteOps = (phase) => (r) => (r === dynalite ? r?.phases[phase].opsPerSecond : undefined);

// Each row: the three figures, the ratio the goal is written in (higher is better) and the goal.
// PutItem and GetItem show the median round's playground and ceiling figures and dynalite's from
// its one run.
const rows = [
  {
    label: 'PutItem ops/s', figure: dynaliteOps('PutItem'), medianRound: putRounds.shown, hasCeiling: true,
    ratio: (p, c) => p / c, versus: 'the ceiling', goal: 0.8,
  },
  {
    label: 'GetItem ops/s', figure: dynaliteOps('GetItem'), medianRound: getRounds.shown, hasCeiling: true,
    ratio: (p, c) => p / c, versus: 'the ceiling', goal: 0.8,
  },
  {
    label: 'Query (100-item ranges) items/s', figure: (r) => r?.phases.Query.itemsPerSecond,
    ratio: (p, _c, d) => p / d, versus: 'dynalite', goal: 10,
  },
  {
    label: 'full Scan of the table, ms', figure: (r) => r?.phases.Scan.p50Ms,
    ratio: (p, _c, d) => d / p, versus: 'dynalite', goal: 10, // fewer ms is faster
  },
  {
    label: 'BatchWriteItem (25 items) items/s', figure: (r) => r?.phases.BatchWriteItem.itemsPerSecond,
    ratio: (p, _c, d) => p / d, versus: 'dynalite', goal: 10,
  },
];

const columns = [36, 12, 10, 10, 20, 22, 5];
const line = (...cells) => console.log(cells.map((cell, n) => (n === 0 ? String(cell).padEnd(columns[n]) : String(cell).padStart(columns[n]))).join(''));
const met = (pass) => (pass === undefined ? '-' : pass ? 'yes' : 'no');

console.log(`\n== the goals of issue #15, over HTTP: C=${load.concurrency}, ${load.items.toLocaleString('en-US')} items of 1 KB, ` +
  `${load.durationSeconds} s phases after ${load.warmupSeconds} s warm-ups; ratios of figures from this run`);
line('', 'playground', 'ceiling', 'dynalite', 'ratio', 'goal', 'met');
for (const row of rows) {
  let [p, c, d] = [playground, row.hasCeiling ? ceiling : undefined, dynalite].map(row.figure);
  if (row.medianRound) [p, c] = [row.medianRound.playground, row.medianRound.ceiling];
  const other = row.versus === 'dynalite' ? d : c;
  const ratio = other === undefined ? undefined : row.ratio(p, c, d);
  line(row.label, number(p), number(c), number(d),
    ratio === undefined ? '-' : `${ratio.toFixed(2)}x ${row.versus}`, `>= ${row.goal}x ${row.versus}`,
    met(ratio === undefined ? undefined : ratio >= row.goal));
}
const throttles = total(playground, 'throttles');
const wrong = total(playground, 'verificationErrors');
line('throttles (all phases)', throttles, '-', number(total(dynalite, 'throttles')), '', '0', met(throttles === 0));
line('verification errors (all phases)', wrong, '-', number(total(dynalite, 'verificationErrors')), '', '0', met(wrong === 0));
const rss = [playground, ceiling, dynalite].map((result) => result?.holdingTable?.rssMB);
line('peak RSS holding the table, MB', ...rss.map(number), '', '<= 100 MB', met(rss[0] === null ? undefined : rss[0] <= 100));
// Where the throttles were, and for BatchWriteItem how near the table's partitions it ran: a load
// spread over many keys still puts a few percent more than the mean on the fullest partition,
// which DynamoDB throttles past its 1,000 write units a second.
if (throttles > 0) {
  const byPhase = Object.entries(playground.phases).filter(([, phase]) => phase.throttles > 0)
    .map(([name, phase]) => `${name} ${phase.throttles}`).join(', ');
  const writeBound = playground.holdingTable?.writeBound;
  const batchShare = writeBound
    ? `; BatchWriteItem ran at ${Math.round(100 * playground.phases.BatchWriteItem.itemsPerSecond / writeBound.writesPerSecond)}% ` +
      `of what the table's ${writeBound.partitions} partitions take` : '';
  console.log(`(the playground's throttles by phase: ${byPhase}${batchShare})`);
}
const roundRatios = (rounds) => rounds.map((round) => `${round.ratio.toFixed(2)}x`).join(', ');
console.log(`(PutItem and GetItem: the median of ${putGetRounds.length} rounds, the playground and the ceiling measured ` +
  `one after the other in each; the rounds' ratios were PutItem ${roundRatios(putRounds.rounds)}, ` +
  `GetItem ${roundRatios(getRounds.rounds)})`);
console.log('(peak RSS: the server\'s VmHWM once the table is written and read, before BatchWriteItem adds to it; ' +
  'the ceiling answers `{}` to everything, so its Query, Scan and BatchWriteItem figures are not compared with the playground\'s)');

// Two of the goals written against dynalite can be out of reach of any endpoint in this run, and
// these lines say so with figures from the run: 10x dynalite's BatchWriteItem against what HTTP
// alone carries with this client (the ceiling takes every batch without reading it) and against
// what the table's partitions take (one partition takes at most 1,000 write units a second), and 10x
// dynalite's Query against the read units its table is provisioned (DynamoDB's per-table quota,
// which the playground enforces as DynamoDB does; partitions holding two of the load's keys reach
// their own 3,000 units a second before that).
if (dynalite) {
  const tenfold = (phase, field) => 10 * dynalite.phases[phase][field];
  const reach = (bound, asked) => (asked <= bound ? 'within reach' : 'out of reach');
  console.log('\n== what bounds the goals against dynalite in this run');
  const batchGoal = tenfold('BatchWriteItem', 'itemsPerSecond');
  const batchBound = ceiling.phases.BatchWriteItem.itemsPerSecond;
  console.log(`BatchWriteItem: 10x dynalite is ${number(batchGoal)} items/s; the ceiling, taking every batch unread, ` +
    `carried ${number(batchBound)} with this client: ${reach(batchBound, batchGoal)} over HTTP on this machine`);
  const writeBound = playground.holdingTable?.writeBound;
  if (writeBound) {
    console.log(`BatchWriteItem: the playground's table has ${writeBound.partitions} partitions of ` +
      `${number(writeBound.perPartition)} write units a second, as DynamoDB would give its ${number(TABLE_CAPACITY_UNITS)} ` +
      `units (burst capacity lends no partition more): at most ${number(writeBound.writesPerSecond)} items of 1 KB a second, ` +
      `${reach(writeBound.writesPerSecond, batchGoal)} without throttles`);
  }
  const queryGoal = tenfold('Query', 'itemsPerSecond');
  const unitsAsked = (queryGoal / QUERY_RANGE) * QUERY_READ_UNITS;
  console.log(`Query: 10x dynalite is ${number(queryGoal)} items/s, ${number(unitsAsked)} read units a second of ` +
    `eventually consistent 100 KB Queries; the table has ${number(TABLE_CAPACITY_UNITS)} (the per-table quota): ` +
    `${reach(TABLE_CAPACITY_UNITS, unitsAsked)} while the quota holds`);
}
