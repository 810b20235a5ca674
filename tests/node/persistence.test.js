// A playground kept in a data directory: createDynamoDB({ path }) and `cli.js --data-dir`.
// Real files, a real second process, a real `kill -9`.
//
// DDBPG_KILL_LOOPS sets how many kill -9 rounds run (default 3); a longer run:
//   DDBPG_KILL_LOOPS=200 node --test tests/node/persistence.test.js

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

import { createDynamoDB } from '../../wasm/index.js';
import { REPOSITORY_ROOT, callEndpoint, startCli } from './support/cli_process.js';

const run = promisify(execFile);
const KILL_LOOPS = Number(process.env.DDBPG_KILL_LOOPS ?? 3);

// A new data directory, removed once test `t` has ended, passed or failed: the test's reopens
// and second processes all come before then.
function freshDirectory(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddbpg-data-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const MUSIC = {
  TableName: 'Music',
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [
    { AttributeName: 'Artist', KeyType: 'HASH' },
    { AttributeName: 'Song', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'Artist', AttributeType: 'S' },
    { AttributeName: 'Song', AttributeType: 'S' },
    { AttributeName: 'Genre', AttributeType: 'S' },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: 'ByGenre',
      KeySchema: [{ AttributeName: 'Genre', KeyType: 'HASH' }],
      Projection: { ProjectionType: 'ALL' },
    },
  ],
  StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
};

// Everything a user could look at, asked the same way of two playgrounds.
async function everything(db) {
  const seen = {};
  seen.clock = (await db.send('Playground.GetMetrics', { TableName: 'Music' })).Now;
  seen.tables = await db.send('ListTables', {});
  for (const name of seen.tables.TableNames) {
    seen[name] = {
      table: (await db.send('DescribeTable', { TableName: name })).Table,
      items: (await db.send('Scan', { TableName: name, ConsistentRead: true })).Items,
      ttl: await db.send('DescribeTimeToLive', { TableName: name }),
    };
  }
  const byGenre = await db.send('Query', {
    TableName: 'Music',
    IndexName: 'ByGenre',
    KeyConditionExpression: 'Genre = :g',
    ExpressionAttributeValues: { ':g': { S: 'Rock' } },
  });
  seen.byGenre = byGenre.Items;
  const streamArn = seen.Music.table.LatestStreamArn;
  const { StreamDescription } = await db.send('DynamoDBStreams_20120810.DescribeStream', { StreamArn: streamArn });
  const records = [];
  for (const shard of StreamDescription.Shards) {
    const { ShardIterator } = await db.send('DynamoDBStreams_20120810.GetShardIterator', {
      StreamArn: streamArn,
      ShardId: shard.ShardId,
      ShardIteratorType: 'TRIM_HORIZON',
    });
    records.push(...(await db.send('DynamoDBStreams_20120810.GetRecords', { ShardIterator })).Records);
  }
  seen.streamRecords = records;
  return seen;
}

describe('createDynamoDB({ path })', () => {
  it('restores tables, indexes, items, stream records, TTL and the clock', async (t) => {
    const dir = freshDirectory(t);
    const first = await createDynamoDB({ path: dir });
    assert.deepEqual(first.restored.records, 0);
    await first.send('Playground.SetClock', { Mode: 'VIRTUAL', Now: 1767225600 });
    await first.send('CreateTable', MUSIC);
    await first.send('UpdateTimeToLive', {
      TableName: 'Music',
      TimeToLiveSpecification: { Enabled: true, AttributeName: 'ExpiresAt' },
    });
    for (let i = 0; i < 20; i++) {
      await first.send('PutItem', {
        TableName: 'Music',
        Item: {
          Artist: { S: `Artist ${i % 4}` },
          Song: { S: `Song ${i}` },
          Genre: { S: i % 2 ? 'Rock' : 'Jazz' },
          ...(i === 3 && { ExpiresAt: { N: '1767225610' } }),
        },
      });
    }
    await first.send('UpdateItem', {
      TableName: 'Music',
      Key: { Artist: { S: 'Artist 1' }, Song: { S: 'Song 1' } },
      UpdateExpression: 'SET Plays = :n',
      ExpressionAttributeValues: { ':n': { N: '7' } },
    });
    await first.send('DeleteItem', { TableName: 'Music', Key: { Artist: { S: 'Artist 2' }, Song: { S: 'Song 2' } } });
    await first.send('Playground.AdvanceClock', { Seconds: 120 }); // song 3 expires and is swept
    const before = await everything(first);
    assert.equal(before.Music.items.length, 18);
    await first.close();

    const second = await createDynamoDB({ path: dir });
    assert.ok(second.restored.records >= 25, JSON.stringify(second.restored));
    assert.equal(second.restored.damage, undefined);
    assert.deepEqual(await everything(second), before);
    // It goes on from there, and that is kept too.
    await second.send('PutItem', { TableName: 'Music', Item: { Artist: { S: 'New' }, Song: { S: 'One' } } });
    await second.close();
    const third = await createDynamoDB({ path: dir });
    const { Count } = await third.send('Scan', { TableName: 'Music', Select: 'COUNT' });
    assert.equal(Count, 19);
    await third.close();
  });

  it('locks the directory against a second opener, in this process and in another', async (t) => {
    const dir = freshDirectory(t);
    const db = await createDynamoDB({ path: dir });
    await assert.rejects(createDynamoDB({ path: dir }), {
      message: `the data directory ${dir} is in use by this process; a playground directory has one writer at a time (stop it, or use another --data-dir)`,
    });
    const { stderr } = await run(process.execPath, ['wasm/cli.js', '--port', '0', '--data-dir', dir], {
      cwd: REPOSITORY_ROOT,
    }).catch((error) => error);
    assert.match(stderr, new RegExp(`in use by process ${process.pid};`));
    await db.close();
    // Closed, it opens again.
    const again = await createDynamoDB({ path: dir });
    await again.close();
  });

  it('takes over a lock whose process is gone', async (t) => {
    const dir = freshDirectory(t);
    const child = await run(process.execPath, ['-e', 'console.log(process.pid)']);
    fs.writeFileSync(path.join(dir, 'LOCK'), child.stdout);
    const db = await createDynamoDB({ path: dir });
    assert.equal(fs.readFileSync(path.join(dir, 'LOCK'), 'utf8').trim(), String(process.pid));
    await db.close();
    assert.equal(fs.existsSync(path.join(dir, 'LOCK')), false);
  });

  it('takes over a lock that names this very PID (a restarted container) but is not held', async (t) => {
    const dir = freshDirectory(t);
    fs.writeFileSync(path.join(dir, 'LOCK'), `${process.pid}\n`);
    const db = await createDynamoDB({ path: dir });
    await db.close();
    assert.equal(fs.existsSync(path.join(dir, 'LOCK')), false);
  });

  it('opens a journal with a damaged end: the valid part, a message, and the rest kept aside', async (t) => {
    const dir = freshDirectory(t);
    const db = await createDynamoDB({ path: dir });
    await db.send('CreateTable', { ...MUSIC, StreamSpecification: undefined });
    await db.send('PutItem', { TableName: 'Music', Item: { Artist: { S: 'A' }, Song: { S: 'kept' } } });
    await db.close();
    const journal = path.join(dir, 'journal.log');
    const garbage = Buffer.from([0x20, 0, 0, 0, 1, 2, 3, 4, 5]); // a record cut short
    fs.appendFileSync(journal, garbage);

    const reopened = await createDynamoDB({ path: dir });
    assert.equal(reopened.restored.records, 2);
    assert.equal(reopened.restored.damage, 'the last 9 bytes are an incomplete record (a write cut short)');
    assert.deepEqual(fs.readFileSync(reopened.restored.damagedCopy), garbage);
    const { Items } = await reopened.send('Scan', { TableName: 'Music' });
    assert.deepEqual(Items, [{ Artist: { S: 'A' }, Song: { S: 'kept' } }]);
    // New writes follow the last good record, so they are readable next time.
    await reopened.send('PutItem', { TableName: 'Music', Item: { Artist: { S: 'A' }, Song: { S: 'after' } } });
    await reopened.close();
    const last = await createDynamoDB({ path: dir });
    assert.equal(last.restored.damage, undefined);
    assert.equal((await last.send('Scan', { TableName: 'Music', Select: 'COUNT' })).Count, 2);
    await last.close();
  });

  it('refuses a file that is not its journal, and leaves it as it was', async (t) => {
    const dir = freshDirectory(t);
    const foreign = Buffer.from('SQLite format 3\0 this is somebody else\'s database');
    fs.writeFileSync(path.join(dir, 'journal.log'), foreign);
    await assert.rejects(createDynamoDB({ path: dir }), {
      message: `cannot open the data directory ${dir}: not a DynamoDB Playground journal; its files were left as they are`,
    });
    assert.deepEqual(fs.readFileSync(path.join(dir, 'journal.log')), foreign);
    assert.equal(fs.existsSync(path.join(dir, 'LOCK')), false);
  });

  it('folds its journal into a snapshot once it outgrows it, and reopens from the snapshot', async (t) => {
    const dir = freshDirectory(t);
    const db = await musicPlayground({ path: dir, compactAfterBytes: 2048 });
    await sameAnswers(db, await musicPlayground(), 150);
    const generations = (names) => names.filter((name) => /^(snapshot-\d+\.snap|journal(-\d+)?\.log)$/.test(name)).sort();
    const [journalName, snapshotName] = generations(fs.readdirSync(dir));
    const generation = Number(/^snapshot-(\d+)\.snap$/.exec(snapshotName)[1]);
    assert.ok(generation >= 1, 'the journal was never folded');
    assert.equal(journalName, `journal-${generation}.log`, 'one snapshot and its journal, nothing older');
    assert.ok(fs.statSync(path.join(dir, journalName)).size <= Math.max(2048, fs.statSync(path.join(dir, snapshotName)).size));
    const before = await everything(db);
    await db.close();

    const reopened = await createDynamoDB({ path: dir });
    assert.equal(reopened.restored.snapshot.tables, 1);
    assert.deepEqual(await everything(reopened), before);
    // db.compact() folds now: the next generation, its journal only a header.
    await reopened.compact();
    assert.deepEqual(generations(fs.readdirSync(dir)), [`journal-${generation + 1}.log`, `snapshot-${generation + 1}.snap`]);
    assert.equal(fs.statSync(path.join(dir, `journal-${generation + 1}.log`)).size, 16);
    await reopened.close();
    const again = await createDynamoDB({ path: dir });
    assert.equal(again.restored.records, 0);
    assert.deepEqual(await everything(again), before);
    await again.close();
  });

  it('a compaction cut short at any step leaves one whole generation', async (t) => {
    const dir = freshDirectory(t);
    const db = await musicPlayground({ path: dir });
    await db.compact();
    await db.send('PutItem', { TableName: 'Music', Item: { Artist: { S: 'After' }, Song: { S: 'the snapshot' } } });
    const state = await everything(db);
    await db.close();
    // Cut short before the rename: a temporary snapshot is left, and is not used.
    fs.writeFileSync(path.join(dir, 'snapshot-2.snap.tmp'), 'half a snapshot');
    let reopened = await createDynamoDB({ path: dir });
    assert.deepEqual(await everything(reopened), state);
    assert.equal(fs.existsSync(path.join(dir, 'snapshot-2.snap.tmp')), false, 'the leftover is removed');
    const snapshot = await reopened.exportSnapshot();
    await reopened.close();
    // Cut short after the rename, before the new journal: the new snapshot holds everything.
    fs.writeFileSync(path.join(dir, 'snapshot-7.snap'), snapshot);
    reopened = await createDynamoDB({ path: dir });
    assert.equal(reopened.restored.records, 0);
    assert.deepEqual(await everything(reopened), state);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['LOCK', 'journal-7.log', 'snapshot-7.snap']);
    await reopened.close();
  });

  it('keeps the journal when a compaction cannot be written, and loses nothing', async (t) => {
    const dir = freshDirectory(t);
    const db = await musicPlayground({ path: dir });
    // A directory where the new snapshot's temporary file would go: writing it fails.
    fs.mkdirSync(path.join(dir, 'snapshot-1.snap.tmp'));
    await assert.rejects(db.compact(), { code: 'EISDIR' });
    await db.send('PutItem', { TableName: 'Music', Item: { Artist: { S: 'Still' }, Song: { S: 'stored' } } });
    const state = await everything(db);
    await db.close();
    assert.ok(fs.existsSync(path.join(dir, 'journal.log')));
    const reopened = await createDynamoDB({ path: dir });
    assert.deepEqual(await everything(reopened), state);
    await reopened.close();
  });

  it('refuses an empty snapshot file rather than open a playground without it', async (t) => {
    const dir = freshDirectory(t);
    const db = await musicPlayground({ path: dir });
    await db.compact();
    await db.close();
    fs.writeFileSync(path.join(dir, 'snapshot-1.snap'), '');
    await assert.rejects(createDynamoDB({ path: dir }), {
      message: /^cannot open the data directory .*: the snapshot is empty; its files were left as they are$/,
    });
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.log', 'snapshot-1.snap']);
  });

  it('refuses a damaged snapshot and leaves every file as it was', async (t) => {
    const dir = freshDirectory(t);
    const db = await musicPlayground({ path: dir });
    await db.compact();
    await db.close();
    const snapshotPath = path.join(dir, 'snapshot-1.snap');
    const damaged = fs.readFileSync(snapshotPath);
    damaged[200] ^= 0xff;
    fs.writeFileSync(snapshotPath, damaged);
    await assert.rejects(createDynamoDB({ path: dir }), {
      message: /^cannot open the data directory .*: the record at byte \d+ fails its checksum; .*its files were left as they are$/,
    });
    assert.deepEqual(fs.readFileSync(snapshotPath), damaged);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['journal-1.log', 'snapshot-1.snap']);
  });

  it('keeps nothing on disk without a path', async () => {
    const db = await createDynamoDB();
    assert.equal(db.restored, undefined);
    const answer = db.handle('DynamoDB_20120810.CreateTable', JSON.stringify({ ...MUSIC, TableName: 'Memory' }));
    assert.equal(answer.status, 200);
    assert.equal(answer.durable, undefined);
    await db.close();
  });
});

// Every key of the Burst table, through a paginated consistent Scan.
async function storedKeys(endpoint) {
  const keys = new Set();
  let start;
  do {
    const { body } = await callEndpoint(endpoint, 'DynamoDB_20120810.Scan', {
      TableName: 'Burst',
      ConsistentRead: true,
      ProjectionExpression: 'pk',
      ...(start && { ExclusiveStartKey: start }),
    });
    for (const item of body.Items) keys.add(item.pk.S);
    start = body.LastEvaluatedKey;
  } while (start);
  return keys;
}

// The same random requests to two playgrounds, answer for answer (DDBPG_MODEL_SEED replays).
async function sameAnswers(a, b, count, seed = Number(process.env.DDBPG_MODEL_SEED ?? 11)) {
  let state = seed;
  const next = (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  for (let i = 0; i < count; i++) {
    const key = { Artist: { S: `Artist ${next(5)}` }, Song: { S: `Song ${next(8)}` } };
    const requests = [
      ['PutItem', { TableName: 'Music', Item: { ...key, Genre: { S: next(2) ? 'Rock' : 'Jazz' } } }],
      ['UpdateItem', { TableName: 'Music', Key: key, UpdateExpression: 'ADD Plays :one', ExpressionAttributeValues: { ':one': { N: '1' } }, ReturnValues: 'ALL_NEW' }],
      ['DeleteItem', { TableName: 'Music', Key: key, ConditionExpression: 'attribute_exists(Plays)', ReturnValues: 'ALL_OLD' }],
      ['GetItem', { TableName: 'Music', Key: key, ConsistentRead: true }],
      ['Query', { TableName: 'Music', KeyConditionExpression: 'Artist = :a', ExpressionAttributeValues: { ':a': key.Artist } }],
      ['Playground.AdvanceClock', { Seconds: 1 + next(30) }],
    ];
    const [operation, input] = requests[next(requests.length)];
    const answer = (db) => db.send(operation, input).catch((error) => ({ error: error.name, message: error.message }));
    assert.deepEqual(await answer(b), await answer(a), `request ${i}: ${operation}`);
  }
}

async function musicPlayground(options = {}) {
  const db = await createDynamoDB(options);
  await db.send('Playground.SetClock', { Mode: 'VIRTUAL', Now: 1767225600 });
  await db.send('CreateTable', MUSIC);
  await db.send('UpdateTimeToLive', { TableName: 'Music', TimeToLiveSpecification: { Enabled: true, AttributeName: 'ExpiresAt' } });
  for (let i = 0; i < 12; i++) {
    await db.send('PutItem', {
      TableName: 'Music',
      Item: { Artist: { S: `Artist ${i % 5}` }, Song: { S: `Song ${i}` }, Genre: { S: i % 3 ? 'Rock' : 'Jazz' },
        ...(i % 4 === 0 && { ExpiresAt: { N: String(1767225600 + 30 * i) } }) },
    });
  }
  return db;
}

describe('export and import', () => {
  it('round-trips a playground: the same state, then the same answer to every request', async () => {
    const original = await musicPlayground();
    const snapshot = await original.exportSnapshot();
    assert.ok(snapshot instanceof Uint8Array);
    assert.equal(Buffer.from(snapshot.subarray(0, 8)).toString(), 'DDBPGSNP');
    const imported = await createDynamoDB({ snapshot });
    // The import holds exactly the exported state: exported again, the same bytes.
    assert.deepEqual(await imported.exportSnapshot(), snapshot);
    assert.deepEqual(await everything(imported), await everything(original));
    await sameAnswers(original, imported, 200);
    assert.deepEqual(await everything(imported), await everything(original));
    await original.close();
    await imported.close();
  });

  it('exports a data directory and imports into a new one', async (t) => {
    const dir = freshDirectory(t);
    const original = await musicPlayground({ path: dir });
    const snapshot = await original.exportSnapshot();
    const copyDir = freshDirectory(t);
    const copy = await createDynamoDB({ path: copyDir, snapshot });
    // The import is the new directory's first snapshot.
    assert.deepEqual(fs.readdirSync(copyDir).sort(), ['LOCK', 'journal-1.log', 'snapshot-1.snap']);
    assert.deepEqual(new Uint8Array(fs.readFileSync(path.join(copyDir, 'snapshot-1.snap'))), snapshot);
    assert.deepEqual(await everything(copy), await everything(original));
    await copy.send('PutItem', { TableName: 'Music', Item: { Artist: { S: 'Only' }, Song: { S: 'In the copy' } } });
    await copy.close();
    const reopened = await createDynamoDB({ path: copyDir });
    assert.equal((await reopened.send('Scan', { TableName: 'Music', Select: 'COUNT' })).Count,
      (await original.send('Scan', { TableName: 'Music', Select: 'COUNT' })).Count + 1);
    // A directory that holds a playground is not overwritten by an import.
    await assert.rejects(createDynamoDB({ path: freshDirectoryHolding(t, snapshot), snapshot }), {
      message: /already holds a playground; import into a new directory$/,
    });
    await reopened.close();
    await original.close();
  });

  it('refuses a file that is not an export, or a damaged one, and imports nothing', async () => {
    await assert.rejects(createDynamoDB({ snapshot: Buffer.from('{"TableNames": []}') }), {
      message: 'cannot import the snapshot: not a DynamoDB Playground export (a snapshot, or a journal); nothing was imported',
    });
    const original = await musicPlayground();
    const snapshot = await original.exportSnapshot();
    await assert.rejects(createDynamoDB({ snapshot: snapshot.subarray(0, snapshot.length - 5) }), {
      message: /^cannot import the snapshot: the last \d+ bytes are an incomplete record \(a write cut short\); nothing was imported$/,
    });
    const flipped = snapshot.slice();
    flipped[100] ^= 0xff;
    await assert.rejects(createDynamoDB({ snapshot: flipped }), { message: /fails its checksum; .*nothing was imported$/ });
    await assert.rejects(createDynamoDB({ snapshot: 'not bytes' }), { name: 'TypeError' });
    await original.close();
  });

  it('cli.js --import starts the endpoint from an exported file', async (t) => {
    const original = await musicPlayground();
    const file = path.join(freshDirectory(t), 'music.ddbpg');
    fs.writeFileSync(file, await original.exportSnapshot());
    const { child, endpoint, banner } = await startCli(['--no-page', '--import', file]);
    try {
      assert.match(banner, /Imported: +.*music\.ddbpg/);
      const { body } = await callEndpoint(endpoint, 'DynamoDB_20120810.Scan', { TableName: 'Music', ConsistentRead: true });
      assert.deepEqual(body.Items, (await original.send('Scan', { TableName: 'Music', ConsistentRead: true })).Items);
    } finally {
      child.kill('SIGKILL');
    }
    const refused = await run(process.execPath, ['wasm/cli.js', '--port', '0', '--import', path.join(REPOSITORY_ROOT, 'README.md')], {
      cwd: REPOSITORY_ROOT,
    }).catch((error) => error);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /cannot import the snapshot: not a DynamoDB Playground export \(a snapshot, or a journal\); nothing was imported/);
    await original.close();
  });
});

function freshDirectoryHolding(t, bytes) {
  const dir = freshDirectory(t);
  fs.writeFileSync(path.join(dir, 'journal.log'), bytes);
  return dir;
}

describe('cli.js --data-dir', () => {
  it('prints where its data lives and restores it on the next start', async (t) => {
    const dir = freshDirectory(t);
    const first = await startCli(['--no-page', '--data-dir', dir]);
    assert.match(first.banner, new RegExp(`Data directory: +${dir} +\\(0 changes restored in \\d+ ms\\)`));
    const create = await callEndpoint(first.endpoint, 'DynamoDB_20120810.CreateTable', {
      ...MUSIC,
      StreamSpecification: undefined,
    });
    assert.equal(create.status, 200);
    const exited = once(first.child, 'exit');
    first.child.kill('SIGINT');
    await exited;
    const second = await startCli(['--no-page', '--data-dir', dir]);
    try {
      assert.match(second.banner, /\(1 changes restored in \d+ ms\)/);
      const tables = await callEndpoint(second.endpoint, 'DynamoDB_20120810.ListTables', {});
      assert.deepEqual(tables.body.TableNames, ['Music']);
    } finally {
      second.child.kill('SIGKILL');
    }
  });

  // The promise of a data directory: an acknowledged write survives anything, kill -9 included,
  // however many arrive together.
  it(`loses no acknowledged write to kill -9 during a concurrent burst (${KILL_LOOPS} rounds)`, async (t) => {
    const dir = freshDirectory(t);
    const acknowledged = new Set();
    let created = false;
    for (let round = 0; round < KILL_LOOPS; round++) {
      // Every other round compacts often, so kills also land during compactions.
      const compaction = round % 2 ? ['--compact-after', '4096'] : [];
      const { child, endpoint } = await startCli(['--no-page', '--no-throttling', '--data-dir', dir, ...compaction]);
      // Everything acknowledged in earlier rounds is there.
      if (created) {
        const stored = await storedKeys(endpoint);
        const missing = [...acknowledged].filter((key) => !stored.has(key));
        assert.deepEqual(missing, [], `round ${round}: acknowledged writes lost`);
      } else {
        const answer = await callEndpoint(endpoint, 'DynamoDB_20120810.CreateTable', {
          TableName: 'Burst',
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        });
        assert.equal(answer.status, 200);
        created = true;
      }
      // Sixteen writers until the kill.
      let killed = false;
      const writer = async (id) => {
        for (let n = 0; !killed; n++) {
          const key = `r${round}-w${id}-${n}`;
          try {
            const { status } = await callEndpoint(endpoint, 'DynamoDB_20120810.PutItem', {
              TableName: 'Burst',
              Item: { pk: { S: key }, payload: { S: 'x'.repeat(200) } },
            });
            if (status === 200) acknowledged.add(key);
          } catch {
            return; // the connection died with the process
          }
        }
      };
      const writers = Array.from({ length: 16 }, (_, id) => writer(id));
      await new Promise((resolve) => setTimeout(resolve, 100 + ((round * 137) % 400)));
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      killed = true;
      await Promise.all(writers);
      await exited;
    }
    assert.ok(acknowledged.size > KILL_LOOPS * 10, `only ${acknowledged.size} writes acknowledged`);
    if (KILL_LOOPS > 1) {
      assert.ok(fs.readdirSync(dir).some((name) => /^snapshot-\d+\.snap$/.test(name)), 'the compacting rounds compacted');
    }
    t.diagnostic(`${KILL_LOOPS} kill -9 rounds, ${acknowledged.size} acknowledged writes, none lost`);
    // A last start checks the last round.
    const { child, endpoint } = await startCli(['--no-page', '--data-dir', dir]);
    try {
      const stored = await storedKeys(endpoint);
      assert.deepEqual([...acknowledged].filter((key) => !stored.has(key)), []);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
