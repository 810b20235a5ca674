// DataDirectory: where a node playground keeps its snapshot and journal
// (createDynamoDB({ path }), `cli.js --data-dir DIR`). The engine decides what they hold
// (engine/persist/); this file only stores bytes: it locks the directory against a second
// process, hands the snapshot and journal to the engine on open, appends records with one fsync
// per group of writes, so a write is acknowledged only once it is on disk however many arrive
// together, and folds the journal into a new snapshot once it outgrows the last one.
//
//   DIR/LOCK                 the process that has the directory open (its PID), while it is open
//   DIR/journal.log          the journal of a playground never compacted (docs/formats/journal.md)
//   DIR/snapshot-<N>.snap    generation N's snapshot (docs/formats/snapshot.md), N >= 1
//   DIR/journal-<N>.log      the journal of what changed since snapshot N
//   DIR/<journal>.damaged-<time>  bytes a reopen could not read, kept for inspection
//
// Compaction writes snapshot N+1 under a temporary name, fsyncs it and renames it into place,
// then starts journal N+1; the newest snapshot wins on open, so a crash at any point leaves
// either generation N whole or generation N+1 whole. Older generations are removed after.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

import { Compaction } from './compaction.js';
import { GroupCommit } from './group_commit.js';

const LOCK_FILE = 'LOCK';
const SNAPSHOT_NAME = /^snapshot-(\d+)\.snap$/;

// Generation 0 is a playground never compacted: a journal alone, under its first name.
function journalName(generation) {
  return generation === 0 ? 'journal.log' : `journal-${generation}.log`;
}
function snapshotName(generation) {
  return `snapshot-${generation}.snap`;
}

// The newest generation whose snapshot is in place (0 when there is none).
function newestGeneration(dir) {
  let newest = 0;
  for (const name of fs.readdirSync(dir)) {
    const match = SNAPSHOT_NAME.exec(name);
    if (match) newest = Math.max(newest, Number(match[1]));
  }
  return newest;
}


function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM'; // exists, owned by someone else
  }
}

// Every lock this process holds: a second open of the same directory in this process is
// refused even though the PID in the lock is alive (it is ours).
const heldLocks = new Set();

function inUse(dir, holder) {
  const who = holder === process.pid ? 'this process' : `process ${holder}`;
  return new Error(
    `the data directory ${dir} is in use by ${who}; ` +
      'a playground directory has one writer at a time (stop it, or use another --data-dir)',
  );
}

// Creates DIR/LOCK holding our PID, or explains who holds it. The lock appears whole (a file
// written first, then linked to its name), so no one ever reads it empty; a lock left by a
// process that no longer runs (kill -9, a crash) is moved aside, checked again and removed, so
// two processes taking it over cannot both win.
function acquireLock(dir) {
  const lockPath = path.join(dir, LOCK_FILE);
  if (heldLocks.has(lockPath)) throw inUse(dir, process.pid);
  const unique = `${lockPath}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(unique, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        fs.linkSync(unique, lockPath);
        heldLocks.add(lockPath);
        return lockPath;
      } catch (error) {
        if (error.code !== 'EEXIST') throw error;
      }
      let holder;
      try {
        holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      } catch (error) {
        if (error.code === 'ENOENT') continue; // released meanwhile: try again
        throw error;
      }
      if (holder > 0 && isAlive(holder) && holder !== process.pid) throw inUse(dir, holder);
      // Stale (or a PID this process reuses after a restart): move it aside, and remove it only
      // if what was moved is still that stale lock.
      const aside = `${unique}.stale`;
      try {
        fs.renameSync(lockPath, aside);
      } catch (error) {
        if (error.code === 'ENOENT') continue;
        throw error;
      }
      if (Number.parseInt(fs.readFileSync(aside, 'utf8'), 10) === holder) {
        fs.rmSync(aside, { force: true });
      } else {
        fs.renameSync(aside, lockPath); // someone else's fresh lock: put it back
      }
    }
    throw new Error(`could not lock the data directory ${dir}`);
  } finally {
    fs.rmSync(unique, { force: true });
  }
}

// Removes the lock if it is still ours.
function releaseLock(lockPath) {
  heldLocks.delete(lockPath);
  try {
    if (Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10) === process.pid) fs.rmSync(lockPath, { force: true });
  } catch {
    // Already gone.
  }
}

// Writes all of `bytes` at the handle's position (a write may take only part of them).
async function writeAll(handle, bytes) {
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
    written += bytesWritten;
  }
}

// Creates (or replaces) the file at `filePath` with `bytes`, fsynced.
async function writeFileDurably(filePath, bytes) {
  const file = await fsp.open(filePath, 'w');
  try {
    await writeAll(file, bytes);
    await file.sync();
  } finally {
    await file.close();
  }
}

export class DataDirectory {
  #dir;
  #lockPath;
  #generation;
  #file = null; // FileHandle of the journal, opened for appending
  #compaction = null; // set once the engine holds the state
  #header = null;
  #commits = new GroupCommit(
    (bytes) => this.#storeDurably(bytes),
    (error) => `the data directory ${this.#dir} could not be written: ${error.message}`,
  );

  /** The newest snapshot's bytes as they were on open (null when there is none). */
  snapshot;
  /** The journal's bytes as they were on open (hand them to the engine's restore). */
  journal;

  constructor(dir, lockPath, generation, snapshot, journal) {
    this.#dir = dir;
    this.#lockPath = lockPath;
    this.#generation = generation;
    this.snapshot = snapshot;
    this.journal = journal;
  }

  /** Locks `dir` (creating it if needed) and reads its newest snapshot and its journal. */
  static async open(dir) {
    const absolute = path.resolve(dir);
    await fsp.mkdir(absolute, { recursive: true });
    const lockPath = acquireLock(absolute);
    try {
      const generation = newestGeneration(absolute);
      const read = async (name) => {
        const file = path.join(absolute, name);
        return fs.existsSync(file) ? fsp.readFile(file) : Buffer.alloc(0);
      };
      const snapshot = generation > 0 ? await read(snapshotName(generation)) : null;
      const journal = await read(journalName(generation));
      return new DataDirectory(absolute, lockPath, generation, snapshot, journal);
    } catch (error) {
      releaseLock(lockPath);
      throw error;
    }
  }

  get path() {
    return this.#dir;
  }

  /** The journal appends go to (for messages). */
  get journalPath() {
    return path.join(this.#dir, journalName(this.#generation));
  }

  /**
   * Makes the journal end where its valid bytes end, so appends follow the last good record:
   * unreadable bytes after `validBytes` are first copied to <journal>.damaged-<time>. `header`
   * starts a journal that has none yet. `takeSnapshot()` returns the engine's snapshot, for
   * compaction; `seed`, when given (an imported playground), is written as the first snapshot.
   * Returns the damaged copy's path, if any.
   */
  async prepareForAppend(validBytes, header, takeSnapshot, { seed, compactAfterBytes } = {}) {
    this.#header = header;
    const journalPath = this.journalPath;
    let damagedPath;
    if (validBytes < this.journal.length) {
      // The only copy of the unread bytes is on disk before the journal is cut.
      damagedPath = `${journalPath}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await writeFileDurably(damagedPath, this.journal.subarray(validBytes));
    }
    this.#file = await fsp.open(journalPath, fs.existsSync(journalPath) ? 'r+' : 'w+');
    await this.#file.truncate(validBytes);
    if (validBytes === 0) await writeAll(this.#file, header);
    await this.#file.sync();
    await this.#syncDirectory();
    this.#file.close().catch(() => {});
    this.#file = await fsp.open(journalPath, 'a');
    this.#compaction = new Compaction(takeSnapshot, {
      headerBytes: header.length,
      journalBytes: Math.max(validBytes, header.length),
      snapshotBytes: this.snapshot?.length ?? 0,
      compactAfterBytes,
    });
    this.snapshot = null; // the engine holds the state now; let the bytes go
    this.journal = null;
    if (seed) {
      await this.#compact(seed);
      this.#compaction.compacted(seed.length);
    }
    await this.#removeOtherGenerations();
    return damagedPath;
  }

  /**
   * Appends one record; resolves once it is on disk. Records that arrive while a write is in
   * flight go out together in the next one (group commit).
   */
  append(record) {
    return this.#commits.append(record);
  }

  /**
   * Folds the journal into a new snapshot now, in turn with the writes (db.compact()); resolves
   * once the new snapshot is on disk, rejects with why it could not be made (the journal is
   * kept, and nothing is lost).
   */
  async compact() {
    this.#compaction.request();
    await this.#commits.append(new Uint8Array(0));
    if (this.#compaction.failure) throw this.#compaction.failure;
  }

  /** The write that failed, if one did. */
  get failure() {
    return this.#commits.failure;
  }

  /** The latest write still in flight, for answers that must not run ahead of it. */
  pending() {
    return this.#commits.pending();
  }

  // Called with every record queued so far (wasm/compaction.js decides between a compaction and
  // an append). A compaction that fails once its new generation is in place stops the store.
  #storeDurably(bytes) {
    return this.#compaction.store(bytes, {
      compact: (snapshot) => this.#compact(snapshot),
      append: async (records) => {
        await writeAll(this.#file, records);
        await this.#file.datasync();
      },
      isFatal: (error) => Boolean(error.placed),
      warn: (error) => process.emitWarning(`the journal of ${this.#dir} was kept: ${error.message}`, 'CompactionWarning'),
    });
  }

  async #compact(snapshot) {
    const generation = this.#generation + 1;
    const snapshotPath = path.join(this.#dir, snapshotName(generation));
    const journalPath = path.join(this.#dir, journalName(generation));
    try {
      await writeFileDurably(`${snapshotPath}.tmp`, snapshot);
      await fsp.rename(`${snapshotPath}.tmp`, snapshotPath);
    } catch (error) {
      await fsp.rm(`${snapshotPath}.tmp`, { force: true }).catch(() => {});
      throw error;
    }
    // Renamed: a reopen may find generation N+1 from here on, so its journal must be the one
    // appended to, and a failure now stops the store.
    try {
      await writeFileDurably(journalPath, this.#header);
      await this.#syncDirectory();
      const previous = this.#file;
      this.#file = await fsp.open(journalPath, 'a');
      await previous.close().catch(() => {});
    } catch (error) {
      error.placed = true;
      throw error;
    }
    this.#generation = generation;
    // What is left of generation N is only in the way; failing to remove it changes nothing.
    await this.#removeOtherGenerations();
  }

  // Removes what the current generation replaced (older snapshots and journals, leftovers of a
  // compaction cut short); damaged copies stay for the user.
  async #removeOtherGenerations() {
    const keep = new Set([snapshotName(this.#generation), journalName(this.#generation), LOCK_FILE]);
    let names;
    try {
      names = await fsp.readdir(this.#dir);
    } catch {
      return; // left for the next compaction or open to remove
    }
    for (const name of names) {
      if (keep.has(name) || name.includes('.damaged-')) continue;
      const generational = SNAPSHOT_NAME.test(name) || /^journal(-\d+)?\.log$/.test(name) || /^snapshot-\d+\.snap\.tmp$/.test(name);
      // Best effort: what cannot be removed (say, a directory in the way) is left.
      if (generational) await fsp.rm(path.join(this.#dir, name), { force: true }).catch(() => {});
    }
  }

  /** Waits for queued records, then closes the journal and releases the lock. */
  async close() {
    await this.#commits.drain();
    if (this.#file) await this.#file.close();
    this.#file = null;
    releaseLock(this.#lockPath);
  }

  async #syncDirectory() {
    // A new file's name is durable once its directory is.
    const directory = await fsp.open(this.#dir, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }
}
