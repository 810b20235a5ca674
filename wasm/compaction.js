// Compaction: when a store folds its journal into a new snapshot, and what happens when it
// cannot. Shared by wasm/data_dir.js (node) and wasm/browser_store.js (the page), which only say
// how a snapshot and a journal record are written (docs/formats/snapshot.md, "Compaction").

// The journal folds into a new snapshot once it is larger than the last snapshot and than
// this, so compaction costs at most as much again as the writes it saves replaying.
export const DEFAULT_COMPACT_AFTER_BYTES = 16 * 1024 * 1024;

export class Compaction {
  #takeSnapshot;
  #headerBytes;
  #journalBytes;
  #snapshotBytes;
  #afterBytes;
  #requested = false;

  /** Why the last compaction did not happen (the journal was kept), or null. */
  failure = null;

  /**
   * `takeSnapshot()` returns the engine's snapshot bytes; a journal starts with `headerBytes`;
   * the store holds a journal of `journalBytes` and a snapshot of `snapshotBytes` (0: none).
   */
  constructor(takeSnapshot, { headerBytes, journalBytes, snapshotBytes, compactAfterBytes = DEFAULT_COMPACT_AFTER_BYTES }) {
    this.#takeSnapshot = takeSnapshot;
    this.#headerBytes = headerBytes;
    this.#journalBytes = journalBytes;
    this.#snapshotBytes = snapshotBytes;
    this.#afterBytes = compactAfterBytes;
  }

  /** Makes the next store() compact, whatever the sizes (db.compact()). */
  request() {
    this.#requested = true;
  }

  /** A snapshot of `bytes` and an empty journal were stored. */
  compacted(bytes) {
    this.#journalBytes = this.#headerBytes;
    this.#snapshotBytes = bytes;
    this.failure = null;
  }

  /**
   * Stores `records` (everything the group commit queued, handed over before anything else ran,
   * so the engine's state is exactly what they leave): `compact(snapshot)` when the journal has
   * outgrown the snapshot or one was requested, else `append(records)`. A compaction that fails
   * with an error `isFatal` does not accept (the new snapshot may be in place) fails the store;
   * any other appends the records instead, tells `warn`, and is tried again once the journal
   * has doubled.
   */
  async store(records, { compact, append, isFatal, warn }) {
    const outgrown = this.#journalBytes + records.length > Math.max(this.#afterBytes, this.#snapshotBytes);
    if (this.#requested || outgrown) {
      this.#requested = false;
      try {
        const snapshot = this.#takeSnapshot();
        await compact(snapshot);
        this.compacted(snapshot.length);
        return;
      } catch (error) {
        if (isFatal(error)) throw error;
        this.failure = error;
        this.#snapshotBytes = 2 * (this.#journalBytes + records.length);
        warn(error);
      }
    }
    await append(records);
    this.#journalBytes += records.length;
  }
}
