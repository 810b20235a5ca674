// One-click scenarios: each replays one of the explainer's lessons through the engine, in scratch
// tables of its own ("Scenario..."), so the reader's tables are untouched. A run stops the clock
// (virtual time, so minutes of traffic take an instant), deletes and recreates its tables, sends
// the requests and answers with one plain sentence built from the engine's own figures.

import { EXPORT_BUCKET } from './export_bucket.js';
import { formatDollars, formatUnits } from './partition_figures.js';
import { NOTIFY_FOLLOWERS_TRIGGER, loadSocialSample, newPostRequest } from './samples.js';

const SEED = 42;

/** Deletes `tableName` if it exists: a scenario always starts from an empty table. */
async function deleteIfPresent(db, tableName) {
  try {
    await db.send('DeleteTable', { TableName: tableName });
  } catch (error) {
    if (error.name !== 'ResourceNotFoundException') throw error;
  }
}

/** Creates an empty table keyed by the string attribute `keyName`, on-demand unless told. */
async function recreateTable(db, tableName, keyName, billing = { BillingMode: 'PAY_PER_REQUEST' }) {
  await deleteIfPresent(db, tableName);
  await db.send('CreateTable', {
    TableName: tableName,
    AttributeDefinitions: [{ AttributeName: keyName, AttributeType: 'S' }],
    KeySchema: [{ AttributeName: keyName, KeyType: 'HASH' }],
    ...billing,
  });
}

/**
 * An engine that keeps every request sent through it ({ operation, input, ok, status, region }),
 * so a scenario's requests can be listed in History and reopened in the console, in their region.
 */
export function recordingEngine(db, requests) {
  return {
    async send(operation, input, options) {
      const entry = { operation, input, ok: false, status: null, region: options?.region ?? '' };
      requests.push(entry);
      try {
        const output = await db.send(operation, input, options);
        entry.ok = true;
        entry.status = 200;
        return output;
      } catch (error) {
        entry.status = error.statusCode ?? null;
        throw error;
      }
    },
  };
}

function simulate(db, input) {
  return db.send('Playground.SimulateWorkload', { Seed: SEED, ...input });
}

function paragraph(text, className) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/**
 * The scenarios, in button order. Each `run(db)` returns `{ text, tableName }`: the sentence to
 * show and the table whose partitions tell the story (samples add what to load in the page).
 */
export const SCENARIOS = {
  // 90% of the writes share one partition key, so one partition takes 1,800 WCU/s against its
  // 1,000 WCU limit while the table has capacity to spare; a high-cardinality key spreads them.
  'hot-partition': async (db) => {
    const workload = {
      DurationSeconds: 10,
      RequestsPerSecond: 2000,
      Operations: { PutItem: 1 },
      ItemSizeBytes: 200,
    };
    await recreateTable(db, 'ScenarioByCountry', 'country');
    const byCountry = await simulate(db, {
      ...workload,
      TableName: 'ScenarioByCountry',
      KeyDistribution: {
        Type: 'WEIGHTED',
        Keys: [
          { Key: 'US', Weight: 90 },
          { Key: 'DE', Weight: 4 },
          { Key: 'FR', Weight: 3 },
          { Key: 'JP', Weight: 3 },
        ],
      },
    });
    await recreateTable(db, 'ScenarioByUser', 'user_id');
    const byUser = await simulate(db, {
      ...workload,
      TableName: 'ScenarioByUser',
      KeyDistribution: { Type: 'UNIFORM', Keys: 100000 },
    });
    return {
      text:
        `country as key: ${byCountry.Throttled} of ${byCountry.Requests} writes throttled; ` +
        `user_id as key: ${byUser.Throttled} throttled`,
      lesson:
        'Keyed by country, 90% of 2,000 writes a second go to "US", and one key lives in one ' +
        'partition: it needs 1,800 WCU a second against its limit of 1,000, so it throttles while ' +
        'the table has room to spare. Keyed by user_id, the same writes spread over every partition. ' +
        'Look at the red row in the heat view and US at the top of the hot keys, then pick ' +
        'ScenarioByUser as the current table to compare.',
      tableName: 'ScenarioByCountry',
    };
  },

  // A Query reads one item collection; a Scan reads (and is charged for) the whole table.
  'scan-vs-query': async (db) => {
    await recreateTable(db, 'ScenarioOrders', 'pk');
    await simulate(db, {
      TableName: 'ScenarioOrders',
      DurationSeconds: 1,
      RequestsPerSecond: 1000,
      Operations: { PutItem: 1 },
      KeyDistribution: { Type: 'UNIFORM', Keys: 1000000 },
    });
    const reads = { TableName: 'ScenarioOrders', DurationSeconds: 1, RequestsPerSecond: 10 };
    const queries = await simulate(db, {
      ...reads,
      Operations: { Query: 1 },
      KeyDistribution: { Type: 'UNIFORM', Keys: 1000000 },
    });
    const scans = await simulate(db, { ...reads, Operations: { Scan: 1 } });
    return {
      text:
        `10 queries: ${formatUnits(queries.ConsumedReadCapacityUnits)} RCU; ` +
        `10 scans: ${formatUnits(scans.ConsumedReadCapacityUnits)} RCU`,
      lesson:
        "A Query reads one partition key's items and is charged for what it reads; a Scan reads " +
        'every item of the table, and a filter does not make it cheaper. The table holds 1,000 ' +
        'orders: look at the RCU columns in the Partitions panel, then run a Query and a Scan from ' +
        'the Items panel and compare their capacity.',
      tableName: 'ScenarioOrders',
    };
  },

  // A spike to ten times the usual rate: provisioned capacity (burst credit aside) throttles it,
  // on-demand absorbs it.
  'capacity-mode': async (db) => {
    await recreateTable(db, 'ScenarioProvisioned', 'pk', {
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 40, WriteCapacityUnits: 40 },
    });
    await recreateTable(db, 'ScenarioOnDemand', 'pk');
    // 45 s, fitting the panels' 60 s window, and the spike lasts to the end, so the latest
    // second the Partitions panel shows is a spiking one. Twenty times the rate for 25 s is
    // more than the 300 s of burst credit a provisioned table keeps (Developer Guide, "Burst
    // capacity"). On-demand runs first: the provisioned table's run is the most recent, so its
    // whole story is in the window.
    const workload = {
      DurationSeconds: 45,
      RequestsPerSecond: 40,
      Operations: { PutItem: 1 },
      ItemSizeBytes: 900,
      Spike: { StartSecond: 20, DurationSeconds: 25, Multiplier: 20 },
      KeyDistribution: { Type: 'UNIFORM', Keys: 100000 },
    };
    const onDemand = await simulate(db, { ...workload, TableName: 'ScenarioOnDemand' });
    const provisioned = await simulate(db, { ...workload, TableName: 'ScenarioProvisioned' });
    return {
      text:
        `provisioned: ${provisioned.Throttled} throttled; ` +
        `on-demand: ${onDemand.Throttled} throttled`,
      lesson:
        'Both tables take 40 writes a second, then twenty times that for the last 25 seconds. The ' +
        'provisioned table has 40 WCU: its burst credit (up to 300 seconds of unused capacity) ' +
        'absorbs the first seconds of the spike, then it throttles. On-demand follows the traffic ' +
        'and throttles nothing, at a higher price per write. Look at the heat view turning red at ' +
        'the end, then pick ScenarioOnDemand to compare.',
      tableName: 'ScenarioProvisioned',
    };
  },

  // Time to Live: the sweeper deletes items whose expiry time has passed, consuming no capacity;
  // until it runs they are still read, as on AWS.
  'time-to-live': async (db) => {
    await recreateTable(db, 'ScenarioSessions', 'session');
    await db.send('UpdateTimeToLive', {
      TableName: 'ScenarioSessions',
      TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
    });
    const { Now: now } = await db.send('Playground.SetClock', { Mode: 'VIRTUAL' });
    const sessions = [['short', 30], ['medium', 60], ['forever', null]];
    for (const [session, seconds] of sessions) {
      const item = { session: { S: session } };
      if (seconds !== null) item.expires = { N: String(Math.floor(now) + seconds) };
      await db.send('PutItem', { TableName: 'ScenarioSessions', Item: item });
    }
    const count = async () => (await db.send('Scan', { TableName: 'ScenarioSessions' })).Count;
    const before = await count();
    await db.send('Playground.AdvanceClock', { Seconds: 90 });
    const after = await count();
    return {
      text:
        `${before} sessions; 90 s later ${after} left: the sweeper deleted ` +
        `${before - after} expired ones without consuming capacity`,
      lesson:
        'Two sessions carry an expiry time (an epoch second in "expires"), one has none. Once that ' +
        "time passes, DynamoDB's sweeper deletes them in the background at no capacity cost. Look " +
        'at the Items panel: only "forever" is left, and the Partitions panel counts no WCU for ' +
        'the deletes.',
      tableName: 'ScenarioSessions',
    };
  },

  // Point-in-time recovery: with it on, a table can be restored, into a new table, as it was at
  // any second of the recovery window; here, a minute before a mistaken delete.
  'point-in-time-recovery': async (db) => {
    await deleteIfPresent(db, 'ScenarioLedgerRestored');
    await recreateTable(db, 'ScenarioLedger', 'order');
    await db.send('UpdateContinuousBackups', {
      TableName: 'ScenarioLedger',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    for (const order of ['o-1001', 'o-1002', 'o-1003']) {
      await db.send('PutItem', { TableName: 'ScenarioLedger', Item: { order: { S: order }, total: { N: '25' } } });
    }
    const { Now: beforeMistake } = await db.send('Playground.AdvanceClock', { Seconds: 60 });
    await db.send('Playground.AdvanceClock', { Seconds: 60 });
    // The mistake: a clean-up job deletes two orders it should have kept.
    for (const order of ['o-1001', 'o-1002']) {
      await db.send('DeleteItem', { TableName: 'ScenarioLedger', Key: { order: { S: order } } });
    }
    await db.send('RestoreTableToPointInTime', {
      SourceTableName: 'ScenarioLedger',
      TargetTableName: 'ScenarioLedgerRestored',
      RestoreDateTime: beforeMistake,
    });
    const count = async (tableName) => (await db.send('Scan', { TableName: tableName, ConsistentRead: true })).Count;
    const left = await count('ScenarioLedger');
    const restored = await count('ScenarioLedgerRestored');
    return {
      text: `after the mistaken deletes: ${left} order left; restored to a minute before them: ${restored} orders`,
      lesson:
        'Point-in-time recovery keeps every change for its recovery window (35 days unless you ' +
        'shorten it). Two orders were deleted by mistake; RestoreTableToPointInTime rebuilt the ' +
        'table as it was a minute before, into a new table, ScenarioLedgerRestored, while the ' +
        'original stays as it is. Look at both tables in the Items panel, and at the request in History.',
      tableName: 'ScenarioLedgerRestored',
    };
  },

  // Archiving: data kept for years and rarely read costs mostly storage, which the
  // Standard-Infrequent Access table class prices 60% lower, for requests 25% dearer.
  archive: async (db) => {
    await recreateTable(db, 'ScenarioArchive', 'order', {
      BillingMode: 'PAY_PER_REQUEST',
      TableClass: 'STANDARD_INFREQUENT_ACCESS',
    });
    const old = 'x'.repeat(2000);
    for (let n = 0; n < 50; n++) {
      await db.send('PutItem', { TableName: 'ScenarioArchive', Item: { order: { S: `2019-${1000 + n}` }, details: { S: old } } });
    }
    // And what nobody reads any more leaves DynamoDB: exported to S3 (the simulated bucket the
    // Recovery panel downloads), which needs point-in-time recovery on.
    await db.send('UpdateContinuousBackups', {
      TableName: 'ScenarioArchive',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    const { Table } = await db.send('DescribeTable', { TableName: 'ScenarioArchive' });
    const { ExportDescription } = await db.send('ExportTableToPointInTime', {
      TableArn: Table.TableArn,
      S3Bucket: EXPORT_BUCKET,
      S3Prefix: 'ScenarioArchive',
    });
    const exported = await db.send('DescribeExport', { ExportArn: ExportDescription.ExportArn });
    const month = { MonthlyWrites: 1000000, MonthlyReads: 10000000, StorageGB: 1000 };
    const standard = await db.send('Playground.EstimateCost', { ...month, TableClass: 'STANDARD' });
    const infrequent = await db.send('Playground.EstimateCost', { ...month, TableClass: 'STANDARD_INFREQUENT_ACCESS' });
    return {
      text:
        `1,000 GB of old orders, 10 million reads a month: ${formatDollars(standard.OnDemand.Total)} a month ` +
        `in Standard, ${formatDollars(infrequent.OnDemand.Total)} in Standard-IA; ` +
        `${exported.ExportDescription.ItemCount} orders exported to S3`,
      lesson:
        'Old orders are kept for years and seldom read, so storage is most of their bill. The ' +
        'Standard-Infrequent Access table class (TableClass on CreateTable or UpdateTable) stores ' +
        'them 60% cheaper and charges 25% more per request. ScenarioArchive holds 50 such orders ' +
        'in that class: its cost line in the Partitions panel is priced by it. Data nobody reads ' +
        'any more can leave DynamoDB altogether: ExportTableToPointInTime wrote these orders to S3 ' +
        '(the Recovery panel downloads the files), and ImportTable brings them back if needed.',
      tableName: 'ScenarioArchive',
    };
  },

  // The explainer's social media app, ready to explore: the notification trigger waits in the
  // Trigger panel and a new post waits in the console.
  'social-app': async (db) => {
    const now = await loadSocialSample(db);
    return {
      text:
        'Users (email-index), Posts (timeline-index, stream), Followers (following_id-index) and ' +
        'Notifications are ready. Enable the trigger, then send the PutItem in the console.',
      lesson:
        "The explainer's app: each table is keyed for the way it is read, and the indexes answer " +
        "the other questions (a user by email, a user's timeline). Browse the items, query an " +
        'index from the Tables list, and watch the stream as the trigger writes notifications.',
      tableName: 'Posts',
      trigger: { tableName: 'Posts', code: NOTIFY_FOLLOWERS_TRIGGER },
      request: {
        operation: 'PutItem',
        input: newPostRequest(now + 1),
        summary: 'A new post by alice: with the trigger enabled, her followers are notified.',
      },
    };
  },

  // An eventually consistent read may come from a replica that has not seen the latest write
  // yet, for half the price of a strongly consistent one.
  // Global tables: a replica in another region receives every write after the replication delay,
  // and two writes of one item in two regions converge on the later one (last writer wins).
  'global-tables': async (db) => {
    const tableName = 'ScenarioGlobalCarts';
    const europe = 'eu-west-1';
    // A replica goes first: the table that added it may not be deleted for 24 hours while it is
    // there. Without a replica, this deletes the table every region shares.
    await deleteIfPresent({ send: (operation, input) => db.send(operation, input, { region: europe }) }, tableName);
    await recreateTable(db, tableName, 'user');
    await db.send('UpdateTable', { TableName: tableName, ReplicaUpdates: [{ Create: { RegionName: europe } }] });
    const { GlobalTableReplicationSeconds: delay } = await db.send('Playground.Configure', {});
    const key = { user: { S: 'ana' } };
    const putIn = (region, items) =>
      db.send('PutItem', { TableName: tableName, Item: { ...key, items: { N: String(items) } } }, { region });
    const readIn = async (region) =>
      (await db.send('GetItem', { TableName: tableName, Key: key, ConsistentRead: true }, { region })).Item?.items.N ?? 'no';
    await putIn('us-east-1', 1);
    await db.send('Playground.AdvanceClock', { Seconds: Math.max(delay / 2, 0.001) });
    await putIn(europe, 2);
    const virginia = await readIn('us-east-1');
    const ireland = await readIn(europe);
    await db.send('Playground.AdvanceClock', { Seconds: delay + 0.001 });
    const converged = [await readIn('us-east-1'), await readIn(europe)];
    return {
      text:
        `right after both writes: us-east-1 reads ${virginia} item, eu-west-1 reads ${ireland}; ` +
        `${formatUnits(delay)} s later: us-east-1 reads ${converged[0]}, eu-west-1 reads ${converged[1]}`,
      lesson:
        `ScenarioGlobalCarts has a replica in eu-west-1. Ana's cart was written in us-east-1, then ` +
        `half the replication delay (${formatUnits(delay)} s) later in eu-west-1: each region first ` +
        'reads its own write, then both converge on the later one (last writer wins), and each ' +
        'replica paid for both writes. From node, send with { region } or a client signed for ' +
        'eu-west-1 to see the replica; Playground.Configure GlobalTableReplicationSeconds sets the delay.',
      tableName,
    };
  },

  consistency: async (db) => {
    await db.send('Playground.Configure', { ReplicationLagSeconds: 2, Seed: 7 });
    try {
      await recreateTable(db, 'ScenarioProfiles', 'pk');
      const put = (version) =>
        db.send('PutItem', {
          TableName: 'ScenarioProfiles',
          Item: { pk: { S: 'alice' }, version: { S: version } },
        });
      const get = (consistent) =>
        db.send('GetItem', {
          TableName: 'ScenarioProfiles',
          Key: { pk: { S: 'alice' } },
          ConsistentRead: consistent,
          ReturnConsumedCapacity: 'TOTAL',
        });
      await put('v1');
      // Longer than the lag, so every replica has v1 before v2 is written.
      await db.send('Playground.AdvanceClock', { Seconds: 3 });
      await put('v2');
      const eventual = await get(false);
      const strong = await get(true);
      const seen = (output) => output.Item?.version?.S ?? 'nothing';
      const units = (output) => formatUnits(output.ConsumedCapacity?.CapacityUnits ?? 0);
      return {
        text:
          `eventual read saw ${seen(eventual)} (${units(eventual)} RCU); ` +
          `strong read saw ${seen(strong)} (${units(strong)} RCU)`,
        lesson:
          'Replicas here lag 2 seconds behind a write. Right after v2 is written, an eventually ' +
          'consistent read may still answer v1, for half the capacity; a strongly consistent read ' +
          'always answers v2. The requests are in History: reopen the GetItems and compare their ' +
          'consumed capacity.',
        tableName: 'ScenarioProfiles',
      };
    } finally {
      // Back to predictable reads for whatever the reader sends next.
      await db.send('Playground.Configure', { ReplicationLagSeconds: 0 });
    }
  },
};

/**
 * Wires the buttons (each names its scenario in data-scenario) and returns `{ enable(db) }`.
 * `onDone(tableName, outcome)` runs after each scenario that finished: `outcome.title` is the
 * button's name, `outcome.requests` every request it sent ({ operation, input, ok, status,
 * region }); a sample's outcome may carry a `trigger` ({ tableName, code }) and a `request`
 * ({ operation, input }) to load. The buttons stay disabled until enable and while a scenario runs.
 */
export function mountScenarios({ buttons, result }, { onDone }) {
  const titleOf = (name) => buttons.find((button) => button.dataset.scenario === name)?.firstChild.textContent ?? name;
  let db = null;
  const setBusy = (busy) => {
    for (const button of buttons) button.disabled = busy || db === null;
  };

  async function run(name) {
    setBusy(true);
    result.dataset.outcome = 'running';
    result.textContent = 'Running…';
    const requests = [];
    const recorded = recordingEngine(db, requests);
    try {
      const { Now: now } = await recorded.send('Playground.SetClock', { Mode: 'VIRTUAL' });
      // Start on a whole second, so every second of traffic lands in one metrics second and the
      // Partitions panel's "latest second" is a full one (forward only: time never goes back).
      const toNextSecond = Math.ceil(now) - now;
      if (toNextSecond > 0) await recorded.send('Playground.AdvanceClock', { Seconds: toNextSecond });
      const outcome = await SCENARIOS[name](recorded);
      result.dataset.outcome = 'ok';
      result.replaceChildren(paragraph(outcome.text, 'scenario-figures'), ' ', paragraph(outcome.lesson, 'scenario-lesson'));
      await onDone(outcome.tableName, { ...outcome, requests, title: titleOf(name) });
    } catch (error) {
      result.dataset.outcome = 'error';
      result.textContent = `Scenario failed: ${error.name}: ${error.message}`;
    } finally {
      setBusy(false);
    }
  }

  for (const button of buttons) button.addEventListener('click', () => run(button.dataset.scenario));
  setBusy(true);

  return {
    enable(engine) {
      db = engine;
      setBusy(false);
    },
  };
}
