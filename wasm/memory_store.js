// MemoryStore: the store of a playground that lives in memory only (no `path`, no `workspace`).
// Nothing touches a disk and the engine keeps no journal: an export is the engine's snapshot,
// as for a persistent playground. Every answer is final at once.

export class MemoryStore {
  get failure() {
    return null;
  }

  /** Nothing is ever in flight. */
  pending() {
    return undefined;
  }

  /** Nothing to fold: there is no journal. */
  async compact() {}

  async close() {}
}
