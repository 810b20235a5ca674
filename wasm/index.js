// DynamoDB Playground's JavaScript API: an in-process DynamoDB for node and the browser.
//
//   import { createDynamoDB } from './wasm/index.js';
//   const db = await createDynamoDB();
//   await db.send('CreateTable', { TableName: 'Music', ... });
//
// Every request goes through the engine's single entry, handle(target, body), so the JS API,
// the HTTP endpoint and the page behave identically.

import { DynamoDBError, errorFromResponse } from './errors.js';
import { instantiateEngineModule, sharedEngineModuleInstance } from './engine_loader.js';
import { concatBytes } from './group_commit.js';
import { MemoryStore } from './memory_store.js';
import { createSdkRequestHandler } from './sdk_handler.js';
import { StreamTrigger } from './stream_triggers.js';

export { DynamoDBError };

export const DYNAMODB_TARGET_PREFIX = 'DynamoDB_20120810.';
export const STREAMS_TARGET_PREFIX = 'DynamoDBStreams_20120810.';
const EXPORT_TARGET = 'DynamoDB_20120810.ExportTableToPointInTime';
const IMPORT_TARGET = 'DynamoDB_20120810.ImportTable';

export class DynamoDB {
  #engine;
  #store; // where the snapshot and journal records go: nowhere (memory), a data directory or IndexedDB
  #module; // the wasm module the engine lives in (its free functions, new engines for reset())
  #options; // what createDynamoDB() was given
  #triggers = new Set();
  #pumpScheduled = false;

  /**
   * Use createDynamoDB(); the constructor takes an instantiated engine, the store its journal
   * records go to (wasm/memory_store.js, data_dir.js, browser_store.js), the wasm module the
   * engine lives in and the options it was created with.
   */
  constructor(engine, store, module, options = {}) {
    this.#engine = engine;
    this.#store = store;
    this.#module = module;
    this.#options = options;
  }

  /**
   * Called once, with the error, when a change could not be stored (a full disk, the browser's
   * storage quota): from then on every request is answered with InternalServerError.
   */
  onStorageFailure = () => {};
  #storageFailed = false;

  #reportStorageFailure(error) {
    if (this.#storageFailed) return;
    this.#storageFailed = true;
    this.onStorageFailure(error);
  }

  /**
   * True while another tab of the page writes this playground's workspace: requests that would
   * change something are refused with AccessDeniedException, reads are served.
   */
  get readOnly() {
    return Boolean(this.#store.readOnly);
  }

  /**
   * Sends one request in DynamoDB's wire form. `target` is the full X-Amz-Target value;
   * `region`, when given, is the region it is served in (a global table's replica there
   * answers for its name; '' is the home region, us-east-1). Never throws: errors come back as `{ status: 400, body: '{"__type": ...}' }`.
   *
   * In a persistent playground, an answer to a request that changed something (and any answer
   * while changes are still being stored, since it may show them) also has `durable`, a promise
   * that resolves once they are stored (and rejects if they could not be): send the answer only
   * after it.
   *
   * With `{ bytes: true }` the body is its UTF-8 bytes (a Uint8Array) instead of text: what an
   * HTTP server sends as it is, without decoding a Scan's megabyte into a string and encoding it
   * back. `bytes` may instead be a function `(length) => Uint8Array` giving the array (exactly
   * `length` long) the bytes are copied into, such as a pooled buffer (wasm/answer_buffers.js).
   */
  handle(target, bodyText, region = '', { bytes = false } = {}) {
    const answer = this.#serve(String(target), requestBody(bodyText), String(region), bytesOption(bytes));
    // Any request may have written: triggers look at their streams once the caller moves on.
    if (this.#triggers.size && !String(target).startsWith(STREAMS_TARGET_PREFIX)) {
      this.#schedulePump();
    }
    return answer;
  }

  /**
   * As handle(), resolving once everything the answer may show is stored (at once in memory);
   * when it could not be stored, the answer is that InternalServerError. What the HTTP endpoint,
   * send() and requestHandler() answer with.
   */
  async handleDurable(target, bodyText, region = '', options = {}) {
    const answer = this.handle(target, bodyText, region, options);
    if (!answer.durable) return answer;
    try {
      await answer.durable;
    } catch (error) {
      Object.assign(answer, answerAs(storageFailureAnswer(error), bytesOption(options.bytes)));
    }
    delete answer.durable;
    return answer;
  }

  #serve(target, bodyText, region = '', bytes = false) {
    const failure = this.#store.failure;
    if (failure) return answerAs(storageFailureAnswer(failure), bytes);
    if (this.#store.readOnly && !this.#module._isReadOnly(target)) return answerAs(READ_ONLY_ANSWER, bytes);
    // A node playground's buckets are files too (bucket_directory.js): files put there go into
    // the engine (journaled) before an import reads the bucket, and an export's files are
    // written out once its own record is on its way.
    const buckets = this.#store.buckets;
    const serveQuietly = (innerTarget, innerBody) => {
      const inner = this.#serve(innerTarget, innerBody);
      inner.durable?.catch(() => {}); // a storage failure is reported to the callers that wait
      return inner;
    };
    if (buckets && target === IMPORT_TARGET) {
      const refused = buckets.beforeImport(serveQuietly, typeof bodyText === 'string' ? bodyText : new TextDecoder().decode(bodyText));
      if (refused) return answerAs(refused, bytes);
    }
    const answer = this.#engine._handle(target, bodyText, region, bytes !== false);
    if (bytes !== false) {
      const length = answer.body.length;
      answer.body = copyAnswerBytes(answer.body, bytes);
      // Small answers stay until the next one replaces them: one call fewer per request.
      if (length > RELEASED_ANSWER_BYTES) this.#engine._releaseAnswerBytes();
    }
    // A change waits for its own record; any other answer waits for the records still in
    // flight, since it may show what they changed.
    const durable = answer.journal ? this.#store.append(answer.journal) : this.#store.pending();
    delete answer.journal;
    if (durable) {
      answer.durable = durable.catch((error) => {
        this.#reportStorageFailure(error);
        throw error;
      });
    }
    if (buckets && target === EXPORT_TARGET && answer.status === 200) {
      try {
        buckets.afterExport(serveQuietly, bytes ? new TextDecoder().decode(answer.body) : answer.body);
      } catch (error) {
        // The export is done and journaled; only its copy in the data directory is missing.
        process.emitWarning(`the export's files could not all be written under ${buckets.root}: ${error.message}`, 'ExportMirrorWarning');
      }
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
      (target, body) => {
        const answer = this.#serve(target, body);
        answer.durable?.catch(() => {}); // a storage failure is reported to the callers that wait
        return answer;
      },
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
   * `options.region` serves it in that region (global tables' replicas).
   */
  async send(operation, input = {}, { region = '' } = {}) {
    const target = operation.includes('.') ? operation : DYNAMODB_TARGET_PREFIX + operation;
    const answer = await this.handleDurable(target, JSON.stringify(input), region);
    if (answer.status !== 200) throw errorFromResponse(answer.status, answer.body);
    return JSON.parse(answer.body);
  }

  /**
   * Empties the playground, as a new `createDynamoDB()` would be (the options it was created with
   * still apply): no tables, streams or settings, the clock real again. In memory only; a
   * persistent playground is reset by deleting its directory, or with `resetWorkspace()`.
   */
  async reset() {
    if (!(this.#store instanceof MemoryStore)) {
      throw new Error('reset() empties an in-memory playground; delete the data directory (or use resetWorkspace()) to reset a persistent one');
    }
    for (const trigger of this.#triggers) trigger.stop();
    const fresh = new this.#module._Engine();
    this.#engine.delete();
    this.#engine = fresh;
    this.#store = new MemoryStore();
    await applyThrottlingOption(this, this.#options);
  }

  /**
   * An HTTP handler for the AWS SDK for JavaScript v3 that answers in this process:
   * `new DynamoDBClient({ region, credentials, requestHandler: db.requestHandler() })` needs no
   * endpoint and no network. A change resolves once it is stored, as through `send()`.
   */
  requestHandler() {
    return createSdkRequestHandler((target, bodyText, region) => this.handleDurable(target, bodyText, region));
  }

  /**
   * The whole playground as one file's bytes (a Uint8Array): tables, items, indexes, streams,
   * TTL, capacity, the clock and settings. `createDynamoDB({ snapshot })`, `cli.js --import FILE`
   * and the page's "Open file" start a playground from it (docs/formats/snapshot.md). What a
   * workspace that could not be opened holds is exported as it is stored.
   */
  async exportSnapshot() {
    if (this.#store.unreadable) return this.#store.unreadable.slice();
    await this.#store.pending()?.catch(() => {});
    return snapshotOf(this.#engine);
  }

  /**
   * Folds a persistent playground's journal into a new snapshot now, so the next open restores
   * the snapshot instead of replaying every change. It happens by itself once the journal
   * outgrows the last snapshot (and `compactAfterBytes`, 16 MiB by default); in memory there
   * is nothing to fold.
   */
  async compact() {
    await this.#store.compact();
  }

  /**
   * Frees the engine's wasm memory; the instance cannot be used afterwards. A persistent
   * playground first finishes storing what it was given and unlocks its data directory: await
   * the returned promise before opening the same directory again.
   */
  async close() {
    for (const trigger of this.#triggers) trigger.stop();
    // The store may still compact what it was given, which reads the engine: free it after.
    try {
      await this.#store.close();
    } finally {
      this.#engine.delete();
    }
  }
}

// The body as the engine takes it: text, or the valid UTF-8 bytes it arrived as (the HTTP
// endpoint checks them), which Embind copies into wasm as they are, instead of a decode to a
// string here and an encode back to UTF-8 on the way in (a third of a 100 KB body's cost).
function requestBody(body) {
  return body instanceof Uint8Array ? body : String(body);
}

// handle()'s `bytes` option as #serve takes it: false (text), true, or the allocating function.
function bytesOption(bytes) {
  return typeof bytes === 'function' ? bytes : bytes === true;
}

// The engine answers bytes as a view of its own memory, valid only until the next call into it
// (which replaces them, and may grow the memory under the view): copied out at once, in one
// native copy, into the caller's array when it gives one.
// Answers longer than this are freed in wasm memory as soon as they are copied out.
const RELEASED_ANSWER_BYTES = 1 << 20;

function copyAnswerBytes(view, bytes) {
  const copy = typeof bytes === 'function' ? bytes(view.length) : new Uint8Array(view.length);
  if (copy.length !== view.length) throw new RangeError(`an answer of ${view.length} bytes was given ${copy.length} to be copied into`);
  copy.set(view);
  return copy;
}

// An answer made here rather than by the engine, with its body in the form the caller asked for.
function answerAs(answer, bytes) {
  return bytes !== false ? { ...answer, body: new TextEncoder().encode(answer.body) } : answer;
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

// The engine's state as snapshot bytes; throws when it cannot be written as one.
function snapshotOf(engine) {
  const { bytes, error } = engine._saveSnapshot();
  if (error) throw new Error(error);
  return bytes;
}

// Restores a stored playground into `engine`: its snapshot, if it has one (null: none; an empty
// file is a damaged one), then the journal written since. A snapshot that cannot be read makes
// the whole store unreadable.
function restoreStored(engine, snapshot, journal) {
  if (snapshot === null || snapshot === undefined) return engine._restore(journal);
  const fromSnapshot = engine._restoreSnapshot(snapshot);
  if (fromSnapshot.error) return { readable: false, records: 0, validBytes: 0, damage: fromSnapshot.error };
  const report = engine._restore(journal);
  report.snapshot = { tables: fromSnapshot.tables, items: fromSnapshot.items };
  return report;
}

// What a restore brought back, for `db.restored`.
function restoreSummary(report, started) {
  return {
    ...(report.snapshot && { snapshot: report.snapshot }),
    records: report.records,
    milliseconds: Math.round(performance.now() - started),
    ...(report.damage && { damage: report.damage }),
    ...(report.diverged && { diverged: report.diverged, firstDivergence: report.firstDivergence }),
  };
}

// Locks the directory, replays its journal into `engine` and turns journaling on. Node only: the
// module that touches the file system is loaded here, so the browser never imports it.
async function openDataDirectory(engine, module, dir, { snapshot, compactAfterBytes }) {
  const { DataDirectory } = await import('./data_dir.js');
  const { BucketDirectory } = await import('./bucket_directory.js');
  const { join } = await import('node:path');
  const directory = await DataDirectory.open(dir);
  directory.buckets = new BucketDirectory(join(directory.path, 's3'));
  try {
    const started = performance.now();
    if (snapshot !== undefined && (directory.journal.length > 0 || directory.snapshot !== null)) {
      throw new Error(`the data directory ${directory.path} already holds a playground; import into a new directory`);
    }
    const imported = snapshot !== undefined;
    if (imported) importSnapshot(engine, snapshot);
    const report = imported
      ? { readable: true, validBytes: 0, records: 0 }
      : restoreStored(engine, directory.snapshot, directory.journal);
    if (!report.readable) {
      throw new Error(`cannot open the data directory ${directory.path}: ${report.damage}; its files were left as they are`);
    }
    const damagedCopy = await directory.prepareForAppend(
      report.validBytes,
      module._journalHeader(),
      () => snapshotOf(engine),
      { seed: imported ? snapshotOf(engine) : undefined, compactAfterBytes },
    );
    engine._setJournaling(true);
    directory.restored = { path: directory.path, ...restoreSummary(report, started), ...(damagedCopy && { damagedCopy }) };
    return directory;
  } catch (error) {
    await directory.close();
    throw error;
  }
}

// Opens the page's IndexedDB workspace and replays it into `engine`; journaling is on only in
// the tab that holds the workspace's writer lock. An unreadable journal is left as it is: the
// tab restores nothing from it, writes nothing over it, and works in memory.
async function openBrowserStore(engine, module, { workspace, takeOver = false, compactAfterBytes }) {
  const { BrowserStore } = await import('./browser_store.js');
  const store = await BrowserStore.open(workspace, { takeOver });
  const started = performance.now();
  const journalBytes = (store.snapshot?.length ?? 0) + store.journal.length;
  const report = restoreStored(engine, store.snapshot, store.journal);
  if (!report.readable) {
    // Left as it is (Download still saves it: the snapshot, if any, then the journal, as stored);
    // this tab works in memory and keeps nothing.
    store.unreadable = concatBytes([store.snapshot ?? new Uint8Array(0), store.journal]);
    store.restored = { workspace, records: 0, milliseconds: 0, unreadable: true, damage: report.damage };
    return store;
  }
  await store.prepareForAppend(report.validBytes, module._journalHeader(), () => snapshotOf(engine), {
    compactAfterBytes,
  });
  if (!store.readOnly) engine._setJournaling(true);
  store.restored = { workspace, bytes: journalBytes, ...restoreSummary(report, started) };
  return store;
}

/**
 * Creates an empty in-process DynamoDB. Each call instantiates its own engine, so tests can
 * start from a clean slate in milliseconds.
 *
 * In the browser, `options.heatView = { canvas, width, height }` loads the page's module instead
 * and starts the Dear ImGui heat view on that canvas; `db.heatView` then says whether it runs
 * (false when the browser has no WebGL2). While it runs, `db.showInHeatView(tableName)` picks the
 * table it draws and `db.setHeatViewWidth(cssPixels)` the canvas width (its height follows the
 * content).
 *
 * `options.workspace` (browser only) keeps the playground in IndexedDB under that name: restored
 * first (`db.restored`), every change stored before its request resolves. One tab writes a
 * workspace; in the others `db.readOnly` is true (and `options.takeOver` takes it from them).
 * `db.resetWorkspace()` deletes what was stored.
 *
 * `options.snapshot` (the bytes of `db.exportSnapshot()`) starts the playground from an export,
 * all or nothing; with `path`, the directory must be new.
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
  // The heat view draws on its own canvas from its own module; every other engine shares one.
  const module = options.heatView
    ? await instantiateEngineModule('page', { canvas: options.heatView.canvas })
    : await sharedEngineModuleInstance();
  const engine = new module._Engine();
  let store;
  try {
    if (options.workspace !== undefined) {
      if (options.snapshot !== undefined) throw new Error('open a snapshot in a workspace with db.importSnapshot()');
      store = await openBrowserStore(engine, module, options);
    } else if (options.path !== undefined) {
      store = await openDataDirectory(engine, module, options.path, options);
    } else {
      if (options.snapshot !== undefined) importSnapshot(engine, options.snapshot);
      store = new MemoryStore();
    }
  } catch (error) {
    engine.delete();
    throw error;
  }
  const db = new DynamoDB(engine, store, module, options);
  if (store.restored) db.restored = store.restored;
  if (options.workspace !== undefined) {
    db.workspace = store.workspace;
    db.resetWorkspace = () => store.reset();
    db.importSnapshot = async (snapshot) => {
      // Checked in a scratch engine first: a bad file changes nothing.
      const scratch = new module._Engine();
      try {
        importSnapshot(scratch, snapshot);
        await store.replaceWith(snapshotOf(scratch), module._journalHeader());
      } finally {
        scratch.delete();
      }
    };
    db.onReadOnly = () => {};
    store.onLostWriter = () => {
      // Nothing this tab does from now on is stored: reads that wake the TTL sweeper must not
      // try to journal what it deletes.
      engine._setJournaling(false);
      db.onReadOnly();
    };
  }
  if (options.heatView) {
    const { width, height } = options.heatView;
    db.heatView = module._startHeatView(engine, width, height);
    if (db.heatView) {
      db.showInHeatView = (tableName) => module._setHeatViewTable(tableName ?? '');
      db.setHeatViewWidth = (cssPixels) => module._setHeatViewWidth(Math.floor(cssPixels));
    }
  }
  try {
    await applyThrottlingOption(db, options);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

// createDynamoDB({ throttling: false }): the switch a read-only copy leaves to its writer.
async function applyThrottlingOption(db, options) {
  if (options.throttling === false && !db.readOnly) await db.send('Playground.Configure', { Throttling: 'OFF' });
}

// The bytes a snapshot and a journal start with (engine/persist/).
const SNAPSHOT_MAGIC = 'DDBPGSNP';
const JOURNAL_MAGIC = 'DDBPGJNL';

function startsWith(bytes, magic) {
  return bytes.length >= magic.length && [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));
}

// Takes an exported playground into `engine`, all or nothing: a snapshot, or a journal (what
// exports were before snapshots, still read). A file that is neither, is damaged anywhere or
// does not replay cleanly is refused with the reason.
function importSnapshot(engine, snapshot) {
  const bytes = snapshot instanceof ArrayBuffer ? new Uint8Array(snapshot) : snapshot;
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError('a snapshot is the bytes of an exported playground (a Uint8Array, Buffer or ArrayBuffer)');
  }
  const refuse = (problem) => new Error(`cannot import the snapshot: ${problem}; nothing was imported`);
  if (startsWith(bytes, SNAPSHOT_MAGIC)) {
    const report = engine._restoreSnapshot(bytes);
    if (report.error) throw refuse(report.error);
    return;
  }
  if (!startsWith(bytes, JOURNAL_MAGIC)) {
    throw refuse(bytes.length === 0 ? 'the file is empty' : 'not a DynamoDB Playground export (a snapshot, or a journal)');
  }
  const report = engine._restore(bytes);
  const problem = !report.readable || report.damage ? report.damage
    : report.diverged ? `a change did not replay (${report.firstDivergence})`
    : bytes.length === 0 ? 'the file is empty' : '';
  if (problem) throw refuse(problem);
}
