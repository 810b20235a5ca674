// One-click scenarios: each replays one of the explainer's lessons through the engine, in scratch
// tables of its own ("Scenario..."), so the reader's tables are untouched. A run stops the clock
// (virtual time, so minutes of traffic take an instant), deletes and recreates its tables, sends
// the requests and answers with one plain sentence built from the engine's own figures.

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

function simulate(db, input) {
  return db.send('Playground.SimulateWorkload', { Seed: SEED, ...input });
}

function formatUnits(units) {
  return Number.isInteger(units) ? String(units) : units.toFixed(1);
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
      tableName: 'ScenarioOrders',
    };
  },

  // A spike to ten times the usual rate: provisioned capacity (burst credit aside) throttles it,
  // on-demand absorbs it.
  'capacity-mode': async (db) => {
    await recreateTable(db, 'ScenarioProvisioned', 'pk', {
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 100 },
    });
    await recreateTable(db, 'ScenarioOnDemand', 'pk');
    const workload = {
      DurationSeconds: 120,
      RequestsPerSecond: 100,
      Operations: { PutItem: 1 },
      ItemSizeBytes: 900,
      Spike: { StartSecond: 10, DurationSeconds: 60, Multiplier: 10 },
      KeyDistribution: { Type: 'UNIFORM', Keys: 100000 },
    };
    const provisioned = await simulate(db, { ...workload, TableName: 'ScenarioProvisioned' });
    const onDemand = await simulate(db, { ...workload, TableName: 'ScenarioOnDemand' });
    return {
      text:
        `provisioned: ${provisioned.Throttled} throttled; ` +
        `on-demand: ${onDemand.Throttled} throttled`,
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
      tableName: 'ScenarioSessions',
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
 * `onDone(tableName, outcome)` runs after each scenario that finished; a sample's outcome may
 * carry a `trigger` ({ tableName, code }) and a `request` ({ operation, input }) to load. The buttons stay disabled until
 * enable and while a scenario runs.
 */
export function mountScenarios({ buttons, result }, { onDone }) {
  let db = null;
  const setBusy = (busy) => {
    for (const button of buttons) button.disabled = busy || db === null;
  };

  async function run(name) {
    setBusy(true);
    result.dataset.outcome = 'running';
    result.textContent = 'Running…';
    try {
      const { Now: now } = await db.send('Playground.SetClock', { Mode: 'VIRTUAL' });
      // Start on a whole second, so every second of traffic lands in one metrics second and the
      // Partitions panel's "latest second" is a full one (forward only: time never goes back).
      const toNextSecond = Math.ceil(now) - now;
      if (toNextSecond > 0) await db.send('Playground.AdvanceClock', { Seconds: toNextSecond });
      const outcome = await SCENARIOS[name](db);
      result.dataset.outcome = 'ok';
      result.textContent = outcome.text;
      await onDone(outcome.tableName, outcome);
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
