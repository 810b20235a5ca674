// Long simulations in pieces (web/js/simulation_runner.js): the pieces cover exactly the
// request's seconds and spike (a seeded property), and run through the engine they add up to
// what one call gives.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { createDynamoDB } from '../../wasm/index.js';
import { PIECE_REQUESTS, planSimulation, runPieces } from '../../web/js/simulation_runner.js';
import { seededRandom } from './support/seeded_random.js';

// Seconds of the run, each marked with its multiplier, as the engine's loop would see them.
function secondsOf(pieces) {
  const seconds = [];
  for (const piece of pieces) {
    for (let s = 0; s < Math.floor(piece.DurationSeconds); s++) {
      const spike = piece.Spike;
      const spiking = spike && s >= spike.StartSecond && s < spike.StartSecond + spike.DurationSeconds;
      seconds.push(spiking ? spike.Multiplier : 1);
    }
  }
  return seconds;
}

describe('planSimulation', () => {
  test('short or invalid requests go as one call', () => {
    assert.equal(planSimulation({ DurationSeconds: 10, RequestsPerSecond: 2000 }), null);
    assert.equal(planSimulation({ DurationSeconds: 3601, RequestsPerSecond: 1000 }), null);
    assert.equal(planSimulation({ DurationSeconds: 3600, RequestsPerSecond: 5000 }), null); // past 10 M: the engine says so
    assert.equal(planSimulation({ DurationSeconds: '600', RequestsPerSecond: 1000 }), null);
  });

  test('pieces cover the same seconds and the same spike (seeded)', () => {
    const next = seededRandom(11);
    for (let round = 0; round < 300; round++) {
      const duration = 1 + Math.floor(next() * 3600);
      const rate = 1 + Math.floor(next() * 3000);
      const spike = next() < 0.5
        ? { StartSecond: Math.floor(next() * duration), DurationSeconds: Math.floor(next() * duration), Multiplier: 1 + Math.floor(next() * 5) }
        : undefined;
      const input = { TableName: 'T', DurationSeconds: duration, RequestsPerSecond: rate, Seed: 7, ...(spike ? { Spike: spike } : {}) };
      const pieces = planSimulation(input);
      if (pieces === null) {
        const total = rate * (spike?.Multiplier ?? 1) * duration;
        assert.ok(total <= PIECE_REQUESTS || total > 10_000_000, JSON.stringify(input));
        continue;
      }
      assert.deepEqual(secondsOf(pieces), secondsOf([input]), JSON.stringify(input));
      assert.equal(pieces.reduce((sum, piece) => sum + piece.DurationSeconds, 0), duration);
      pieces.forEach((piece, i) => {
        assert.equal(piece.Seed, 7 + i);
        assert.ok(piece.DurationSeconds >= 1);
        assert.ok(piece.RequestsPerSecond * (spike?.Multiplier ?? 1) * piece.DurationSeconds <= Math.max(PIECE_REQUESTS, rate * (spike?.Multiplier ?? 1)));
      });
    }
  });
});

describe('runPieces', () => {
  async function engineWithTable() {
    const db = await createDynamoDB();
    await db.send('Playground.SetClock', { Mode: 'VIRTUAL', Now: 1800000000 });
    await db.send('CreateTable', {
      TableName: 'Load', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    });
    return db;
  }
  const input = {
    TableName: 'Load', DurationSeconds: 300, RequestsPerSecond: 1000, Operations: { PutItem: 1 }, ItemSizeBytes: 100,
    KeyDistribution: { Type: 'UNIFORM', KeyCount: 100000 }, Spike: { StartSecond: 100, DurationSeconds: 50, Multiplier: 2 },
  };

  test('the pieces add up to what one call gives', async () => {
    const whole = await engineWithTable();
    const one = await whole.send('Playground.SimulateWorkload', input);
    const pieced = await engineWithTable();
    const progress = [];
    const run = await runPieces(pieced, planSimulation(input), { onProgress: (done, total) => progress.push([done, total]) });
    assert.equal(run.cancelled, false);
    for (const field of ['Requests', 'Succeeded', 'Throttled', 'Failed', 'ConsumedWriteCapacityUnits', 'StartTime', 'EndTime', 'Partitions']) {
      assert.equal(run.output[field], one[field], field);
    }
    assert.ok(Math.abs(run.output.Cost.OnDemand - one.Cost.OnDemand) < 1e-12);
    assert.equal(progress.at(-1)[0], 300);
    assert.ok(progress.length > 1);
    await whole.close();
    await pieced.close();
  });

  test('a cancelled run stops between pieces and reports what ran', async () => {
    const db = await engineWithTable();
    let pieces = 0;
    const run = await runPieces(db, planSimulation(input), { onProgress: () => pieces++, isCancelled: () => pieces >= 1 });
    assert.equal(run.cancelled, true);
    assert.ok(run.seconds > 0 && run.seconds < 300);
    assert.equal(run.output.Requests, run.seconds * 1000);
    // The clock stopped where the last piece that ran ended.
    const { Now } = await db.send('Playground.SetClock', { Mode: 'VIRTUAL' });
    assert.equal(Now, run.output.EndTime);
    await db.close();
  });

  test('an error in a piece is the engine\'s', async () => {
    const db = await engineWithTable();
    await assert.rejects(runPieces(db, planSimulation({ ...input, TableName: 'Missing' })), { name: 'ResourceNotFoundException' });
    await db.close();
  });
});
