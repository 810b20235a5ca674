// What a share link carries: a recipe to rebuild a playground, not a memory image. The tables'
// definitions (as CreateTable inputs) and Time to Live, their items up to a budget, the clock,
// the settings, the console's request (or PartiQL statement) and recent history, and the Trigger panel's code (loaded
// disabled on the other side). Rebuilding sends every table and item through the engine's own
// API, so a hostile recipe meets the same validation as any request.

import { ShareLinkError } from './share_codec.js';

// Items, in bytes of their JSON, a link carries by default: past it a link stops being a link.
export const DEFAULT_ITEM_BUDGET_BYTES = 64 * 1024;
const HISTORY_ENTRIES = 20;
const LIMITS = { tables: 256, items: 100_000, history: 50, text: 400 * 1024 };
const BATCH = 25;
const SETTINGS = ['Scale', 'ReplicationLagSeconds', 'IndexPropagationSeconds', 'SplitForHeat', 'TtlDeletionDelaySeconds', 'Throttling'];
const PRICE_PRESETS = ['us-east-1', 'explainer'];

/** OnDemandThroughput's members that set a maximum (DescribeTable writes -1 for none), or undefined. */
function onDemandMaximum(described) {
  const maximum = {};
  for (const [name, units] of Object.entries(described ?? {})) if (units >= 1) maximum[name] = units;
  return Object.keys(maximum).length ? maximum : undefined;
}

/** The CreateTable input that makes a table like DescribeTable's `table`. */
export function createTableInput(table) {
  const input = {
    TableName: table.TableName,
    AttributeDefinitions: table.AttributeDefinitions,
    KeySchema: table.KeySchema,
  };
  const onDemand = table.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST';
  const throughput = (described) => ({
    ReadCapacityUnits: described.ReadCapacityUnits,
    WriteCapacityUnits: described.WriteCapacityUnits,
  });
  if (onDemand) input.BillingMode = 'PAY_PER_REQUEST';
  else input.ProvisionedThroughput = throughput(table.ProvisionedThroughput);
  if (table.GlobalSecondaryIndexes?.length) {
    input.GlobalSecondaryIndexes = table.GlobalSecondaryIndexes.map((index) => ({
      IndexName: index.IndexName,
      KeySchema: index.KeySchema,
      Projection: index.Projection,
      ...(onDemand ? {} : { ProvisionedThroughput: throughput(index.ProvisionedThroughput) }),
      ...(onDemandMaximum(index.OnDemandThroughput) ? { OnDemandThroughput: onDemandMaximum(index.OnDemandThroughput) } : {}),
    }));
  }
  if (table.LocalSecondaryIndexes?.length) {
    input.LocalSecondaryIndexes = table.LocalSecondaryIndexes.map(({ IndexName, KeySchema, Projection }) => ({ IndexName, KeySchema, Projection }));
  }
  if (table.StreamSpecification?.StreamEnabled) input.StreamSpecification = table.StreamSpecification;
  if (onDemandMaximum(table.OnDemandThroughput)) input.OnDemandThroughput = onDemandMaximum(table.OnDemandThroughput);
  if (table.TableClassSummary?.TableClass) input.TableClass = table.TableClassSummary.TableClass;
  return input;
}

async function allTableNames(db) {
  const names = [];
  let start;
  do {
    const page = await db.send('ListTables', start ? { ExclusiveStartTableName: start } : {});
    names.push(...page.TableNames);
    start = page.LastEvaluatedTableName;
  } while (start);
  return names;
}

// Whether the clock is virtual, and where: AdvanceClock works only on a virtual clock (asked of
// a copy, never of the user's playground), and its answer less the step is the time it was.
async function readClock(copy) {
  const step = 1;
  try {
    const { Now } = await copy.send('Playground.AdvanceClock', { Seconds: step });
    return { Mode: 'VIRTUAL', Now: Now - step };
  } catch {
    return { Mode: 'REAL' };
  }
}

function readSettings(configured) {
  const settings = {};
  for (const name of SETTINGS) if (configured[name] !== undefined) settings[name] = configured[name];
  const { Name, ...prices } = configured.Prices ?? {};
  settings.Prices = PRICE_PRESETS.includes(Name) ? Name : prices;
  return settings;
}

/**
 * The recipe of `copy`, a playground made from the user's snapshot (so reading it, Scans
 * included, costs the user's tables nothing). `extras` are the page's own parts: `console`
 * ({ operation, request }), `history` ([{ operation, request }], newest first) and `trigger`
 * ({ tableName, code }). Items beyond `itemBudgetBytes` are left out and counted.
 */
export async function captureRecipe(copy, extras = {}, { itemBudgetBytes = DEFAULT_ITEM_BUDGET_BYTES } = {}) {
  const clock = await readClock(copy);
  const settings = readSettings(await copy.send('Playground.Configure', {}));
  let budget = itemBudgetBytes;
  let itemsLeftOut = 0;
  const tables = [];
  for (const name of await allTableNames(copy)) {
    const { Table: table } = await copy.send('DescribeTable', { TableName: name });
    const ttl = (await copy.send('DescribeTimeToLive', { TableName: name })).TimeToLiveDescription;
    const entry = { create: createTableInput(table), items: [] };
    if (ttl?.TimeToLiveStatus === 'ENABLED' || ttl?.TimeToLiveStatus === 'ENABLING') entry.timeToLive = ttl.AttributeName;
    let start;
    do {
      const page = await copy.send('Scan', { TableName: name, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) });
      for (const item of page.Items) {
        const size = JSON.stringify(item).length;
        if (size <= budget) {
          entry.items.push(item);
          budget -= size;
        } else {
          itemsLeftOut++;
        }
      }
      start = page.LastEvaluatedKey;
    } while (start);
    tables.push(entry);
  }
  const recipe = { version: 1, clock, settings, tables, itemsLeftOut };
  if (extras.console) recipe.console = extras.console;
  if (extras.history) recipe.history = extras.history.slice(0, HISTORY_ENTRIES);
  if (extras.trigger) recipe.trigger = extras.trigger;
  if (extras.partiql) recipe.partiql = extras.partiql;
  return recipe;
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isText = (value) => typeof value === 'string' && value.length <= LIMITS.text;

function fail(what) {
  throw new ShareLinkError(`The link is damaged: ${what}.`);
}

/**
 * Checks a decoded recipe's shape and size before anything is sent: the engine validates each
 * request's content, this keeps a link to the shape (and the amount of work) a recipe has.
 */
export function checkRecipe(recipe) {
  if (!isObject(recipe) || recipe.version !== 1) fail('it is not a playground recipe');
  if (!Array.isArray(recipe.tables) || recipe.tables.length > LIMITS.tables) fail(`it must hold a list of at most ${LIMITS.tables} tables`);
  let items = 0;
  for (const table of recipe.tables) {
    if (!isObject(table) || !isObject(table.create) || !Array.isArray(table.items)) fail('a table has no definition or items');
    if (table.timeToLive !== undefined && !isText(table.timeToLive)) fail('a Time to Live attribute is not a name');
    if (!table.items.every(isObject)) fail('an item is not an object');
    items += table.items.length;
  }
  if (items > LIMITS.items) fail(`it holds more than ${LIMITS.items} items`);
  if (!isObject(recipe.clock) || !['REAL', 'VIRTUAL'].includes(recipe.clock.Mode)) fail('its clock is not REAL or VIRTUAL');
  if (recipe.clock.Mode === 'VIRTUAL' && !Number.isFinite(recipe.clock.Now)) fail('its virtual clock has no time');
  if (!isObject(recipe.settings)) fail('its settings are not an object');
  if (recipe.console !== undefined && !(isObject(recipe.console) && isText(recipe.console.operation) && isText(recipe.console.request))) fail('its console request is not text');
  if (recipe.history !== undefined) {
    if (!Array.isArray(recipe.history) || recipe.history.length > LIMITS.history) fail(`its history must be a list of at most ${LIMITS.history}`);
    if (!recipe.history.every((entry) => isObject(entry) && isText(entry.operation) && isText(entry.request))) fail('a history entry is not text');
  }
  if (recipe.trigger !== undefined && !(isObject(recipe.trigger) && isText(recipe.trigger.tableName) && isText(recipe.trigger.code))) fail('its trigger is not text');
  const partiql = recipe.partiql;
  if (partiql !== undefined && !(isObject(partiql) && [partiql.statement, partiql.parametersText, partiql.limitText].every(isText))) fail('its PartiQL statement is not text');
  return recipe;
}

const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Rebuilds `recipe` (checked) in the empty playground `db`, one request at a time through the
 * engine's API, giving the page a turn between batches. A request the engine refuses is
 * reported, not fatal. Resolves to `{ tables, items, failures: [text] }`.
 */
export async function replayRecipe(db, recipe, { onProgress = () => {} } = {}) {
  checkRecipe(recipe);
  const failures = [];
  const attempt = async (what, operation, input) => {
    try {
      await db.send(operation, input);
      return true;
    } catch (error) {
      failures.push(`${what}: ${error.name}: ${error.message}`);
      return false;
    }
  };
  if (recipe.clock.Mode === 'VIRTUAL') await attempt('the clock', 'Playground.SetClock', { Mode: 'VIRTUAL', Now: recipe.clock.Now });
  await attempt('the settings', 'Playground.Configure', recipe.settings);
  let tables = 0;
  let items = 0;
  const totalItems = recipe.tables.reduce((sum, table) => sum + table.items.length, 0);
  for (const table of recipe.tables) {
    const name = String(table.create.TableName);
    if (!(await attempt(`table ${name}`, 'CreateTable', table.create))) continue;
    tables++;
    if (table.timeToLive) {
      await attempt(`Time to Live of ${name}`, 'UpdateTimeToLive', { TableName: name, TimeToLiveSpecification: { AttributeName: table.timeToLive, Enabled: true } });
    }
    for (let at = 0; at < table.items.length; at += BATCH) {
      const batch = table.items.slice(at, at + BATCH);
      for (const item of batch) if (await attempt(`an item of ${name}`, 'PutItem', { TableName: name, Item: item })) items++;
      onProgress(items, totalItems);
      await yieldToPage();
    }
  }
  return { tables, items, failures };
}
