// DataDirectory: where a node playground keeps its journal (createDynamoDB({ path }),
// `cli.js --data-dir DIR`). The engine decides what a record holds (engine/persist/); this file
// only stores bytes: it locks the directory against a second process, hands the journal to the
// engine on open, and appends records with one fsync per group of writes, so a write is
// acknowledged only once it is on disk however many arrive together.
//
//   DIR/LOCK         the process that has the directory open (its PID), while it is open
//   DIR/journal.log  the journal (docs/formats/journal.md)
//   DIR/journal.log.damaged-<time>  bytes a reopen could not read, kept for inspection

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

import { GroupCommit } from './group_commit.js';

const LOCK_FILE = 'LOCK';
const JOURNAL_FILE = 'journal.log';

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

export class DataDirectory {
  #dir;
  #lockPath;
  #file = null; // FileHandle of the journal, opened for appending
  #commits = new GroupCommit(
    (bytes) => this.#appendDurably(bytes),
    (error) => `the data directory ${this.#dir} could not be written: ${error.message}`,
  );

  /** The journal's bytes as they were on open (hand them to the engine's restore). */
  journal;

  constructor(dir, lockPath, journal) {
    this.#dir = dir;
    this.#lockPath = lockPath;
    this.journal = journal;
  }

  /** Locks `dir` (creating it if needed) and reads its journal. */
  static async open(dir) {
    const absolute = path.resolve(dir);
    await fsp.mkdir(absolute, { recursive: true });
    const lockPath = acquireLock(absolute);
    try {
      const journalPath = path.join(absolute, JOURNAL_FILE);
      const journal = fs.existsSync(journalPath) ? await fsp.readFile(journalPath) : Buffer.alloc(0);
      return new DataDirectory(absolute, lockPath, journal);
    } catch (error) {
      releaseLock(lockPath);
      throw error;
    }
  }

  get path() {
    return this.#dir;
  }

  /**
   * Makes the journal end where its valid bytes end, so appends follow the last good record:
   * unreadable bytes after `validBytes` are first copied to journal.log.damaged-<time>.
   * `header` starts a journal that has none yet, or `seed` (an imported journal, header
   * included) when given. Returns the damaged copy's path, if any.
   */
  async prepareForAppend(validBytes, header, seed) {
    const journalPath = path.join(this.#dir, JOURNAL_FILE);
    let damagedPath;
    if (validBytes < this.journal.length) {
      // The only copy of the unread bytes is on disk before the journal is cut.
      damagedPath = `${journalPath}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      const copy = await fsp.open(damagedPath, 'w');
      try {
        await writeAll(copy, this.journal.subarray(validBytes));
        await copy.sync();
      } finally {
        await copy.close();
      }
    }
    this.#file = await fsp.open(journalPath, fs.existsSync(journalPath) ? 'r+' : 'w+');
    await this.#file.truncate(validBytes);
    if (validBytes === 0) {
      // A new directory starts with the header, or with an imported journal.
      await writeAll(this.#file, seed ?? header);
    }
    await this.#file.sync();
    await this.#syncDirectory();
    this.#file.close().catch(() => {});
    this.#file = await fsp.open(journalPath, 'a');
    this.journal = null; // the engine holds the state now; let the bytes go
    return damagedPath;
  }

  /**
   * Appends one record; resolves once it is on disk. Records that arrive while a write is in
   * flight go out together in the next one (group commit).
   */
  append(record) {
    return this.#commits.append(record);
  }

  /** The write that failed, if one did. */
  get failure() {
    return this.#commits.failure;
  }

  /** The latest write still in flight, for answers that must not run ahead of it. */
  pending() {
    return this.#commits.pending();
  }

  async #appendDurably(bytes) {
    await writeAll(this.#file, bytes);
    await this.#file.datasync();
  }

  /** The whole journal as it is on disk once every queued record is (for an export). */
  async exportBytes() {
    await this.#commits.drain();
    return new Uint8Array(await fsp.readFile(path.join(this.#dir, JOURNAL_FILE)));
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
