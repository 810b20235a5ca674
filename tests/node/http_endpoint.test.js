// The HTTP endpoint (wasm/http_server.js) spoken to with raw requests: DynamoDB's protocol
// answers (status, body, headers), CORS, the health check and the static page. Compressed
// bodies, signatures, oversized headers and the Server header: http_edges.test.js.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import zlib from 'node:zlib';

import { crc32 } from '../../wasm/crc32.js';
import { responseCrc32 } from '../../wasm/http_crc32.js';
import { MAX_REQUEST_BODY_BYTES, startServer } from '../../wasm/http_server.js';
import { newRequestId } from '../../wasm/request_id.js';
import { contentTypeFor } from '../../wasm/static_files.js';

const SERIALIZATION = '{"__type":"com.amazon.coral.service#SerializationException"}';
const UNKNOWN_OPERATION = '{"__type":"com.amazon.coral.service#UnknownOperationException"}';
const AMZ_JSON = 'application/x-amz-json-1.0';
const WASM_BYTES = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]; // "\0asm", version 1

// CRC-32 computed without our module: node:zlib has crc32() from node 20.15. On older nodes the
// constant checks in describe('x-amz-crc32') still pin the algorithm down.
const independentCrc32 = zlib.crc32 ?? crc32;

let api; // no static root: the pure DynamoDB endpoint
let site; // with a static root, like the CLI
let scratch; // temporary directory holding the static root and a file outside it

before(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'ddbpg-http-'));
  const root = path.join(scratch, 'site');
  await mkdir(path.join(root, 'web'), { recursive: true });
  await mkdir(path.join(root, 'wasm'));
  await writeFile(path.join(root, 'web', 'index.html'), '<!doctype html><title>t</title>\n');
  await writeFile(path.join(root, 'web', 'app.js'), 'export const x = 1;\n');
  await writeFile(path.join(root, 'wasm', 'engine.wasm'), Buffer.from(WASM_BYTES));
  await writeFile(path.join(root, '.hidden'), 'hidden\n');
  await writeFile(path.join(scratch, 'secret.txt'), 'outside the root\n');
  await symlink(path.join(scratch, 'secret.txt'), path.join(root, 'web', 'escape.txt'));

  api = await startServer({ port: 0 });
  site = await startServer({ port: 0, staticRoot: root });
});

after(async () => {
  await api?.close();
  await site?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function post(server, { target, body = '{}', contentType = AMZ_JSON, headers = {} } = {}) {
  const allHeaders = { 'Content-Type': contentType, ...headers };
  if (target !== undefined) allHeaders['X-Amz-Target'] = target;
  return fetch(server.url, { method: 'POST', headers: allHeaders, body });
}

// fetch() normalises `..` out of URLs; this sends the request target exactly as written.
function rawRequest(server, { method = 'GET', target = '/', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method, path: target, headers },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('POST with X-Amz-Target', () => {
  test('answers the operation with 200 and its JSON body', async () => {
    const res = await post(api, { target: 'DynamoDB_20120810.ListTables' });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '{"TableNames":[]}');
  });

  test('sends x-amz-crc32 as the decimal CRC-32 of the exact body bytes', async () => {
    const res = await post(api, { target: 'DynamoDB_20120810.ListTables' });
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(res.headers.get('x-amz-crc32'), String(independentCrc32(bytes)));
  });

  test('counts Content-Length and x-amz-crc32 over UTF-8 bytes, not characters', async () => {
    await post(api, {
      target: 'DynamoDB_20120810.CreateTable',
      body: JSON.stringify({
        TableName: 'Unicode',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    });
    const key = { pk: { S: 'ключ €' } };
    await post(api, {
      target: 'DynamoDB_20120810.PutItem',
      body: JSON.stringify({ TableName: 'Unicode', Item: key }),
    });
    const res = await post(api, {
      target: 'DynamoDB_20120810.GetItem',
      body: JSON.stringify({ TableName: 'Unicode', Key: key }),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.toString('utf8'), '{"Item":{"pk":{"S":"ключ €"}}}');
    assert.equal(res.headers.get('content-length'), '36');
    assert.equal(res.headers.get('x-amz-crc32'), String(independentCrc32(bytes)));
  });

  test('sends a 52-character [0-9A-Z] x-amzn-RequestId, new on every request', async () => {
    const first = await post(api, { target: 'DynamoDB_20120810.ListTables' });
    const second = await post(api, { target: 'DynamoDB_20120810.ListTables' });
    assert.match(first.headers.get('x-amzn-requestid'), /^[0-9A-Z]{52}$/);
    assert.match(second.headers.get('x-amzn-requestid'), /^[0-9A-Z]{52}$/);
    assert.notEqual(first.headers.get('x-amzn-requestid'), second.headers.get('x-amzn-requestid'));
  });

  test('echoes application/x-amz-json-1.0 as the response Content-Type', async () => {
    const res = await post(api, { target: 'DynamoDB_20120810.ListTables', contentType: AMZ_JSON });
    assert.equal(res.headers.get('content-type'), AMZ_JSON);
  });

  test('answers application/json to application/json, ignoring its parameters', async () => {
    const res = await post(api, {
      target: 'DynamoDB_20120810.ListTables',
      contentType: 'application/json; charset=utf-8',
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
  });

  test('accepts any path, as DynamoDB does', async () => {
    const res = await fetch(`${api.url}/some/path?x=1`, {
      method: 'POST',
      headers: { 'Content-Type': AMZ_JSON, 'X-Amz-Target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
    });
    assert.equal(res.status, 200);
  });
});

describe('protocol errors', () => {
  test('malformed JSON is 400 SerializationException with no message', async () => {
    const res = await post(api, { target: 'DynamoDB_20120810.ListTables', body: '{"Limit":' });
    assert.equal(res.status, 400);
    assert.equal(await res.text(), SERIALIZATION);
    assert.equal(res.headers.get('x-amz-crc32'), '3948637019');
  });

  test('malformed JSON is SerializationException even without a target', async () => {
    const res = await post(api, { body: 'not json' });
    assert.equal(res.status, 400);
    assert.equal(await res.text(), SERIALIZATION);
  });

  test('an unknown target is 400 UnknownOperationException with no message', async () => {
    const res = await post(api, { target: 'DynamoDB_20120810.ListTable' });
    assert.equal(res.status, 400);
    assert.equal(await res.text(), UNKNOWN_OPERATION);
    assert.equal(res.headers.get('x-amz-crc32'), '1368724161');
  });

  test('a missing target with a JSON body is 400 UnknownOperationException', async () => {
    const res = await post(api, { body: '{}' });
    assert.equal(res.status, 400);
    assert.equal(await res.text(), UNKNOWN_OPERATION);
  });

  test('a Content-Type other than JSON is 404 with an XML body', async () => {
    const res = await post(api, {
      target: 'DynamoDB_20120810.ListTables',
      contentType: 'text/plain',
    });
    assert.equal(res.status, 404);
    assert.equal(await res.text(), '<UnknownOperationException/>\n');
    assert.equal(res.headers.get('content-length'), '29');
    assert.equal(res.headers.get('x-amz-crc32'), '3552371480');
  });

  test('application/x-amz-json-1.1 (the other AWS JSON protocol) is 404', async () => {
    const res = await post(api, {
      target: 'DynamoDB_20120810.ListTables',
      contentType: 'application/x-amz-json-1.1',
    });
    assert.equal(res.status, 404);
  });

  test('a method other than POST, GET or OPTIONS is 404', async () => {
    const res = await fetch(api.url, {
      method: 'PUT',
      headers: { 'Content-Type': AMZ_JSON },
      body: '{}',
    });
    assert.equal(res.status, 404);
    assert.equal(await res.text(), '<UnknownOperationException/>\n');
  });

  test('invalid UTF-8 in the body is SerializationException', async () => {
    const res = await post(api, {
      target: 'DynamoDB_20120810.ListTables',
      body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    });
    assert.equal(res.status, 400);
    assert.equal(await res.text(), SERIALIZATION);
  });
});

describe('request size limit', () => {
  test('a declared Content-Length over 16 MiB is 413 with an empty body', async () => {
    const res = await post(api, {
      target: 'DynamoDB_20120810.ListTables',
      body: Buffer.alloc(MAX_REQUEST_BODY_BYTES + 1, 0x20),
      headers: { Origin: 'https://example.com' }, // a page's request: CORS headers on the 413 too
    });
    assert.equal(res.status, 413);
    assert.equal(await res.text(), '');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  test('a chunked upload passing 16 MiB is 413', async () => {
    const status = await new Promise((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: api.port,
        method: 'POST',
        headers: { 'Content-Type': AMZ_JSON, 'X-Amz-Target': 'DynamoDB_20120810.ListTables' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 17; i++) req.write(chunk);
      req.end();
    });
    assert.equal(status, 413);
  });

  test('exactly 16 MiB is accepted and reaches the engine', async () => {
    const body = Buffer.alloc(MAX_REQUEST_BODY_BYTES, 0x20);
    body.write('{"ExclusiveStartTableName":"zzz"}');
    const res = await post(api, { target: 'DynamoDB_20120810.ListTables', body });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '{"TableNames":[]}');
  });
});

describe('robustness', () => {
  test('a connection dropped mid-upload leaves the server answering', async () => {
    await new Promise((resolve, reject) => {
      const socket = net.connect(api.port, '127.0.0.1', () => {
        socket.write(
          'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
            'X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 100\r\n\r\n{"Li',
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 20);
      });
      socket.on('error', reject);
    });
    const res = await post(api, { target: 'DynamoDB_20120810.ListTables' });
    assert.equal(res.status, 200);
  });

  test('a request that is not HTTP gets 400 and the server keeps answering', async () => {
    const reply = await new Promise((resolve, reject) => {
      const socket = net.connect(api.port, '127.0.0.1', () => {
        socket.write('\x00\x01garbage\r\n\r\n');
      });
      let text = '';
      socket.on('data', (data) => (text += data));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(reply, /^HTTP\/1\.1 400 /);
    const res = await post(api, { target: 'DynamoDB_20120810.ListTables' });
    assert.equal(res.status, 200);
  });
});

describe('GET without a static root', () => {
  test('answers DynamoDB health check on /, with or without a query', async () => {
    for (const target of ['/', '/?probe=1']) {
      const res = await fetch(api.url + target);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), 'healthy: dynamodb.us-east-1.amazonaws.com ');
      assert.equal(res.headers.get('content-length'), '42');
      assert.equal(res.headers.get('x-amz-crc32'), '3128867991');
    }
  });

  test('answers other paths 404, so a probe aimed at a wrong path fails', async () => {
    const res = await fetch(`${api.url}/anything`);
    assert.equal(res.status, 404);
    assert.equal(await res.text(), '<UnknownOperationException/>\n');
  });
});

describe('static files', () => {
  test('/ redirects to the page in /web/', async () => {
    const res = await fetch(site.url + '/', { redirect: 'manual' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), '/web/');
  });

  test('a directory without its trailing slash redirects to it', async () => {
    const res = await fetch(site.url + '/web?x=1', { redirect: 'manual' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), '/web/?x=1');
  });

  test('a directory serves its index.html as text/html', async () => {
    const res = await fetch(site.url + '/web/');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(await res.text(), '<!doctype html><title>t</title>\n');
  });

  test('serves .js as text/javascript', async () => {
    const res = await fetch(site.url + '/web/app.js');
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(await res.text(), 'export const x = 1;\n');
  });

  test('serves .wasm as application/wasm with its exact bytes', async () => {
    const res = await fetch(site.url + '/wasm/engine.wasm');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/wasm');
    assert.deepEqual([...new Uint8Array(await res.arrayBuffer())], WASM_BYTES);
  });

  test('HEAD sends the headers without the body', async () => {
    const res = await rawRequest(site, { method: 'HEAD', target: '/web/app.js' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-length'], '20');
    assert.equal(res.body.length, 0);
  });

  test('a missing file is 404', async () => {
    const res = await fetch(site.url + '/web/missing.js');
    assert.equal(res.status, 404);
    assert.equal(await res.text(), 'Not Found\n');
  });

  test('refuses `..` segments with 403, plain or percent-encoded', async () => {
    const targets = [
      '/../secret.txt',
      '/web/%2e%2e/%2E%2E/secret.txt',
      '/web/..%2f..%2fsecret.txt',
      '/web/..\\..\\secret.txt',
    ];
    for (const target of targets) {
      const res = await rawRequest(site, { target });
      assert.equal(res.status, 403, target);
      assert.equal(res.body.toString(), 'Forbidden\n', target);
    }
  });

  test('treats hidden files as absent', async () => {
    const res = await fetch(site.url + '/.hidden');
    assert.equal(res.status, 404);
  });

  test('does not follow a symbolic link out of the root', async () => {
    const res = await fetch(site.url + '/web/escape.txt');
    assert.equal(res.status, 404);
  });

  test('answers a malformed percent-encoding with 400', async () => {
    const res = await rawRequest(site, { target: '/web/%E0%A4%A' });
    assert.equal(res.status, 400);
  });

  test('still answers DynamoDB requests on POST', async () => {
    const res = await post(site, { target: 'DynamoDB_20120810.ListTables' });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '{"TableNames":[]}');
  });

  test('maps every extension the page uses to its MIME type', () => {
    const names = ['a.html', 'a.js', 'a.mjs', 'a.css', 'a.wasm', 'a.json', 'a.png', 'a.svg'];
    names.push('a.map', 'A.WASM', 'a.bin');
    const types = names.map((name) => `${name} ${contentTypeFor(name)}`);
    assert.deepEqual(types, [
      'a.html text/html; charset=utf-8',
      'a.js text/javascript; charset=utf-8',
      'a.mjs text/javascript; charset=utf-8',
      'a.css text/css; charset=utf-8',
      'a.wasm application/wasm',
      'a.json application/json; charset=utf-8',
      'a.png image/png',
      'a.svg image/svg+xml',
      'a.map application/json; charset=utf-8',
      'A.WASM application/wasm',
      'a.bin application/octet-stream',
    ]);
  });
});

describe('CORS', () => {
  test('answers a preflight with 200 and the allowed methods and headers', async () => {
    const res = await fetch(api.url, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://example.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,x-amz-date,x-amz-target',
      },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-methods'), 'POST, GET, OPTIONS');
    // Echoed: a bare `*` would not cover Authorization.
    assert.equal(
      res.headers.get('access-control-allow-headers'),
      'authorization,content-type,x-amz-date,x-amz-target',
    );
  });

  test('allows any headers when the preflight names none', async () => {
    const res = await fetch(api.url, {
      method: 'OPTIONS',
      headers: { Origin: 'https://example.com' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-headers'), '*');
  });

  test('OPTIONS without an Origin is 404, as on DynamoDB', async () => {
    const res = await fetch(api.url, { method: 'OPTIONS' });
    assert.equal(res.status, 404);
  });

  test('every response to a page lets any origin read it and the DynamoDB headers', async () => {
    const headers = { Origin: 'https://example.com' };
    const ok = await post(api, { target: 'DynamoDB_20120810.ListTables', headers });
    const failed = await post(api, { target: 'nope', headers });
    for (const res of [ok, failed]) {
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const exposed = res.headers.get('access-control-expose-headers');
      assert.equal(exposed, 'x-amzn-RequestId,x-amz-crc32');
    }
  });
});

describe('x-amz-crc32', () => {
  test('crc32() matches the values DynamoDB sends for its fixed bodies', () => {
    assert.equal(crc32(SERIALIZATION), 3948637019);
    assert.equal(crc32(UNKNOWN_OPERATION), 1368724161);
    assert.equal(crc32('<UnknownOperationException/>\n'), 3552371480);
    assert.equal(crc32('healthy: dynamodb.us-east-1.amazonaws.com '), 3128867991);
    assert.equal(crc32(''), 0);
  });

  test('crc32() hashes a string as its UTF-8 bytes', () => {
    assert.equal(crc32('€'), crc32(Buffer.from('€', 'utf8')));
    assert.equal(crc32(Buffer.from('€', 'utf8')), independentCrc32(Buffer.from('€', 'utf8')));
  });
});

// Writes a request in pieces, each its own write after a pause, so the server reads it in many
// chunks, and resolves to the answer (the request asks the server to close the connection).
async function sendInPieces(server, pieces) {
  const socket = net.connect(server.port, '127.0.0.1');
  socket.setNoDelay(true);
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const received = [];
  socket.on('data', (data) => received.push(data));
  const ended = new Promise((resolve) => socket.once('end', resolve));
  for (const piece of pieces) {
    socket.write(piece);
    await delay(1);
  }
  await ended;
  const bytes = Buffer.concat(received);
  const headEnd = bytes.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: bytes.subarray(headEnd + 4) };
}

function requestHead(target, extraHeaders) {
  return Buffer.from(
    `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${AMZ_JSON}\r\nX-Amz-Target: ${target}\r\n` +
      `Connection: close\r\n${extraHeaders}\r\n`,
    'latin1',
  );
}

// `bytes` cut every `size` bytes, so multi-byte characters fall across the cuts.
function cutEvery(bytes, size) {
  const pieces = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return pieces;
}

async function getItem(server, table, key) {
  const res = await post(server, {
    target: 'DynamoDB_20120810.GetItem',
    body: JSON.stringify({ TableName: table, Key: key }),
  });
  assert.equal(res.status, 200);
  return (await res.json()).Item;
}

describe('request bodies read in pieces', () => {
  const TABLE = 'Pieces';

  before(async () => {
    const res = await post(api, {
      target: 'DynamoDB_20120810.CreateTable',
      body: JSON.stringify({
        TableName: TABLE,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    });
    assert.equal(res.status, 200);
  });

  test('a body arriving in many TCP writes reaches the engine whole', async () => {
    const item = { pk: { S: 'in pieces' }, text: { S: 'ключ € 😀 '.repeat(200) } };
    const body = Buffer.from(JSON.stringify({ TableName: TABLE, Item: item }));
    const head = requestHead('DynamoDB_20120810.PutItem', `Content-Length: ${body.length}\r\n`);
    const res = await sendInPieces(api, [head, ...cutEvery(body, 97)]);
    assert.equal(res.status, 200);
    assert.equal(res.body.toString(), '{}');
    assert.deepEqual(await getItem(api, TABLE, { pk: item.pk }), item);
  });

  test('a multi-byte character split across chunked-encoding chunks arrives intact', async () => {
    // Each chunk of a chunked upload reaches the server as its own piece, whatever TCP does.
    const item = { pk: { S: 'split €😀' } };
    const body = Buffer.from(JSON.stringify({ TableName: TABLE, Item: item }));
    const euro = body.indexOf(Buffer.from('€'));
    const emoji = body.indexOf(Buffer.from('😀'));
    const cuts = [0, euro + 1, euro + 2, emoji + 1, emoji + 3, body.length];
    const chunks = [];
    for (let i = 1; i < cuts.length; i++) {
      const piece = body.subarray(cuts[i - 1], cuts[i]);
      chunks.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from('0\r\n\r\n'));
    const head = requestHead('DynamoDB_20120810.PutItem', 'Transfer-Encoding: chunked\r\n');
    const res = await sendInPieces(api, [head, ...chunks]);
    assert.equal(res.status, 200);
    assert.deepEqual(await getItem(api, TABLE, { pk: item.pk }), item);
  });

  test('invalid UTF-8 inside a string becomes U+FFFD before the engine sees it', async () => {
    const body = Buffer.concat([
      Buffer.from(`{"TableName":"${TABLE}","Item":{"pk":{"S":"bad `),
      Buffer.from([0xff, 0xc3]), // a byte that never starts a character, then a truncated one
      Buffer.from('"}}}'),
    ]);
    const res = await post(api, { target: 'DynamoDB_20120810.PutItem', body });
    assert.equal(res.status, 200);
    const key = { pk: { S: 'bad \uFFFD\uFFFD' } };
    assert.deepEqual(await getItem(api, TABLE, key), key);
  });

  test('a large answer carries Content-Length and x-amz-crc32 of its exact bytes', async () => {
    const item = { pk: { S: 'large' }, text: { S: 'ключ € 😀 '.repeat(20000) } }; // 360 KB
    const put = await post(api, {
      target: 'DynamoDB_20120810.PutItem',
      body: JSON.stringify({ TableName: TABLE, Item: item }),
    });
    assert.equal(put.status, 200);
    const res = await post(api, {
      target: 'DynamoDB_20120810.GetItem',
      body: JSON.stringify({ TableName: TABLE, Key: { pk: item.pk } }),
      // fetch() asks for gzip and inflates what it gets; the plain answer's bytes are tested here
      // (compressed answers: http_edges.test.js).
      headers: { 'Accept-Encoding': 'identity' },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual(JSON.parse(bytes.toString('utf8')).Item, item);
    assert.equal(res.headers.get('content-length'), String(bytes.length));
    assert.equal(res.headers.get('x-amz-crc32'), String(independentCrc32(bytes)));
  });
});

describe('connections and answers', () => {
  test('keeps a connection alive across requests', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const reused = [];
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve, reject) => {
          const req = http.request(
            {
              host: '127.0.0.1',
              port: api.port,
              method: 'POST',
              agent,
              headers: { 'Content-Type': AMZ_JSON, 'X-Amz-Target': 'DynamoDB_20120810.ListTables' },
            },
            (res) => {
              assert.equal(res.statusCode, 200);
              assert.equal(res.headers.connection, 'keep-alive');
              res.resume();
              res.on('end', resolve);
            },
          );
          reused.push(req.reusedSocket);
          req.on('error', reject);
          req.end('{}');
        });
      }
      assert.deepEqual(reused, [false, true, true]);
    } finally {
      agent.destroy();
    }
  });

  test('HEAD on the health check sends GET\'s headers without the body', async () => {
    const res = await rawRequest(api, { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-length'], '42');
    assert.equal(res.headers['x-amz-crc32'], '3128867991');
    assert.match(res.headers['x-amzn-requestid'], /^[0-9A-Z]{52}$/);
    assert.equal(res.body.length, 0);
  });

  test('an engine that fails answers 500 InternalServerError and the server keeps answering', async (t) => {
    t.mock.method(console, 'error', () => {}); // the endpoint reports the failure on stderr
    const db = {
      handleDurable(target) {
        if (target === 'Fail.Thrown') throw new Error('thrown');
        if (target === 'Fail.Rejected') return Promise.reject(new Error('rejected'));
        return Promise.resolve({ status: 200, body: '{}' });
      },
    };
    const server = await startServer({ port: 0, db });
    try {
      for (const reason of ['Thrown', 'Rejected']) {
        const res = await post(server, { target: `Fail.${reason}`, headers: { Origin: 'https://example.com' } });
        assert.equal(res.status, 500);
        const bytes = Buffer.from(await res.arrayBuffer());
        assert.deepEqual(JSON.parse(bytes.toString()), {
          __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
          message: `Internal server error: ${reason.toLowerCase()}`,
        });
        assert.equal(res.headers.get('content-type'), 'application/json');
        assert.equal(res.headers.get('x-amz-crc32'), String(independentCrc32(bytes)));
        assert.match(res.headers.get('x-amzn-requestid'), /^[0-9A-Z]{52}$/);
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
      }
      const ok = await post(server, { target: 'Anything' });
      assert.equal(ok.status, 200);
    } finally {
      await server.close();
    }
  });
});

describe('request ids', () => {
  test('stay 52 characters of [0-9A-Z] and distinct across many ids', () => {
    // More ids than one draw of random bytes serves, so the pool is refilled on the way.
    const ids = Array.from({ length: 2000 }, newRequestId);
    for (const id of ids) assert.match(id, /^[0-9A-Z]{52}$/);
    assert.equal(new Set(ids).size, ids.length);
    const characters = new Set(ids.join(''));
    assert.equal(characters.size, 36); // every digit and letter occurs
  });
});

describe('CRC-32 of large and non-ASCII bodies', () => {
  // Known values (the standard check value, then values computed by Python's zlib.crc32).
  const KNOWN = [
    ['123456789', 3421780262],
    ['a'.repeat(1 << 20), 3620558450],
    ['{"Item":{"pk":{"S":"ключ € 😀"}}}', 3633773114],
    ['ключ € 😀 '.repeat(100000), 149067389], // 1.8 MB of UTF-8
  ];

  for (const [name, crcOf] of [['crc32()', crc32], ['responseCrc32()', responseCrc32]]) {
    test(`${name} matches known values, for a string and for its UTF-8 bytes`, () => {
      for (const [text, expected] of KNOWN) {
        assert.equal(crcOf(text), expected);
        assert.equal(crcOf(Buffer.from(text, 'utf8')), expected);
      }
    });
  }
});
