// The HTTP endpoint's edges (issue #16 part 7): the Server header, CORS only for pages, the
// health check on / alone, compressed request bodies (Content-Encoding) and answers
// (Accept-Encoding), oversized headers, and SigV4 verification with `credentials` /
// `--credentials FILE`, spoken to with raw requests, the AWS SDK v3 (its own signer, its fetch
// handler) and the AWS CLI.
//
// Exact bodies are also checked by their x-amz-crc32 against the values DynamoDB sent for them,
// as dynalite recorded them against AWS (test/connection.js): equal CRCs mean equal bytes.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';

import {
  ConditionalCheckFailedException, CreateTableCommand, DynamoDBClient, GetItemCommand, ListTablesCommand,
  PutItemCommand, ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';

import { parseCredentials } from '../../wasm/credentials_file.js';
import { COMPRESSION_THRESHOLD_BYTES, responseEncoding } from '../../wasm/http_encoding.js';
import { MAX_REQUEST_BODY_BYTES, MAX_REQUEST_HEADER_BYTES, startServer } from '../../wasm/http_server.js';
import { createSignatureVerifier, SIGNATURE_WINDOW_MINUTES } from '../../wasm/sigv4.js';
import { AWS_ENV, awsCliAvailable, runFile } from './support/aws_cli.js';
import { REPOSITORY_ROOT, startCli } from './support/cli_process.js';

const AMZ_JSON = 'application/x-amz-json-1.0';
const ORIGIN = 'https://example.com';
const KEY = { accessKeyId: 'AKIDPLAYGROUND', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfi:CY' };
const INTERNAL_ERROR =
  '{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}';
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS ' +
  'Secret Access Key and signing method. Consult the service documentation for details.';

let open; // no credentials: any request is served
let guarded; // credentials: requests must be signed with KEY
let site; // serves the files of a directory, as the CLI serves the page
let scratch;

before(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'ddbpg-edges-'));
  open = await startServer({ port: 0 });
  guarded = await startServer({ port: 0, credentials: [KEY] });
  await writeFile(path.join(scratch, 'page.txt'), 'a page\n');
  site = await startServer({ port: 0, staticRoot: scratch, credentials: [KEY] });
  for (const server of [open, guarded]) {
    await sdk(server).send(new CreateTableCommand({
      TableName: 'Edges',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }));
  }
});

after(async () => {
  await open?.close();
  await guarded?.close();
  await site?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** An SDK v3 client for `server`, signing with KEY unless told otherwise; no retries. */
function sdk(server, { credentials = KEY, ...config } = {}) {
  return new DynamoDBClient({ endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1, ...config });
}

// One request as written, the answer as it came (no decompression): {status, headers, body}.
function raw(server, { method = 'POST', target = '/', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: target, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function call(server, operation, input, headers = {}, body = JSON.stringify(input)) {
  return raw(server, {
    headers: { 'Content-Type': AMZ_JSON, 'X-Amz-Target': `DynamoDB_20120810.${operation}`, ...headers },
    body,
  });
}

// The item's attributes as stored on `server` (read with a signed request), or undefined.
async function itemIn(server, pk) {
  const got = await sdk(server).send(new GetItemCommand({ TableName: 'Edges', Key: { pk: { S: pk } } }));
  return got.Item;
}

const crc = (bytes) => String(zlib.crc32(bytes));
const skipCli = (await awsCliAvailable()) ? false : 'the AWS CLI (`aws`) is not installed';

describe('Server header', () => {
  test('every kind of answer says `Server: Server`, as DynamoDB does', async () => {
    const answers = {
      operation: await call(open, 'ListTables', {}),
      error: await call(open, 'ListTables', {}, {}, '{'),
      'wrong method': await raw(open, { method: 'PUT' }),
      health: await raw(open, { method: 'GET' }),
      preflight: await raw(open, { method: 'OPTIONS', headers: { Origin: ORIGIN } }),
      'too large': await raw(open, { headers: { 'Content-Length': MAX_REQUEST_BODY_BYTES + 1 } }),
      unsigned: await call(guarded, 'ListTables', {}),
      'page file': await raw(site, { method: 'GET', target: '/page.txt' }),
    };
    const servers = Object.entries(answers).map(([name, res]) => `${name} ${res.status} ${res.headers.server}`);
    assert.deepEqual(servers, [
      'operation 200 Server', 'error 400 Server', 'wrong method 404 Server', 'health 200 Server',
      'preflight 200 Server', 'too large 413 Server', 'unsigned 400 Server', 'page file 200 Server',
    ]);
  });

  test('the answer carries a Date, which the SDKs read to correct their clock', async () => {
    const res = await call(open, 'ListTables', {});
    assert.ok(Math.abs(Date.parse(res.headers.date) - Date.now()) < 5000, res.headers.date);
  });
});

describe('health check', () => {
  test('GET / is healthy on a signing endpoint too: it needs no signature', async () => {
    const res = await raw(guarded, { method: 'GET' });
    assert.equal(res.status, 200);
    assert.equal(res.body.toString(), 'healthy: dynamodb.us-east-1.amazonaws.com ');
  });

  test('HEAD of another path is 404 with no body', async () => {
    const res = await raw(open, { method: 'HEAD', target: '/health' });
    assert.equal(res.status, 404);
    assert.equal(res.headers['content-length'], '29');
    assert.equal(res.body.length, 0);
  });
});

describe('CORS', () => {
  test('answers to requests without an Origin carry no Access-Control headers', async () => {
    const answers = [
      await call(open, 'ListTables', {}),
      await call(open, 'ListTable', {}),
      await raw(open, { method: 'GET' }),
      await raw(open, { headers: { 'Content-Length': MAX_REQUEST_BODY_BYTES + 1 } }),
    ];
    for (const res of answers) {
      const cors = Object.keys(res.headers).filter((name) => name.startsWith('access-control-'));
      assert.deepEqual(cors, [], `status ${res.status}`);
    }
  });

  test('a page\'s requests get them, the health check and errors included', async () => {
    const headers = { Origin: ORIGIN };
    for (const res of [await raw(open, { method: 'GET', headers }), await call(open, 'ListTable', {}, headers)]) {
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.equal(res.headers['access-control-expose-headers'], 'x-amzn-RequestId,x-amz-crc32');
    }
  });

  test('a preflight is answered without a signature on a signing endpoint', async () => {
    const res = await raw(guarded, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Headers': 'authorization,x-amz-date' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-headers'], 'authorization,x-amz-date');
    assert.equal(res.headers['access-control-max-age'], '172800');
  });
});

describe('Content-Encoding: compressed request bodies', () => {
  const putBody = (pk) => Buffer.from(JSON.stringify({ TableName: 'Edges', Item: { pk: { S: pk }, v: { S: 'x'.repeat(50) } } }));

  describe('behaviour', () => {
    test('a gzip body is inflated and runs', async () => {
      const res = await call(open, 'PutItem', null, { 'Content-Encoding': 'gzip' }, zlib.gzipSync(putBody('gzip')));
      assert.equal(res.status, 200);
      assert.equal(res.body.toString(), '{}');
      assert.equal((await itemIn(open, 'gzip')).v.S, 'x'.repeat(50));
    });

    test('a deflate body (the zlib format) is inflated and runs', async () => {
      const res = await call(open, 'PutItem', null, { 'Content-Encoding': 'deflate' }, zlib.deflateSync(putBody('deflate')));
      assert.equal(res.status, 200);
      assert.ok(await itemIn(open, 'deflate'));
    });

    test('two gzip members one after the other are one body, as gzip allows', async () => {
      const body = putBody('two members');
      const gzipped = Buffer.concat([zlib.gzipSync(body.subarray(0, 10)), zlib.gzipSync(body.subarray(10))]);
      const res = await call(open, 'PutItem', null, { 'Content-Encoding': 'gzip' }, gzipped);
      assert.equal(res.status, 200);
      assert.ok(await itemIn(open, 'two members'));
    });

    test('the coding name is case-insensitive, and identity means plain', async () => {
      const upper = await call(open, 'PutItem', null, { 'Content-Encoding': ' GZIP ' }, zlib.gzipSync(putBody('upper')));
      const identity = await call(open, 'PutItem', null, { 'Content-Encoding': 'identity' }, putBody('identity'));
      assert.deepEqual([upper.status, identity.status], [200, 200]);
      assert.ok(await itemIn(open, 'upper'));
      assert.ok(await itemIn(open, 'identity'));
    });

    test('a body inflating to exactly 16 MiB is accepted', async () => {
      const body = Buffer.alloc(MAX_REQUEST_BODY_BYTES, 0x20);
      body.write('{"ExclusiveStartTableName":"zzz"}');
      const res = await call(open, 'ListTables', null, { 'Content-Encoding': 'gzip' }, zlib.gzipSync(body));
      assert.equal(res.status, 200);
      assert.equal(res.body.toString(), '{"TableNames":[]}');
    });

    test('the SDK\'s requests gzipped after it builds them, then signed, pass the signature check', async () => {
      const client = sdk(guarded);
      let sent = null;
      client.middlewareStack.add((next) => async (args) => {
        args.request.body = zlib.gzipSync(args.request.body);
        args.request.headers['content-encoding'] = 'gzip';
        args.request.headers['content-length'] = String(args.request.body.length);
        sent = args.request.headers;
        return next(args);
      }, { step: 'build', name: 'gzipRequestBody' });
      await client.send(new PutItemCommand({ TableName: 'Edges', Item: { pk: { S: 'signed gzip' } } }));
      assert.equal(sent['content-encoding'], 'gzip');
      const got = await sdk(guarded).send(new GetItemCommand({ TableName: 'Edges', Key: { pk: { S: 'signed gzip' } } }));
      assert.deepEqual(got.Item, { pk: { S: 'signed gzip' } });
    });
  });

  describe('errors', () => {
    // DynamoDB answers a body that is not what its Content-Encoding says with 500
    // InternalServerError and does nothing (ScyllaDB's tests against the service).
    const refused = [
      ['plain JSON labelled gzip', 'gzip', (body) => body],
      ['plain JSON labelled deflate', 'deflate', (body) => body],
      ['gzip cut one byte short', 'gzip', (body) => zlib.gzipSync(body).subarray(0, -1)],
      ['gzip labelled deflate', 'deflate', (body) => zlib.gzipSync(body)],
      ['an encoding DynamoDB does not know (br)', 'br', (body) => zlib.brotliCompressSync(body)],
      ['a made-up encoding', 'garbage', (body) => body],
    ];
    for (const [name, coding, encode] of refused) {
      test(`${name} is 500 InternalServerError and nothing is written`, async () => {
        const pk = `refused ${name}`;
        const res = await call(open, 'PutItem', null, { 'Content-Encoding': coding }, encode(putBody(pk)));
        assert.equal(res.status, 500);
        assert.equal(res.body.toString(), INTERNAL_ERROR);
        assert.equal(res.headers['x-amz-crc32'], crc(res.body));
        assert.equal(await itemIn(open, pk), undefined);
      });
    }

    test('an empty body labelled gzip is 500 too', async () => {
      const res = await call(open, 'ListTables', null, { 'Content-Encoding': 'gzip' }, '');
      assert.equal(res.status, 500);
      assert.equal(res.body.toString(), INTERNAL_ERROR);
    });

    test('a small body inflating past 16 MiB is 413 with an empty body', async () => {
      const body = Buffer.alloc(MAX_REQUEST_BODY_BYTES + 1, 0x20);
      body.write('{"ExclusiveStartTableName":"zzz"}');
      const gzipped = zlib.gzipSync(body);
      assert.ok(gzipped.length < 64 * 1024); // far under the limit on the wire
      const res = await call(open, 'ListTables', null, { 'Content-Encoding': 'gzip' }, gzipped);
      assert.equal(res.status, 413);
      assert.equal(res.body.length, 0);
      const after = await call(open, 'ListTables', {});
      assert.equal(after.status, 200);
    });
  });
});

describe('Accept-Encoding: compressed answers', () => {
  const bigItem = { pk: { S: 'big answer' }, text: { S: 'ключ € 😀 '.repeat(2000) } }; // ~34 KB
  const getBig = (headers) => call(open, 'GetItem', { TableName: 'Edges', Key: { pk: bigItem.pk } }, headers);

  before(async () => {
    const res = await call(open, 'PutItem', { TableName: 'Edges', Item: bigItem });
    assert.equal(res.status, 200);
  });

  test('a large answer is gzipped when asked; x-amz-crc32 is of the compressed bytes sent', async () => {
    const plain = await getBig({});
    const gzipped = await getBig({ 'Accept-Encoding': 'gzip' });
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    assert.equal(gzipped.headers['content-length'], String(gzipped.body.length));
    assert.ok(gzipped.body.length < plain.body.length / 4, `${gzipped.body.length} of ${plain.body.length}`);
    assert.deepEqual(zlib.gunzipSync(gzipped.body), plain.body);
    // The Go v2 SDK and botocore-based clients check the CRC before they inflate.
    assert.equal(gzipped.headers['x-amz-crc32'], crc(gzipped.body));
    assert.notEqual(gzipped.headers['x-amz-crc32'], plain.headers['x-amz-crc32']);
    assert.equal(gzipped.headers['content-type'], AMZ_JSON);
  });

  test('deflate when only deflate is accepted', async () => {
    const res = await getBig({ 'Accept-Encoding': 'deflate' });
    assert.equal(res.headers['content-encoding'], 'deflate');
    assert.deepEqual(JSON.parse(zlib.inflateSync(res.body)).Item, bigItem);
    assert.equal(res.headers['x-amz-crc32'], crc(res.body));
  });

  test('plain when the client does not ask, or refuses with q=0', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'gzip;q=0, deflate;q=0' }]) {
      const res = await getBig(headers);
      assert.equal(res.headers['content-encoding'], undefined, JSON.stringify(headers));
      assert.deepEqual(JSON.parse(res.body).Item, bigItem);
    }
  });

  test('a small answer is sent plain even when gzip is accepted', async () => {
    const res = await call(open, 'ListTables', {}, { 'Accept-Encoding': 'gzip, deflate' });
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.body.toString(), JSON.stringify({ TableNames: ['Edges'] }));
  });

  test('a large error answer is compressed too, and whole', async () => {
    const res = await call(open, 'PutItem', {
      TableName: 'Edges',
      Item: { pk: bigItem.pk },
      ConditionExpression: 'attribute_not_exists(pk)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    }, { 'Accept-Encoding': 'gzip' });
    assert.equal(res.status, 400);
    assert.equal(res.headers['content-encoding'], 'gzip');
    const error = JSON.parse(zlib.gunzipSync(res.body));
    assert.equal(error.__type, 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException');
    assert.deepEqual(error.Item, bigItem);
  });

  test('the SDK over fetch (as in a browser) asks for gzip, gets it and reads it', async () => {
    const client = sdk(open, { credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, requestHandler: new FetchHttpHandler() });
    let encoding = null;
    client.middlewareStack.add((next) => async (args) => {
      const result = await next(args);
      encoding = result.response.headers['content-encoding'];
      return result;
    }, { step: 'deserialize', name: 'recordEncoding' });
    const got = await client.send(new GetItemCommand({ TableName: 'Edges', Key: { pk: bigItem.pk } }));
    assert.equal(encoding, 'gzip');
    assert.deepEqual(got.Item, bigItem);
    const error = await client.send(new PutItemCommand({
      TableName: 'Edges', Item: { pk: bigItem.pk }, ConditionExpression: 'attribute_not_exists(pk)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    })).catch((e) => e);
    assert.ok(error instanceof ConditionalCheckFailedException, String(error));
    assert.deepEqual(error.Item, bigItem);
  });

  test('responseEncoding() reads q-values and `*`, prefers gzip on a tie, and skips small answers', () => {
    const big = COMPRESSION_THRESHOLD_BYTES;
    const cases = [
      ['gzip', big], ['GZIP', big], ['x-gzip', big], ['deflate', big], ['gzip, deflate', big],
      ['deflate, gzip', big], ['gzip;q=0.5, deflate', big], ['gzip;q=0', big], ['*', big],
      ['*;q=0', big], ['deflate;q=0.2, *', big], ['br', big], ['gzip;q=abc', big], ['', big],
      [undefined, big], ['gzip', big - 1],
    ];
    const chosen = cases.map(([header, size]) => `${header}@${size === big ? 'big' : 'small'} -> ${responseEncoding(header, size)}`);
    assert.deepEqual(chosen, [
      'gzip@big -> gzip', 'GZIP@big -> gzip', 'x-gzip@big -> gzip', 'deflate@big -> deflate',
      'gzip, deflate@big -> gzip', 'deflate, gzip@big -> gzip', 'gzip;q=0.5, deflate@big -> deflate',
      'gzip;q=0@big -> null', '*@big -> gzip', '*;q=0@big -> null', 'deflate;q=0.2, *@big -> gzip',
      'br@big -> null', 'gzip;q=abc@big -> null', '@big -> null', 'undefined@big -> null',
      'gzip@small -> null',
    ]);
  });
});

// Writes one request by hand and resolves to the raw answer text.
function rawExchange(server, text) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (data) => (answer += data));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('oversized request headers', () => {
  const request = (headerBytes) =>
    `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${AMZ_JSON}\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n` +
    `X-Padding: ${'p'.repeat(headerBytes)}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`;

  test('headers past 16 KiB are 400, with the Server header, and the server keeps answering', async () => {
    const answer = await rawExchange(open, request(MAX_REQUEST_HEADER_BYTES + 1));
    assert.match(answer, /^HTTP\/1\.1 400 Bad Request\r\n/);
    assert.match(answer, /\r\nServer: Server\r\n/);
    assert.match(answer, /\r\nx-amzn-RequestId: [0-9A-Z]{52}\r\n/);
    assert.match(answer, /\r\nConnection: close\r\n/);
    const next = await call(open, 'ListTables', {});
    assert.equal(next.status, 200);
  });

  test('headers just under the limit are read as usual', async () => {
    const answer = await rawExchange(open, request(MAX_REQUEST_HEADER_BYTES - 512));
    assert.match(answer, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(answer, /\{"TableNames":\["Edges"\]\}$/);
  });
});

// SHA-256 for @smithy/signature-v4 (the signer inside the SDK), from node:crypto.
class Sha256 {
  constructor(secret) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  }
  update(data) {
    this.hash.update(data);
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

/** A request signed by the SDK's signer, to be changed after signing and sent with raw(). */
async function signedRequest(server, { body = '{}', target = 'DynamoDB_20120810.ListTables', service = 'dynamodb', date, secret = KEY.secretAccessKey } = {}) {
  const signer = new SignatureV4({
    service, region: 'eu-west-2', sha256: Sha256,
    credentials: { accessKeyId: KEY.accessKeyId, secretAccessKey: secret },
  });
  const request = {
    method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port: server.port, path: '/', query: {},
    headers: { host: `127.0.0.1:${server.port}`, 'content-type': AMZ_JSON, 'x-amz-target': target },
    body,
  };
  return signer.sign(request, date === undefined ? {} : { signingDate: date });
}

function sendSigned(server, signed, changes = {}) {
  return raw(server, { headers: { ...signed.headers, ...changes.headers }, body: changes.body ?? signed.body, target: changes.target });
}

const errorOf = (res) => JSON.parse(res.body.toString());

function basicIsoMs(text) {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text).map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

describe('SigV4 verification (credentials, --credentials FILE)', () => {
  describe('behaviour', () => {
    test('the SDK signing with a listed key and its secret is served', async () => {
      await sdk(guarded).send(new PutItemCommand({ TableName: 'Edges', Item: { pk: { S: 'signed' } } }));
      const got = await sdk(guarded).send(new GetItemCommand({ TableName: 'Edges', Key: { pk: { S: 'signed' } } }));
      assert.deepEqual(got.Item, { pk: { S: 'signed' } });
    });

    test('without credentials the endpoint takes any key and secret, signed or not', async () => {
      const client = sdk(open, { credentials: { accessKeyId: 'anything', secretAccessKey: 'at all' } });
      assert.ok((await client.send(new ListTablesCommand({}))).TableNames.includes('Edges'));
      assert.equal((await call(open, 'ListTables', {})).status, 200);
    });

    test('the DynamoDB Streams client signs for the same service and is served', async () => {
      const streams = new DynamoDBStreamsClient({ endpoint: guarded.url, region: 'ap-south-1', credentials: KEY, maxAttempts: 1 });
      assert.deepEqual((await streams.send(new ListStreamsCommand({}))).Streams, []);
    });

    test('a date 14 minutes off is still accepted, either way', async () => {
      for (const minutes of [-14, 14]) {
        const client = sdk(guarded, { systemClockOffset: minutes * 60 * 1000 });
        assert.ok(await client.send(new ListTablesCommand({})), `${minutes} minutes`);
      }
    });

    test('the SDK corrects a skewed clock from the Date header and succeeds on its retry', async () => {
      const client = sdk(guarded, { systemClockOffset: -20 * 60 * 1000, maxAttempts: 3 });
      const listed = await client.send(new ListTablesCommand({}));
      assert.equal(listed.$metadata.attempts, 2);
      assert.ok(Math.abs(client.config.systemClockOffset) < 5000, String(client.config.systemClockOffset));
    });

    test('a presigned (query-string) request is verified too', async () => {
      const signer = new SignatureV4({ service: 'dynamodb', region: 'us-east-1', sha256: Sha256, credentials: KEY });
      const request = {
        method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port: guarded.port, path: '/', query: {},
        headers: { host: `127.0.0.1:${guarded.port}`, 'content-type': AMZ_JSON, 'x-amz-target': 'DynamoDB_20120810.ListTables' },
        body: '{}',
      };
      const presigned = await signer.presign(request, { unhoistableHeaders: new Set(['x-amz-target']) });
      const query = new URLSearchParams(presigned.query).toString();
      const ok = await raw(guarded, { target: `/?${query}`, headers: presigned.headers, body: '{}' });
      assert.equal(ok.status, 200, ok.body.toString());
      const tampered = await raw(guarded, { target: `/?${query}&extra=1`, headers: presigned.headers, body: '{}' });
      assert.equal(errorOf(tampered).message, SIGNATURE_MISMATCH);
    });

    test('the window is 15 minutes either way, to the second', async () => {
      assert.equal(SIGNATURE_WINDOW_MINUTES, 15);
      const signedAt = Date.UTC(2026, 0, 1, 10, 0, 0);
      const signed = await signedRequest(guarded, { date: new Date(signedAt) });
      const asArrived = {
        method: 'POST', url: '/', headers: signed.headers,
        rawHeaders: Object.entries(signed.headers).flat(),
      };
      const verdict = (offsetSeconds) => {
        const verify = createSignatureVerifier([KEY], { now: () => signedAt + offsetSeconds * 1000 });
        return verify(asArrived, Buffer.from(signed.body))?.message.split(':')[0] ?? 'ok';
      };
      assert.deepEqual([-901, -900, 0, 900, 901].map(verdict), [
        'Signature not yet current', 'ok', 'ok', 'ok', 'Signature expired',
      ]);
    });
  });

  describe('errors, in the order DynamoDB checks', () => {
    test('no Authorization header: MissingAuthenticationTokenException, DynamoDB\'s exact bytes', async () => {
      const res = await call(guarded, 'ListTables', {}, { 'Content-Type': 'application/json' });
      assert.equal(res.status, 400);
      assert.deepEqual(errorOf(res), {
        __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
        message: 'Request is missing Authentication Token',
      });
      assert.equal(res.headers['x-amz-crc32'], '2088342776');
      assert.equal(res.headers['content-type'], 'application/json');
    });

    test('an Authorization header not starting with AWS4- is a missing token too', async () => {
      for (const authorization of ['AWS4', 'Bearer abc', 'AWS AKID:sig']) {
        const res = await call(guarded, 'ListTables', {}, { Authorization: authorization });
        assert.equal(errorOf(res).__type, 'com.amazon.coral.service#MissingAuthenticationTokenException', authorization);
      }
    });

    test('a body that is not JSON is a SerializationException before any signature check', async () => {
      const res = await call(guarded, 'ListTables', null, {}, '{"Limit":');
      assert.equal(res.status, 400);
      assert.equal(res.body.toString(), '{"__type":"com.amazon.coral.service#SerializationException"}');
    });

    test('an empty body is judged after the signature', async () => {
      const res = await call(guarded, 'ListTables', null, {}, '');
      assert.equal(errorOf(res).__type, 'com.amazon.coral.service#MissingAuthenticationTokenException');
    });

    test('nothing unsigned reaches the engine', async () => {
      const res = await call(guarded, 'PutItem', { TableName: 'Edges', Item: { pk: { S: 'unsigned' } } });
      assert.equal(res.status, 400);
      assert.equal(await itemIn(guarded, 'unsigned'), undefined);
    });

    test('both an Authorization header and X-Amz-Algorithm in the query: InvalidSignatureException', async () => {
      const res = await raw(guarded, {
        target: '/?X-Amz-Algorithm',
        headers: { 'Content-Type': 'application/json', 'X-Amz-Target': 'DynamoDB_20120810.ListTables', Authorization: 'X' },
      });
      assert.deepEqual(errorOf(res), {
        __type: 'com.amazon.coral.service#InvalidSignatureException',
        message: "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
      });
      assert.equal(res.headers['x-amz-crc32'], '2139606068');
    });

    // Each as dynalite recorded DynamoDB's answer, with the CRC of that answer.
    const incomplete = [
      [{ Authorization: 'AWS4-' }, '/', 1828866742,
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either " +
        "a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-"],
      [{ Authorization: 'AWS4- Signature=b Credential=a', Date: 'a' }, '/', 15336762,
        "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b Credential=a"],
      [{ Authorization: 'AWS4- Signature=b,Credential=a', Date: 'a' }, '/', 1159703774,
        "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b,Credential=a"],
      [{ Authorization: 'AWS4- Signature=b, Credential=a', Date: 'a' }, '/', 164353342,
        "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b, Credential=a"],
      [{}, '/?X-Amz-Algorithm', 2900502663,
        "AWS query-string parameters must include 'X-Amz-Algorithm'. AWS query-string parameters must include " +
        "'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string " +
        "parameters must include 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'. " +
        'Re-examine the query-string parameters.'],
      [{}, '/?X-Amz-Algorithm=a&X-Amz-Credential=b&X-Amz-Signature=c&X-Amz-Date=d', 3712057481,
        "AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the query-string parameters."],
    ];
    for (const [headers, target, expectedCrc, message] of incomplete) {
      test(`IncompleteSignatureException for ${headers.Authorization ?? target}`, async () => {
        const res = await raw(guarded, {
          target,
          headers: { 'Content-Type': 'application/json', 'X-Amz-Target': 'DynamoDB_20120810.ListTables', ...headers },
        });
        assert.deepEqual(errorOf(res), { __type: 'com.amazon.coral.service#IncompleteSignatureException', message });
        assert.equal(res.headers['x-amz-crc32'], String(expectedCrc));
      });
    }

    test('a date not in ISO 8601 basic format: IncompleteSignatureException', async () => {
      const signed = await signedRequest(guarded);
      const res = await sendSigned(guarded, signed, { headers: { 'x-amz-date': '2013' } });
      assert.deepEqual(errorOf(res), {
        __type: 'com.amazon.coral.service#IncompleteSignatureException',
        message: "Date must be in ISO-8601 'basic format'. Got '2013'. See http://en.wikipedia.org/wiki/ISO_8601",
      });
    });

    test('a signature 20 minutes old: "Signature expired", with both times and the window', async () => {
      const started = Date.now();
      const error = await sdk(guarded, { systemClockOffset: -20 * 60 * 1000 }).send(new ListTablesCommand({})).catch((e) => e);
      assert.equal(error.name, 'InvalidSignatureException');
      assert.equal(error.$metadata.httpStatusCode, 400);
      const parts = /^Signature expired: (\d{8}T\d{6}Z) is now earlier than (\d{8}T\d{6}Z) \((\d{8}T\d{6}Z) - 15 min\.\)$/.exec(error.message);
      assert.ok(parts, error.message);
      const [signedAt, earliest, now] = parts.slice(1).map(basicIsoMs);
      assert.ok(Math.abs(signedAt - (started - 20 * 60 * 1000)) < 5000, error.message);
      assert.equal(now - earliest, 15 * 60 * 1000);
      assert.ok(Math.abs(now - started) < 5000, error.message);
    });

    test('a signature 20 minutes ahead: "Signature not yet current"', async () => {
      const started = Date.now();
      const error = await sdk(guarded, { systemClockOffset: 20 * 60 * 1000 }).send(new ListTablesCommand({})).catch((e) => e);
      assert.equal(error.name, 'InvalidSignatureException');
      const parts = /^Signature not yet current: (\d{8}T\d{6}Z) is still later than (\d{8}T\d{6}Z) \((\d{8}T\d{6}Z) \+ 15 min\.\)$/.exec(error.message);
      assert.ok(parts, error.message);
      const [signedAt, latest, now] = parts.slice(1).map(basicIsoMs);
      assert.ok(Math.abs(signedAt - (started + 20 * 60 * 1000)) < 5000, error.message);
      assert.equal(latest - now, 15 * 60 * 1000);
    });

    test('Host not among the signed headers: InvalidSignatureException', async () => {
      const signed = await signedRequest(guarded);
      const authorization = signed.headers.authorization.replace(/SignedHeaders=[^,]+/, 'SignedHeaders=x-amz-date;x-amz-target');
      const res = await sendSigned(guarded, signed, { headers: { authorization } });
      assert.equal(errorOf(res).message, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
    });

    test('another algorithm: IncompleteSignatureException naming it', async () => {
      const signed = await signedRequest(guarded);
      const authorization = signed.headers.authorization.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA25');
      const res = await sendSigned(guarded, signed, { headers: { authorization } });
      assert.deepEqual(errorOf(res), {
        __type: 'com.amazon.coral.service#IncompleteSignatureException',
        message: "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). ",
      });
    });

    test('a Credential without five parts: IncompleteSignatureException', async () => {
      const signed = await signedRequest(guarded);
      const authorization = signed.headers.authorization.replace(/Credential=[^,]+/, 'Credential=a/b/c/d');
      const res = await sendSigned(guarded, signed, { headers: { authorization } });
      assert.equal(
        errorOf(res).message,
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'",
      );
    });

    test('a scope for another service, terminator and day: every mistake in one message', async () => {
      const signed = await signedRequest(guarded, { service: 's3' });
      const day = signed.headers['x-amz-date'].slice(0, 8);
      const authorization = signed.headers.authorization
        .replace(`/${day}/`, '/20130609/')
        .replace('/aws4_request', '/aws5_request');
      const res = await sendSigned(guarded, signed, { headers: { authorization } });
      assert.deepEqual(errorOf(res), {
        __type: 'com.amazon.coral.service#InvalidSignatureException',
        message:
          "Credential should be scoped to correct service: 'dynamodb'. Credential should be scoped with a valid " +
          "terminator: 'aws4_request', not 'aws5_request'. Date in Credential scope does not match YYYYMMDD from " +
          `ISO-8601 version of date from HTTP: '20130609' != '${day}', from '${signed.headers['x-amz-date']}'.`,
      });
    });

    test('an access key not in the list: UnrecognizedClientException', async () => {
      const client = sdk(guarded, { credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: KEY.secretAccessKey } });
      const error = await client.send(new ListTablesCommand({})).catch((e) => e);
      assert.equal(error.name, 'UnrecognizedClientException');
      assert.equal(error.message, 'The security token included in the request is invalid.');
      assert.equal(error.$metadata.httpStatusCode, 400);
    });

    test('a wrong secret: InvalidSignatureException, and nothing is written', async () => {
      const client = sdk(guarded, { credentials: { accessKeyId: KEY.accessKeyId, secretAccessKey: 'not the secret' } });
      const error = await client.send(new PutItemCommand({ TableName: 'Edges', Item: { pk: { S: 'wrong secret' } } })).catch((e) => e);
      assert.equal(error.name, 'InvalidSignatureException');
      assert.equal(error.message, SIGNATURE_MISMATCH);
      assert.equal(await itemIn(guarded, 'wrong secret'), undefined);
    });

    test('a body, a signed header or the path changed after signing: InvalidSignatureException', async () => {
      const signed = await signedRequest(guarded);
      assert.equal((await sendSigned(guarded, signed)).status, 200); // untouched, it passes
      const changes = [
        { body: '{"Limit":1}' },
        { headers: { 'x-amz-target': 'DynamoDB_20120810.DescribeLimits' } },
        { target: '/other' },
      ];
      for (const change of changes) {
        const res = await sendSigned(guarded, signed, change);
        assert.equal(errorOf(res).message, SIGNATURE_MISMATCH, JSON.stringify(change));
      }
    });
  });

  describe('the AWS CLI (botocore\'s signer)', () => {
    const skip = skipCli;

    async function aws(secret, accessKeyId = KEY.accessKeyId) {
      const env = { ...AWS_ENV, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secret };
      const argv = ['dynamodb', 'list-tables', '--endpoint-url', guarded.url, '--output', 'json'];
      try {
        const { stdout } = await runFile('aws', argv, { env, timeout: 30000 });
        return { code: 0, stdout, stderr: '' };
      } catch (error) {
        if (typeof error.code !== 'number') throw error;
        return { code: error.code, stdout: error.stdout, stderr: error.stderr };
      }
    }

    test('with the listed secret it lists the tables', { skip }, async () => {
      const listed = await aws(KEY.secretAccessKey);
      assert.equal(listed.code, 0, listed.stderr);
      assert.deepEqual(JSON.parse(listed.stdout), { TableNames: ['Edges'] });
    });

    test('with a wrong secret or key it fails with DynamoDB\'s error', { skip }, async () => {
      const wrongSecret = await aws('wrong');
      assert.notEqual(wrongSecret.code, 0);
      assert.match(wrongSecret.stderr, /\(InvalidSignatureException\) when calling the ListTables operation: The request signature we calculated/);
      const wrongKey = await aws(KEY.secretAccessKey, 'AKIDOTHER');
      assert.match(wrongKey.stderr, /\(UnrecognizedClientException\) .*The security token included in the request is invalid\./);
    });
  });
});

describe('--credentials FILE (the CLI)', () => {
  test('checks signatures against the file\'s keys and says so on start', async () => {
    const file = path.join(scratch, 'keys.txt');
    await writeFile(file, `# the playground's keys\n${KEY.accessKeyId}:${KEY.secretAccessKey}\n`);
    const { child, endpoint, banner } = await startCli(['--no-page', '--credentials', file]);
    try {
      assert.equal(/Signatures: +checked \((.+)\)/.exec(banner)?.[1], `1 access key from ${file}`);
      const server = { url: endpoint, port: Number(new URL(endpoint).port) };
      const unsigned = await call(server, 'ListTables', {});
      assert.equal(errorOf(unsigned).__type, 'com.amazon.coral.service#MissingAuthenticationTokenException');
      assert.deepEqual((await sdk(server).send(new ListTablesCommand({}))).TableNames, []);
      const wrong = await sdk(server, { credentials: { ...KEY, secretAccessKey: 'x' } }).send(new ListTablesCommand({})).catch((e) => e);
      assert.equal(wrong.name, 'InvalidSignatureException');
    } finally {
      child.kill();
    }
  });

  test('refuses to start on a file it cannot read, naming the line', async () => {
    const file = path.join(scratch, 'bad.txt');
    await writeFile(file, `${KEY.accessKeyId}:${KEY.secretAccessKey}\nnot a pair\n`);
    const child = spawn(process.execPath, ['wasm/cli.js', '--port', '0', '--credentials', file], {
      cwd: REPOSITORY_ROOT, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
    assert.equal(stderr, `dynamodb-playground: ${file}: line 2: expected ACCESS_KEY_ID:SECRET_ACCESS_KEY, not 'not a pair'\n`);
  });
});

describe('credentials files', () => {
  test('reads KEY:SECRET lines, skipping comments and blank lines; a secret may hold a colon', () => {
    const keys = parseCredentials('# keys\n\nAKID1:secret/one+x\r\n  AKID2:two:with:colons  \n; also a comment\n');
    assert.deepEqual(keys, [
      { accessKeyId: 'AKID1', secretAccessKey: 'secret/one+x' },
      { accessKeyId: 'AKID2', secretAccessKey: 'two:with:colons' },
    ]);
  });

  test('reads the AWS CLI\'s credentials file: every profile with both keys', () => {
    const keys = parseCredentials(
      '[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\nregion = us-east-1\n\n' +
        '[other]\naws_secret_access_key=s2\naws_access_key_id=AKIDOTHER\naws_session_token = t\n\n[empty]\n',
    );
    assert.deepEqual(keys, [
      { accessKeyId: 'AKIDDEFAULT', secretAccessKey: 's1' },
      { accessKeyId: 'AKIDOTHER', secretAccessKey: 's2' },
    ]);
  });

  test('refuses what it cannot read, naming the line', () => {
    const cases = [
      ['AKID secret', "line 1: expected ACCESS_KEY_ID:SECRET_ACCESS_KEY, not 'AKID secret'"],
      ['AKID:', "line 1: expected ACCESS_KEY_ID:SECRET_ACCESS_KEY, not 'AKID:'"],
      ['A:1\nA:2', "line 2: access key id 'A' is listed with two different secrets"],
      ['[p]\naws_access_key_id = A', 'line 1: profile [p] has no aws_secret_access_key'],
      ['# nothing\n', 'lists no credentials (ACCESS_KEY_ID:SECRET_ACCESS_KEY lines)'],
    ];
    for (const [text, message] of cases) assert.throws(() => parseCredentials(text), { message }, text);
  });

  test('an empty credentials list refuses every signed request', async () => {
    const server = await startServer({ port: 0, credentials: [] });
    try {
      const error = await sdk(server).send(new ListTablesCommand({})).catch((e) => e);
      assert.equal(error.name, 'UnrecognizedClientException');
    } finally {
      await server.close();
    }
  });
});

describe('a signing endpoint with the SDK and a large Scan over fetch', () => {
  test('signature check and compressed answers work together', async () => {
    for (let i = 0; i < 30; i++) {
      await sdk(guarded).send(new PutItemCommand({ TableName: 'Edges', Item: { pk: { S: `scan ${i}` }, v: { S: 'v'.repeat(300) } } }));
    }
    const client = sdk(guarded, { requestHandler: new FetchHttpHandler() });
    const scanned = await client.send(new ScanCommand({ TableName: 'Edges' }));
    assert.ok(scanned.Count >= 30, String(scanned.Count));
  });
});
