// The endpoint's pooled answer buffers (wasm/answer_buffers.js): exact lengths, reuse only after
// an answer is given back, never one buffer under two answers; and, over real HTTP, many large
// answers in flight at once each arriving whole and unmixed, slow readers included.

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';

import { createAnswerBuffers } from '../../wasm/answer_buffers.js';
import { sharedEngineModuleInstance } from '../../wasm/engine_loader.js';
import { DynamoDB } from '../../wasm/index.js';
import { MemoryStore } from '../../wasm/memory_store.js';
import { startServer } from '../../wasm/http_server.js';

describe('createAnswerBuffers', () => {
  test('take() gives a Buffer of exactly the length asked, small or large', () => {
    const buffers = createAnswerBuffers();
    for (const length of [0, 1, 100, 16 * 1024 - 1, 16 * 1024, 100_000, 1_048_576, 16 * 1024 * 1024, 20_000_000]) {
      const answer = buffers.take(length);
      assert.ok(Buffer.isBuffer(answer));
      assert.equal(answer.length, length);
    }
  });

  test('a buffer given back carries a later answer of the same size class', () => {
    const buffers = createAnswerBuffers();
    const first = buffers.take(100_000);
    first.fill(7);
    buffers.give(first);
    const second = buffers.take(120_000); // both round up to 128 KiB
    assert.equal(second.buffer, first.buffer);
    assert.equal(second.byteOffset, first.byteOffset);
  });

  test('buffers still held are never handed out again', () => {
    const buffers = createAnswerBuffers();
    const held = Array.from({ length: 20 }, () => buffers.take(200_000));
    // Each answer lives in memory of its own: writing one changes no other.
    held.forEach((b, i) => b.fill(i));
    held.forEach((b, i) => assert.ok(b.every((byte) => byte === i), `answer ${i} was overwritten`));
  });

  test('giving the same answer twice returns its buffer once', () => {
    const buffers = createAnswerBuffers();
    const answer = buffers.take(50_000);
    buffers.give(answer);
    buffers.give(answer);
    const a = buffers.take(50_000);
    const b = buffers.take(50_000);
    assert.notEqual(a.buffer, b.buffer, 'one pooled buffer was handed to two answers');
  });

  test('a buffer take() did not give is ignored', () => {
    const buffers = createAnswerBuffers();
    const foreign = Buffer.alloc(64 * 1024);
    buffers.give(foreign);
    assert.notEqual(buffers.take(64 * 1024).buffer, foreign.buffer);
  });

  test('answers outside the pooled sizes are not kept', () => {
    const buffers = createAnswerBuffers();
    const huge = buffers.take(17 * 1024 * 1024);
    buffers.give(huge);
    assert.notEqual(buffers.take(17 * 1024 * 1024).buffer, huge.buffer);
  });
});

describe('the endpoint sends pooled answers whole', () => {
  let server;
  const TABLE = 'pooled_answers';
  const ITEMS = 40;
  const ITEMS_PER_ANSWER = 20;
  // Each item about 350 KB of its own letter, so an answer holding any other item's bytes shows.
  const payloadOf = (i) => String.fromCharCode(65 + (i % 26)).repeat(350_000) + i;

  const call = (target, body, { readSlowly = false } = {}) => new Promise((resolve, reject) => {
    const request = http.request(server.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `DynamoDB_20120810.${target}` },
      agent: false,
    }, (response) => {
      const chunks = [];
      const read = () => {
        let chunk;
        while ((chunk = response.read()) !== null) chunks.push(chunk);
      };
      if (readSlowly) {
        // A client slower than the server: it starts reading late, and the answer's tail waits
        // in node's queue meanwhile, not the kernel's.
        response.pause();
        let timer;
        setTimeout(() => {
          timer = setInterval(read, 5);
        }, 300);
        response.on('end', () => clearInterval(timer));
      } else {
        response.on('readable', read);
      }
      response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });

  before(async () => {
    server = await startServer({ port: 0, throttling: false });
    const created = await call('CreateTable', {
      TableName: TABLE, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    });
    assert.equal(created.status, 200);
    for (let i = 0; i < ITEMS; i++) {
      const put = await call('PutItem', { TableName: TABLE, Item: { id: { N: String(i) }, payload: { S: payloadOf(i) } } });
      assert.equal(put.status, 200, put.text);
    }
  });

  after(async () => {
    await server?.close();
  });

  test('many large answers in flight at once, fast and slow readers, each its own items', async () => {
    // BatchGetItem of twenty 350 KB items: 7 MB an answer, more than a loopback socket takes for
    // a client that is not reading yet (up to 4 MB), so the rest of the answer waits in node
    // while the next answers are made in pooled buffers.
    const reads = [];
    for (let round = 0; round < 3; round++) {
      for (let first = 0; first < ITEMS; first += ITEMS_PER_ANSWER) {
        const ids = Array.from({ length: ITEMS_PER_ANSWER }, (_, n) => first + n);
        const request = { RequestItems: { [TABLE]: { Keys: ids.map((id) => ({ id: { N: String(id) } })) } } };
        const readSlowly = (round + first / ITEMS_PER_ANSWER) % 2 === 0;
        reads.push(call('BatchGetItem', request, { readSlowly }).then((answer) => ({ ids, answer })));
      }
    }
    for (const { ids, answer } of await Promise.all(reads)) {
      assert.equal(answer.status, 200);
      const items = JSON.parse(answer.text).Responses[TABLE];
      assert.deepEqual(items.map((item) => Number(item.id.N)).sort((a, b) => a - b), ids);
      for (const item of items) {
        assert.ok(item.payload.S === payloadOf(Number(item.id.N)), `item ${item.id.N} came back with other bytes`);
      }
    }
  });
});

describe('the wasm memory an answer crosses in', () => {
  // The engine keeps its last answer for JavaScript to copy out of wasm memory; a large one is
  // freed as soon as it is copied, a small one waits to be replaced by the next.
  test('a large answer is freed once copied out, a small one is kept', async () => {
    const module = await sharedEngineModuleInstance();
    const engine = new module._Engine();
    const db = new DynamoDB(engine, new MemoryStore(), module);
    try {
      const send = (target, body) => db.handle(`DynamoDB_20120810.${target}`, JSON.stringify(body), '', { bytes: true });
      const created = send('CreateTable', {
        TableName: 'held', BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'N' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      });
      assert.equal(created.status, 200);
      for (let i = 0; i < 4; i++) {
        assert.equal(send('PutItem', { TableName: 'held', Item: { id: { N: String(i) }, blob: { S: 'x'.repeat(390_000) } } }).status, 200);
      }
      const small = send('GetItem', { TableName: 'held', Key: { id: { N: '9' } } });
      assert.equal(small.status, 200);
      assert.ok(engine._answerBytesHeld() >= small.body.length, 'the small answer was freed');

      const large = send('BatchGetItem', { RequestItems: { held: { Keys: [0, 1, 2, 3].map((i) => ({ id: { N: String(i) } })) } } });
      assert.equal(large.status, 200);
      assert.ok(large.body.length > 1_500_000, `the answer is ${large.body.length} bytes`);
      assert.equal(JSON.parse(new TextDecoder().decode(large.body)).Responses.held.length, 4);
      // An empty string's own inline bytes (a few) are all that remains.
      assert.ok(engine._answerBytesHeld() < 64, `the large answer still holds ${engine._answerBytesHeld()} bytes of wasm memory`);
    } finally {
      await db.close();
    }
  });
});
