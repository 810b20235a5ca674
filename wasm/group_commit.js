// GroupCommit: the acknowledgement rule both stores share (wasm/data_dir.js for node,
// wasm/browser_store.js for the page). Records queue in the order the engine made them; one
// write at a time takes everything queued so far, so concurrent changes share a write (an
// fsync, an IndexedDB transaction) and each resolves only once its write is durable. After a
// failed write every later append fails too: the engine then holds state the storage does not.

export class GroupCommit {
  #writeBatch;
  #describeFailure;
  #queue = [];
  #waiters = [];
  #writing = false;
  #failure = null;
  #latest = null; // the promise of the latest append

  /**
   * `writeBatch(bytes)` makes bytes durable (resolves when they are); `describeFailure(error)`
   * says what went wrong in the user's words.
   */
  constructor(writeBatch, describeFailure) {
    this.#writeBatch = writeBatch;
    this.#describeFailure = describeFailure;
  }

  /** The write that failed, if one did. */
  get failure() {
    return this.#failure;
  }

  /** Queues one record; resolves once it is durable, rejects if it could not be stored. */
  append(record) {
    if (this.#failure) return Promise.reject(this.#failure);
    this.#latest = new Promise((resolve, reject) => {
      this.#queue.push(record);
      this.#waiters.push({ resolve, reject });
      if (!this.#writing) this.#writeQueued();
    });
    return this.#latest;
  }

  /**
   * The latest append while it (or one before it) is still being written, else undefined: an
   * answer computed from state that includes those records waits for it, so nothing a client
   * sees can vanish in a crash.
   */
  pending() {
    return this.#writing || this.#queue.length ? this.#latest : undefined;
  }

  /** Resolves once nothing is queued or being written. */
  async drain() {
    while (this.#writing || this.#queue.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }

  async #writeQueued() {
    this.#writing = true;
    while (this.#queue.length && !this.#failure) {
      const records = this.#queue;
      const waiters = this.#waiters;
      this.#queue = [];
      this.#waiters = [];
      try {
        await this.#writeBatch(concatBytes(records));
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        this.#failure = new Error(this.#describeFailure(error));
        for (const waiter of [...waiters, ...this.#waiters]) waiter.reject(this.#failure);
        this.#queue = [];
        this.#waiters = [];
      }
    }
    this.#writing = false;
  }
}

/** One Uint8Array holding `chunks` in order. */
export function concatBytes(chunks) {
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
