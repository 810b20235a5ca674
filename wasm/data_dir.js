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

// Creates DIR/LOCK holding our PID, or explains who holds it. A lock left by a process that no
// longer runs (kill -9, a crash) is taken over.
function acquireLock(dir) {
  const lockPath = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      return lockPath;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      const who = holder === process.pid ? 'this process' : `process ${holder}`;
      throw new Error(
        `the data directory ${dir} is in use by ${who}; ` +
          'a playground directory has one writer at a time (stop it, or use another --data-dir)',
      );
    }
    fs.rmSync(lockPath, { force: true }); // stale: its process is gone
  }
  throw new Error(`could not lock the data directory ${dir}`);
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
      fs.rmSync(lockPath, { force: true });
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
      damagedPath = `${journalPath}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await fsp.writeFile(damagedPath, this.journal.subarray(validBytes));
    }
    this.#file = await fsp.open(journalPath, fs.existsSync(journalPath) ? 'r+' : 'w+');
    await this.#file.truncate(validBytes);
    if (validBytes === 0) {
      // A new directory starts with the header, or with an imported journal.
      const first = seed ?? header;
      await this.#file.write(first, 0, first.length, 0);
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

  async #appendDurably(bytes) {
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await this.#file.write(bytes, written, bytes.length - written);
      written += bytesWritten;
    }
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
    fs.rmSync(this.#lockPath, { force: true });
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
