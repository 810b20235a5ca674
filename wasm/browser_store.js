// BrowserStore: where the page keeps its playground's journal, IndexedDB, with one writer per
// workspace across tabs. The engine decides what a record holds (engine/persist/); this file only
// stores bytes, as wasm/data_dir.js does for node.
//
//   IndexedDB database "dynamodb-playground:<workspace>"
//     journal  chunks of the journal, in key order; the first one starts with the header
//     damaged  bytes a reopen could not read, kept by time
//     meta     "writer": the number of the tab that may write, raised by each new writer
//   Web Lock "dynamodb-playground:<workspace>"  held by the tab that writes
//
// A change is acknowledged only once the IndexedDB transaction that holds it has completed with
// `durability: 'strict'`; changes that arrive while one commits go together in the next. Every
// write checks, in its own transaction, that this tab is still the writer: a tab that lost the
// lock (or a browser without Web Locks, where every tab believes it writes) fails its next write
// loudly instead of adding to a journal another tab has taken over.

import { GroupCommit, concatBytes } from './group_commit.js';

const PREFIX = 'dynamodb-playground:';
const JOURNAL = 'journal';
const DAMAGED = 'damaged';
const META = 'meta';
const WRITER_KEY = 'writer';

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
  const request = indexedDB.open(name, 2);
  request.onupgradeneeded = () => {
    const database = request.result;
    if (!database.objectStoreNames.contains(JOURNAL)) database.createObjectStore(JOURNAL, { autoIncrement: true });
    if (!database.objectStoreNames.contains(DAMAGED)) database.createObjectStore(DAMAGED);
    if (!database.objectStoreNames.contains(META)) database.createObjectStore(META);
  };
  return promiseOf(request);
}

// Opens as the writer: raises the writer number and reads the journal in one transaction, so
// the journal read is exactly what the previous writer stored before it was fenced off.
async function becomeWriter(database) {
  const transaction = database.transaction([JOURNAL, META], 'readwrite', { durability: 'strict' });
  const done = transactionDone(transaction);
  const meta = transaction.objectStore(META);
  const previous = (await promiseOf(meta.get(WRITER_KEY))) ?? 0;
  meta.put(previous + 1, WRITER_KEY);
  const chunks = await promiseOf(transaction.objectStore(JOURNAL).getAll());
  await done;
  return { writer: previous + 1, chunks };
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

export class BrowserStore {
  #database;
  #releaseLock;
  #writer = 0; // this tab's writer number (0: it never was the writer)
  #retired = null; // set once reset() or replaceWith() replaced the journal under this tab
  #commits = new GroupCommit((bytes) => this.#storeDurably(bytes), describeStorageError);

  /** The journal's bytes as they were on open (hand them to the engine's restore). */
  journal;
  /** The workspace this store keeps. */
  workspace;
  /** True when another tab writes this workspace: this one may only read. */
  readOnly;
  /** Called once if another tab takes the writer's lock from this one. */
  onLostWriter = () => {};

  constructor(database, workspace, journal, lock) {
    this.#database = database;
    this.#releaseLock = lock.release ?? (() => {});
    this.workspace = workspace;
    this.journal = journal;
    this.readOnly = !lock.held;
    lock.lost?.then(() => {
      this.readOnly = true;
      this.onLostWriter();
    });
  }

  /**
   * Opens `workspace`, taking its writer lock if no other tab holds it (or from the tab that
   * does, with `takeOver`), and reads its journal.
   */
  static async open(workspace = 'default', { takeOver = false } = {}) {
    const lock = await requestWriterLock(PREFIX + workspace, takeOver);
    const database = await openDatabase(PREFIX + workspace);
    let writer = 0;
    let chunks;
    if (lock.held) {
      ({ writer, chunks } = await becomeWriter(database));
    } else {
      chunks = await promiseOf(database.transaction(JOURNAL, 'readonly').objectStore(JOURNAL).getAll());
    }
    const store = new BrowserStore(database, workspace, concatBytes(chunks.map((chunk) => new Uint8Array(chunk))), lock);
    store.#writer = writer;
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
   * leaves either the old journal or the new one.
   */
  async prepareForAppend(validBytes, header) {
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

  async #storeDurably(bytes) {
    await this.#fencedWrite([JOURNAL], (transaction) => transaction.objectStore(JOURNAL).add(bytes));
  }

  /** The whole journal as it is stored once every queued record is (for an export). */
  async exportBytes() {
    await this.#commits.drain();
    const transaction = this.#database.transaction(JOURNAL, 'readonly');
    const chunks = await promiseOf(transaction.objectStore(JOURNAL).getAll());
    return concatBytes(chunks.map((chunk) => new Uint8Array(chunk)));
  }

  /**
   * Replaces the workspace's journal with `journal` (an imported playground, already checked):
   * one transaction, so the old one stays whole if it fails. The page reloads afterwards.
   */
  async replaceWith(journal) {
    await this.#retire('a playground was opened from a file in this tab; reload it', (transaction) => {
      transaction.objectStore(JOURNAL).clear();
      transaction.objectStore(JOURNAL).add(journal);
    });
  }

  /** Deletes the workspace's journal (and what was kept of damaged ones): a fresh playground. */
  async reset() {
    await this.#retire('this playground was reset in this tab; reload it', (transaction) => {
      transaction.objectStore(JOURNAL).clear();
      transaction.objectStore(DAMAGED).clear();
    });
  }

  // Replaces what is stored, from the writing tab only, once its queued changes are stored;
  // afterwards this tab's engine (which holds the old state) answers nothing more.
  async #retire(why, write) {
    if (this.readOnly) throw new Error('another tab writes this playground; take over first');
    await this.#commits.drain();
    await this.#fencedWrite([JOURNAL, DAMAGED], write);
    this.#retired = new Error(why);
  }

  /** Waits for queued records, then closes the database and lets another tab write. */
  async close() {
    await this.#commits.drain();
    this.#database.close();
    this.#releaseLock();
  }
}
