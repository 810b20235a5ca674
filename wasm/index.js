// DynamoDB Playground's JavaScript API: an in-process DynamoDB for node and the browser.
//
//   import { createDynamoDB } from './wasm/index.js';
//   const db = await createDynamoDB();
//   await db.send('CreateTable', { TableName: 'Music', ... });
//
// Every request goes through the engine's single entry, handle(target, body), so the JS API,
// the HTTP endpoint and the page behave identically.

import { DynamoDBError, errorFromResponse } from './errors.js';
import { instantiateEngineModule } from './engine_loader.js';
import { StreamTrigger } from './stream_triggers.js';

export { DynamoDBError };

export const DYNAMODB_TARGET_PREFIX = 'DynamoDB_20120810.';
export const STREAMS_TARGET_PREFIX = 'DynamoDBStreams_20120810.';

export class DynamoDB {
  #engine;
  #store; // where journal records go (a data directory, IndexedDB), or undefined in memory
  #isReadOnlyTarget;
  #triggers = new Set();
  #pumpScheduled = false;

  /**
   * Use createDynamoDB(); the constructor takes an instantiated engine and, for a persistent
   * playground, the store its journal records go to.
   */
  constructor(engine, store, isReadOnlyTarget) {
    this.#engine = engine;
    this.#store = store;
    this.#isReadOnlyTarget = isReadOnlyTarget;
  }

  /**
   * True while another tab of the page writes this playground's workspace: requests that would
   * change something are refused with AccessDeniedException, reads are served.
   */
  get readOnly() {
    return Boolean(this.#store?.readOnly);
  }

  /**
   * Sends one request in DynamoDB's wire form. `target` is the full X-Amz-Target value.
   * Never throws: errors come back as `{ status: 400, body: '{"__type": ...}' }`.
   *
   * In a persistent playground, an answer to a request that changed something also has
   * `durable`, a promise that resolves once the change is stored (and rejects if it could not
   * be): acknowledge the request only after it.
   */
  handle(target, bodyText) {
    const answer = this.#serve(String(target), String(bodyText));
    // Any request may have written: triggers look at their streams once the caller moves on.
    if (this.#triggers.size && !String(target).startsWith(STREAMS_TARGET_PREFIX)) {
      this.#schedulePump();
    }
    return answer;
  }

  #serve(target, bodyText) {
    const failure = this.#store?.failure;
    if (failure) return storageFailureAnswer(failure);
    if (this.#store?.readOnly && !this.#isReadOnlyTarget(target)) return READ_ONLY_ANSWER;
    const answer = this.#engine._handle(target, bodyText);
    if (answer.journal) {
      answer.durable = this.#store.append(answer.journal);
      delete answer.journal;
    }
    return answer;
  }

  /**
   * Runs `handler(event)` for the table's stream records, in the event shape a Lambda function
   * receives from DynamoDB Streams, batch by batch (`batchSize`, default 100), from `LATEST`
   * (default) or `TRIM_HORIZON`. A handler that throws (or rejects) gets the same batch again
   * and holds its shard until it succeeds. Returns the trigger: `stop()` ends delivery,
   * `lastError` is the failure being retried.
   */
  onStream(tableName, handler, options = {}) {
    const trigger = new StreamTrigger(
      (target, body) => this.#serve(target, body),
      tableName,
      handler,
      options,
    );
    this.#triggers.add(trigger);
    const stop = trigger.stop.bind(trigger);
    trigger.stop = () => {
      stop();
      this.#triggers.delete(trigger);
    };
    return trigger;
  }

  /** Resolves once every trigger has handled what the streams hold (or is waiting to retry). */
  async flushStreams() {
    await Promise.all([...this.#triggers].map((trigger) => trigger.pump().catch(() => {})));
  }

  #schedulePump() {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    queueMicrotask(() => {
      this.#pumpScheduled = false;
      for (const trigger of this.#triggers) {
        trigger.pump().catch((error) => {
          trigger.lastError = error;
        });
      }
    });
  }

  /**
   * Runs a DynamoDB operation ("PutItem", "Query", ...) with its input object, resolving to the
   * output object or rejecting with a DynamoDBError whose `name` is DynamoDB's error type.
   * A name with a dot is a full target: "Playground.GetMetrics" runs a playground extension.
   */
  async send(operation, input = {}) {
    const target = operation.includes('.') ? operation : DYNAMODB_TARGET_PREFIX + operation;
    const answer = this.handle(target, JSON.stringify(input));
    if (answer.durable) await durableOrError(answer);
    if (answer.status !== 200) throw errorFromResponse(answer.status, answer.body);
    return JSON.parse(answer.body);
  }

  /**
   * Frees the engine's wasm memory; the instance cannot be used afterwards. A persistent
   * playground first finishes storing what it was given and unlocks its data directory: await
   * the returned promise before opening the same directory again.
   */
  close() {
    for (const trigger of this.#triggers) trigger.stop();
    this.#engine.delete();
    return this.#store ? this.#store.close() : Promise.resolve();
  }
}

// A second tab must never fork the playground: it reads what the writing tab stored.
const READ_ONLY_ANSWER = Object.freeze({
  status: 400,
  body: JSON.stringify({
    __type: 'com.amazonaws.dynamodb.v20120810#AccessDeniedException',
    message:
      'This playground is open for writing in another tab, so this tab is read-only. Use "Take over" to write here (the other tab then becomes read-only).',
  }),
});

// The answer to every request once the journal cannot be written: the engine holds changes the
// disk does not, so nothing more may be acknowledged.
function storageFailureAnswer(failure) {
  return {
    status: 500,
    body: JSON.stringify({
      __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
      message: `${failure.message}; this playground accepts no more requests (restart it to reopen what was stored)`,
    }),
  };
}

/** Waits for `answer.durable`; when the change could not be stored, turns the answer into the error. */
export async function durableOrError(answer) {
  try {
    await answer.durable;
  } catch (error) {
    Object.assign(answer, storageFailureAnswer(error));
  }
  delete answer.durable;
  return answer;
}

// Locks the directory, replays its journal into `engine` and turns journaling on. Node only: the
// module that touches the file system is loaded here, so the browser never imports it.
async function openDataDirectory(engine, module, dir) {
  const { DataDirectory } = await import('./data_dir.js');
  const directory = await DataDirectory.open(dir);
  try {
    const started = performance.now();
    const report = engine._restore(directory.journal);
    if (!report.readable) {
      throw new Error(`cannot open the data directory ${directory.path}: ${report.damage}; its files were left as they are`);
    }
    const damagedCopy = await directory.prepareForAppend(report.validBytes, module._journalHeader());
    engine._setJournaling(true);
    directory.restored = {
      path: directory.path,
      records: report.records,
      milliseconds: Math.round(performance.now() - started),
      ...(report.damage && { damage: report.damage, damagedCopy }),
      ...(report.diverged && { diverged: report.diverged, firstDivergence: report.firstDivergence }),
    };
    return directory;
  } catch (error) {
    await directory.close();
    throw error;
  }
}

// Opens the page's IndexedDB workspace and replays it into `engine`; journaling is on only in
// the tab that holds the workspace's writer lock. An unreadable journal is left as it is and
// the tab reads nothing from it and writes nothing over it.
async function openBrowserStore(engine, module, workspace, takeOver = false) {
  const { BrowserStore } = await import('./browser_store.js');
  const store = await BrowserStore.open(workspace, { takeOver });
  const started = performance.now();
  const journalBytes = store.journal.length;
  const report = engine._restore(store.journal);
  if (!report.readable) {
    store.readOnly = true;
    store.restored = { workspace, records: 0, milliseconds: 0, unreadable: true, damage: report.damage };
    return store;
  }
  await store.prepareForAppend(report.validBytes, module._journalHeader());
  if (!store.readOnly) engine._setJournaling(true);
  store.restored = {
    workspace,
    records: report.records,
    bytes: journalBytes,
    milliseconds: Math.round(performance.now() - started),
    ...(report.damage && { damage: report.damage }),
  };
  return store;
}

/**
 * Creates an empty in-process DynamoDB. Each call instantiates its own engine, so tests can
 * start from a clean slate in milliseconds.
 *
 * In the browser, `options.heatView = { canvas, width, height }` loads the page's module instead
 * and starts the Dear ImGui heat view on that canvas; `db.heatView` then says whether it runs
 * (false when the browser has no WebGL2).
 *
 * `options.workspace` (browser only) keeps the playground in IndexedDB under that name: restored
 * first (`db.restored`), every change stored before its request resolves. One tab writes a
 * workspace; in the others `db.readOnly` is true (and `options.takeOver` takes it from them).
 * `db.resetWorkspace()` deletes what was stored.
 *
 * `options.path` keeps the playground in that directory (node only): what is there is restored
 * first (`db.restored` says what), and every change is on disk before its request resolves.
 * One process at a time may open a directory. Without a path nothing touches the disk.
 *
 * `options.throttling = false` never refuses a request for capacity (for test suites, which run
 * far faster in process than any client against DynamoDB); the metrics still count what would
 * have been throttled. The same as sending `Playground.Configure {"Throttling": "OFF"}`.
 */
export async function createDynamoDB(options = {}) {
  let db;
  if (options.heatView || options.workspace !== undefined) {
    const module = await instantiateEngineModule(options.heatView ? 'page' : 'engine', {
      canvas: options.heatView?.canvas,
    });
    const engine = new module._Engine();
    let store;
    if (options.workspace !== undefined) {
      try {
        store = await openBrowserStore(engine, module, options.workspace, options.takeOver);
      } catch (error) {
        engine.delete();
        throw error;
      }
    }
    db = new DynamoDB(engine, store, module._isReadOnly);
    if (store) {
      db.restored = store.restored;
      db.workspace = store.workspace;
      db.resetWorkspace = () => store.reset();
      db.onReadOnly = () => {};
      store.onLostWriter = () => db.onReadOnly();
    }
    if (options.heatView) {
      const { width, height } = options.heatView;
      db.heatView = module._startHeatView(engine, width, height);
    }
  } else {
    const module = await instantiateEngineModule('engine');
    const engine = new module._Engine();
    let store;
    if (options.path !== undefined) {
      try {
        store = await openDataDirectory(engine, module, options.path);
      } catch (error) {
        engine.delete();
        throw error;
      }
    }
    db = new DynamoDB(engine, store, module._isReadOnly);
    if (store) db.restored = store.restored;
  }
  if (options.throttling === false) await db.send('Playground.Configure', { Throttling: 'OFF' });
  return db;
}
