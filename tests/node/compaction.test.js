// When a store compacts (wasm/compaction.js), with the writes recorded instead of performed: the
// data directory and IndexedDB tests (persistence.test.js) cover the real writes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Compaction } from '../../wasm/compaction.js';

const bytes = (n) => new Uint8Array(n);

// A compaction policy over a store that logs what it was asked to write.
function policy({ snapshotBytes = 0, compactAfterBytes = 100, failWith } = {}) {
  const log = [];
  const compaction = new Compaction(() => bytes(40), { headerBytes: 16, journalBytes: 16, snapshotBytes, compactAfterBytes });
  const store = (n) =>
    compaction.store(bytes(n), {
      compact: async (snapshot) => {
        if (failWith) throw failWith;
        log.push(`snapshot ${snapshot.length}`);
      },
      append: async (records) => log.push(`append ${records.length}`),
      isFatal: (error) => error.fatal === true,
      warn: (error) => log.push(`warn ${error.message}`),
    });
  return { compaction, store, log };
}

describe('compaction policy', () => {
  it('appends until the journal outgrows both the threshold and the snapshot, then compacts', async () => {
    const { store, log } = policy({ snapshotBytes: 150 });
    await store(50); // journal 66
    await store(80); // 146: past 100, not past the snapshot's 150
    await store(10); // 156: past both
    await store(10); // a fresh journal of 16 + 10
    assert.deepEqual(log, ['append 50', 'append 80', 'snapshot 40', 'append 10']);
  });

  it('compacts when asked, whatever the sizes', async () => {
    const { compaction, store, log } = policy();
    compaction.request();
    await store(0);
    await store(1);
    assert.deepEqual(log, ['snapshot 40', 'append 1']);
  });

  it('keeps the journal when a compaction fails, and waits for it to double before trying again', async () => {
    const failure = new Error('disk full');
    const { compaction, store, log } = policy({ compactAfterBytes: 10, failWith: failure });
    await store(20); // 36 > 10: tries, fails, appends; next try past 2 x 36
    assert.equal(compaction.failure, failure);
    await store(30); // 66
    await store(10); // 76: past 72
    assert.deepEqual(log, ['warn disk full', 'append 20', 'append 30', 'warn disk full', 'append 10']);
  });

  it('a fatal failure is not appended over: it fails the store', async () => {
    const fatal = Object.assign(new Error('placed, then lost'), { fatal: true });
    const { compaction, store, log } = policy({ failWith: fatal });
    compaction.request();
    await assert.rejects(store(5), fatal);
    assert.deepEqual(log, []);
  });
});
