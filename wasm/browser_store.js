// BrowserStore: where the page keeps its playground's snapshot and journal, IndexedDB, with one
// writer per workspace across tabs. The engine decides what they hold (engine/persist/); this
// file only stores bytes, as wasm/data_dir.js does for node.
//
//   IndexedDB database "dynamodb-playground:<workspace>"
//     snapshot "current": the snapshot the journal continues (docs/formats/snapshot.md), if any
//     journal  chunks of the journal, in key order; the first one starts with the header
//     damaged  bytes a reopen could not read, kept by time
//     meta     "writer": the number of the tab that may write, raised by each new writer
//   Web Lock "dynamodb-playground:<workspace>"  held by the tab that writes
//
// A change is acknowledged only once the IndexedDB transaction that holds it has completed with
// `durability: 'strict'`; changes that arrive while one commits go together in the next. Every
// write checks, in its own transaction, that this tab is still the writer: a tab that lost the
// lock (or a browser without Web Locks, where every tab believes it writes) fails its next write
// loudly instead of adding to a journal another tab has taken over. Once the journal outgrows
// the snapshot, one transaction replaces the snapshot and empties the journal (compaction).

import { Compaction } from './compaction.js';
import { GroupCommit, concatBytes } from './group_commit.js';

const PREFIX = 'dynamodb-playground:';
const JOURNAL = 'journal';
const DAMAGED = 'damaged';
const META = 'meta';
const SNAPSHOT = 'snapshot';
const WRITER_KEY = 'writer';
const CURRENT = 'current';

function promiseOf(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function transactionDone(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('the transaction was aborted'));
    transaction.onerror = () => reject(transaction.error);
  });
}

function openDatabase(name) {
  const request = indexedDB.open(name, 3);
  // A tab of an older page holds the database open at an older version: say so, do not hang.
  const blocked = new Promise((resolve, reject) => {
    request.onblocked = () =>
      reject(new Error('another tab runs an older version of the playground; close it, then reload this one'));
  });
  request.onupgradeneeded = () => {
    const database = request.result;
    if (!database.objectStoreNames.contains(JOURNAL)) database.createObjectStore(JOURNAL, { autoIncrement: true });
    if (!database.objectStoreNames.contains(DAMAGED)) database.createObjectStore(DAMAGED);
    if (!database.objectStoreNames.contains(META)) database.createObjectStore(META);
    if (!database.objectStoreNames.contains(SNAPSHOT)) database.createObjectStore(SNAPSHOT);
  };
  return Promise.race([promiseOf(request), blocked]).catch((error) => {
    // Given up on: if the open succeeds after all, close it so it blocks no one.
    request.onsuccess = () => request.result.close();
    throw error;
  });
}

// Reads the snapshot and the journal chunks in `transaction`.
async function readStored(transaction) {
  const snapshot = await promiseOf(transaction.objectStore(SNAPSHOT).get(CURRENT));
  const chunks = await promiseOf(transaction.objectStore(JOURNAL).getAll());
  return {
    snapshot: snapshot ? new Uint8Array(snapshot) : null,
    journal: concatBytes(chunks.map((chunk) => new Uint8Array(chunk))),
  };
}

// Opens as the writer: raises the writer number and reads what is stored in one transaction,
// so what it reads is exactly what the previous writer stored before it was fenced off.
async function becomeWriter(database) {
  const transaction = database.transaction([SNAPSHOT, JOURNAL, META], 'readwrite', { durability: 'strict' });
  const done = transactionDone(transaction);
  const meta = transaction.objectStore(META);
  const previous = (await promiseOf(meta.get(WRITER_KEY))) ?? 0;
  meta.put(previous + 1, WRITER_KEY);
  const stored = await readStored(transaction);
  await done;
  return { writer: previous + 1, ...stored };
}

class FencedOff extends Error {}

// The writer lock: resolves to { held: true, lost, release } (lost resolves when another tab
// takes over) or { held: false }. `steal` takes it from the tab that holds it.
function requestWriterLock(name, steal) {
  if (!globalThis.navigator?.locks) {
    return Promise.resolve({ held: true, lost: new Promise(() => {}), release: () => {} });
  }
  return new Promise((resolve) => {
    const options = steal ? { steal: true } : { ifAvailable: true };
    let lost;
    let release;
    const held = new Promise((done) => {
      release = done;
    });
    const request = navigator.locks.request(name, options, (lock) => {
      if (!lock) {
        resolve({ held: false });
        return undefined;
      }
      resolve({ held: true, lost, release });
      return held; // until close(), or the tab goes away
    });
    // Taken away by another tab: the request rejects (AbortError). Released by close() or never
    // granted: it resolves, and nothing was lost.
    lost = request.then(
      () => new Promise(() => {}),
      () => undefined,
    );
  });
}

function describeStorageError(error) {
  if (error instanceof FencedOff) return error.message;
  if (error?.name === 'QuotaExceededError') {
    return "the browser refused to store the change: this site's storage is full";
  }
  return `the browser could not store the change: ${error?.message ?? error}`;
}

// Makes `snapshot` the stored snapshot, followed by an empty journal.
function storeFresh(transaction, snapshot, header) {
  transaction.objectStore(SNAPSHOT).put(snapshot, CURRENT);
  const journal = transaction.objectStore(JOURNAL);
  journal.clear();
  journal.add(new Uint8Array(header));
}

export class BrowserStore {
  #database;
  #releaseLock;
  #writer = 0; // this tab's writer number (0: it never was the writer)
  #retired = null; // set once reset() or replaceWith() replaced the journal under this tab
  #commits = new GroupCommit((bytes) => this.#storeDurably(bytes), describeStorageError);
  #compaction = null; // set once the engine holds the state
  #header = null;

  /** The snapshot's bytes as they were on open (null when there is none). */
  snapshot;
  /** The journal's bytes as they were on open (hand them to the engine's restore). */
  journal;
  /** The workspace this store keeps. */
  workspace;
  /** True when another tab writes this workspace: this one may only read. */
  readOnly;
  /** Called once if another tab takes the writer's lock from this one. */
  onLostWriter = () => {};

  constructor(database, workspace, { snapshot, journal }, lock) {
    this.#database = database;
    this.#releaseLock = lock.release ?? (() => {});
    this.workspace = workspace;
    this.snapshot = snapshot;
    this.journal = journal;
    this.readOnly = !lock.held;
    lock.lost?.then(() => {
      this.readOnly = true;
      this.onLostWriter();
    });
  }

  /**
   * Opens `workspace`, taking its writer lock if no other tab holds it (or from the tab that
   * does, with `takeOver`), and reads its snapshot and journal.
   */
  static async open(workspace = 'default', { takeOver = false } = {}) {
    const lock = await requestWriterLock(PREFIX + workspace, takeOver);
    let database;
    let writer = 0;
    let stored;
    try {
      database = await openDatabase(PREFIX + workspace);
      if (lock.held) {
        ({ writer, ...stored } = await becomeWriter(database));
      } else {
        stored = await readStored(database.transaction([SNAPSHOT, JOURNAL], 'readonly'));
      }
    } catch (error) {
      database?.close();
      lock.release?.();
      throw error;
    }
    const store = new BrowserStore(database, workspace, stored, lock);
    store.#writer = writer;
    // A newer version of the page asks to upgrade the database: let it, and stop writing here.
    database.onversionchange = () => {
      database.close();
      store.#retired = new Error('a newer version of the playground opened in another tab; reload this one');
      store.readOnly = true;
      store.#releaseLock();
      store.onLostWriter();
    };
    return store;
  }

  // Runs `write(transaction)` in a transaction over `stores` that first checks this tab is still
  // the writer; resolves once it committed, rejects with FencedOff when another tab took over.
  async #fencedWrite(stores, write) {
    const transaction = this.#database.transaction([...stores, META], 'readwrite', { durability: 'strict' });
    const done = transactionDone(transaction);
    const current = await promiseOf(transaction.objectStore(META).get(WRITER_KEY));
    if (current !== this.#writer) {
      transaction.abort();
      await done.catch(() => {});
      throw new FencedOff('another tab took over this playground before the change was stored; reload this tab to see what is stored');
    }
    write(transaction);
    await done;
  }

  /**
   * Makes the stored journal exactly its first `validBytes` (starting it with `header` when it
   * has none), keeping any bytes after them in the damaged store. One transaction: a crash
   * leaves either the old journal or the new one. `takeSnapshot()` returns the engine's
   * snapshot, for compaction.
   */
  async prepareForAppend(validBytes, header, takeSnapshot, { compactAfterBytes } = {}) {
    this.#header = header;
    this.#compaction = new Compaction(takeSnapshot, {
      headerBytes: header.length,
      journalBytes: Math.max(validBytes, header.length),
      snapshotBytes: this.snapshot?.length ?? 0,
      compactAfterBytes,
    });
    this.snapshot = null;
    if (this.readOnly) return;
    const journal = this.journal;
    this.journal = null;
    if (validBytes === journal.length && validBytes > 0) return;
    await this.#fencedWrite([JOURNAL, DAMAGED], (transaction) => {
      if (validBytes < journal.length) {
        transaction.objectStore(DAMAGED).put(journal.slice(validBytes), new Date().toISOString());
      }
      const store = transaction.objectStore(JOURNAL);
      store.clear();
      store.add(validBytes > 0 ? journal.slice(0, validBytes) : new Uint8Array(header));
    });
  }

  /** The write that failed (or the reset that retired this tab's engine), if one did. */
  get failure() {
    return this.#retired ?? this.#commits.failure;
  }

  /** The latest write still in flight, for answers that must not run ahead of it. */
  pending() {
    return this.#commits.pending();
  }

  /** Stores one record; resolves once its transaction has completed (group commit). */
  append(record) {
    if (this.readOnly) {
      return Promise.reject(new Error('another tab writes this playground; this tab may only read'));
    }
    return this.#commits.append(record);
  }

  /**
   * Folds the journal into a new snapshot now, in turn with the writes (db.compact()); resolves
   * once it is stored.
   */
  compact() {
    if (this.readOnly) {
      return Promise.reject(new Error('another tab writes this playground; this tab may only read'));
    }
    if (!this.#compaction) {
      return Promise.reject(new Error('the stored playground could not be opened; nothing is stored from this tab'));
    }
    this.#compaction.request();
    return this.#commits.append(new Uint8Array(0)).then(() => {
      if (this.#compaction.failure) throw this.#compaction.failure;
    });
  }

  // Called with every record queued so far (wasm/compaction.js decides between a compaction and
  // an append). A compaction is one transaction, so a failed one changed nothing; only another
  // tab having taken over stops the store.
  #storeDurably(bytes) {
    return this.#compaction.store(bytes, {
      compact: (snapshot) =>
        this.#fencedWrite([SNAPSHOT, JOURNAL], (transaction) => storeFresh(transaction, snapshot, this.#header)),
      append: (records) => this.#fencedWrite([JOURNAL], (transaction) => transaction.objectStore(JOURNAL).add(records)),
      isFatal: (error) => error instanceof FencedOff,
      warn: (error) => console.warn(`DynamoDB Playground kept its journal: ${error.message}`),
    });
  }

  /**
   * Replaces what the workspace holds with `snapshot` (an imported playground, already checked)
   * and an empty journal starting with `header`: one transaction, so the old playground stays
   * whole if it fails. The page reloads afterwards.
   */
  async replaceWith(snapshot, header) {
    await this.#retire('a playground was opened from a file in this tab; reload it', (transaction) =>
      storeFresh(transaction, snapshot, header),
    );
  }

  /** Deletes the workspace's playground (and what was kept of damaged ones): a fresh one. */
  async reset() {
    await this.#retire('this playground was reset in this tab; reload it', (transaction) => {
      transaction.objectStore(SNAPSHOT).clear();
      transaction.objectStore(JOURNAL).clear();
      transaction.objectStore(DAMAGED).clear();
    });
  }

  // Replaces what is stored, from the writing tab only, once its queued changes are stored;
  // afterwards this tab's engine (which holds the old state) answers nothing more.
  async #retire(why, write) {
    if (this.readOnly) throw new Error('another tab writes this playground; take over first');
    await this.#commits.drain();
    await this.#fencedWrite([SNAPSHOT, JOURNAL, DAMAGED], write);
    this.#retired = new Error(why);
  }

  /** Waits for queued records, then closes the database and lets another tab write. */
  async close() {
    await this.#commits.drain();
    this.#database.close();
    this.#releaseLock();
  }
}
