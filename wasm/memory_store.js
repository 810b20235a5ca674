// MemoryStore: the journal of a playground that lives in memory only (no `path`, no
// `workspace`). Nothing touches a disk; the journal is kept so that the playground can be
// exported (`db.exportSnapshot()`) like a persistent one. A change is "stored" at once.

import { concatBytes } from './group_commit.js';

export class MemoryStore {
  #chunks;

  /** `journal`: the valid bytes the playground was restored from (with the header), if any. */
  constructor(header, journal) {
    this.#chunks = [journal?.length ? journal : header];
  }

  get failure() {
    return null;
  }

  /** Nothing is ever in flight. */
  pending() {
    return undefined;
  }

  /** Keeps `record`; returns nothing, as there is nothing to wait for. */
  append(record) {
    this.#chunks.push(record);
    return undefined;
  }

  /** The whole journal, header first. */
  async exportBytes() {
    if (this.#chunks.length > 1) this.#chunks = [concatBytes(this.#chunks)];
    return this.#chunks[0].slice();
  }

  async close() {}
}
