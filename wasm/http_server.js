// The DynamoDB HTTP endpoint: the engine behind DynamoDB's JSON-over-HTTP protocol, so the AWS
// SDKs and the AWS CLI can talk to it with `--endpoint-url`, and, optionally, the playground page
// served from the same origin.
//
// The protocol checks follow the order dynalite found on the real service (its tests ran against
// AWS): body size (413), then CORS preflight, GET health check, method and Content-Type (404),
// and only then the engine, which itself answers malformed JSON before an unknown target.
//
// Not checked, on purpose: SigV4 signatures, or whether an Authorization header is present at all.
// Any credentials work, which is what a local endpoint for tests and demos wants.

import { isUtf8 } from 'node:buffer';
import { createServer } from 'node:http';

import { responseCrc32 } from './http_crc32.js';
import { newRequestId } from './request_id.js';
import { createDynamoDB } from './index.js';
import { serveStaticFile } from './static_files.js';

/** The largest request body DynamoDB accepts, in bytes (16 MiB); larger bodies get 413. */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024 * 1024;

// DynamoDB's answer to any GET, trailing space included (dynalite's tests, checked against AWS).
const HEALTH_BODY = 'healthy: dynamodb.us-east-1.amazonaws.com ';

// What DynamoDB answers to a wrong method or Content-Type: XML, not JSON, and status 404.
const UNKNOWN_OPERATION_BODY = '<UnknownOperationException/>\n';

const AMZ_JSON = 'application/x-amz-json-1.0';
const ACCEPTED_CONTENT_TYPES = new Set(['application/json', AMZ_JSON]);

/**
 * Starts the endpoint and resolves once it is listening.
 * @param {object} [options]
 * @param {number} [options.port=8000] TCP port; 0 picks a free one (read it from the result).
 * @param {string} [options.host='127.0.0.1'] interface to bind; '0.0.0.0' exposes it to the
 *   network.
 * @param {import('./index.js').DynamoDB} [options.db] the engine serving every request; a fresh
 *   one is created (and closed with the server) when not given.
 * @param {string} [options.staticRoot] directory whose files GET requests serve (the repository
 *   root for the page); without it every GET answers DynamoDB's health check.
 * @param {boolean} [options.throttling=true] false: the fresh engine never refuses a request
 *   for capacity (`--no-throttling`); ignored when `db` is given.
 * @param {string} [options.dataDir] keeps the fresh engine's state in this directory
 *   (`--data-dir`), restored first; every change is on disk before its answer is sent.
 *   Ignored when `db` is given.
 * @param {Uint8Array} [options.snapshot] starts the fresh engine from an exported playground
 *   (`--import`); with `dataDir`, the directory must be new. Ignored when `db` is given.
 * @param {number} [options.compactAfterBytes] with `dataDir`: when the journal folds into a new
 *   snapshot (createDynamoDB's option of that name). Ignored when `db` is given.
 * @returns {Promise<{url: string, port: number, db: import('./index.js').DynamoDB,
 *   close: () => Promise<void>}>} `url` is the endpoint for `--endpoint-url` / the SDK's
 *   `endpoint`. Rejects with the listen error (code 'EADDRINUSE' when the port is taken).
 */
export async function startServer({
  port = 8000, host = '127.0.0.1', db, staticRoot, throttling = true, dataDir, snapshot, compactAfterBytes,
} = {}) {
  const ownsDb = db === undefined;
  db ??= await createDynamoDB({ throttling, path: dataDir, snapshot, compactAfterBytes });
  const server = createServer((req, res) => {
    handleRequest(req, res, db, staticRoot);
  });
  try {
    await listen(server, port, host);
  } catch (error) {
    if (ownsDb) await db.close();
    throw error;
  }
  const actualPort = server.address().port;

  let closing = null;
  const close = () => {
    closing ??= new Promise((resolve) => {
      server.close(() => {
        if (ownsDb) db.close().then(resolve, resolve);
        else resolve();
      });
      // Keep-alive connections would hold close() open for seconds; nothing is mid-request
      // that a caller shutting down still wants answered.
      server.closeAllConnections();
    });
    return closing;
  };
  return { url: `http://${hostForUrl(host)}:${actualPort}`, port: actualPort, db, close };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function hostForUrl(host) {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

// Each request is read and answered through callbacks (the engine's promise is the only one), and
// the answer is sent with one writeHead() holding every header: this path runs once per request,
// and at thousands of requests a second every allocation and microtask on it shows (issue #15).
function handleRequest(req, res, db, staticRoot) {
  if (Number(req.headers['content-length']) > MAX_REQUEST_BODY_BYTES) return rejectTooLarge(req, res);
  readBody(req, MAX_REQUEST_BODY_BYTES, (body) => {
    const requestId = newRequestId();
    try {
      if (body === TOO_LARGE) return rejectTooLarge(req, res);
      answerRequest(req, res, requestId, body, db, staticRoot);
    } catch (error) {
      failRequest(req, res, requestId, error);
    }
  });
}

function answerRequest(req, res, requestId, body, db, staticRoot) {
  if (req.method === 'OPTIONS' && req.headers.origin !== undefined) {
    return answerPreflight(req, res, requestId);
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (staticRoot !== undefined) return serveStatic(staticRoot, req, res, requestId);
    return send(req, res, requestId, 200, HEALTH_BODY);
  }
  const contentType = mediaType(req.headers['content-type']);
  // An empty body passes whatever its Content-Type, as on DynamoDB; the engine then answers it.
  if (req.method !== 'POST' || (body.length > 0 && !ACCEPTED_CONTENT_TYPES.has(contentType))) {
    return send(req, res, requestId, 404, UNKNOWN_OPERATION_BODY);
  }

  const target = req.headers['x-amz-target'] ?? '';
  const responseType = contentType === AMZ_JSON ? AMZ_JSON : 'application/json';
  // A change is answered only once it is stored (a persistent playground).
  db.handleDurable(target, engineBody(body)).then(
    (answer) => send(req, res, requestId, answer.status, answer.body, responseType),
    (error) => failRequest(req, res, requestId, error),
  );
}

// Valid UTF-8 goes to the engine as the bytes it arrived as, copied into wasm without a detour
// through a JS string. Anything else is decoded first, so invalid sequences become U+FFFD as they
// always have; the engine then judges the JSON like any other.
function engineBody(body) {
  return isUtf8(body) ? body : body.toString('utf8');
}

const TOO_LARGE = Symbol('too large');

// Calls `done` once with the whole body as a Buffer, or TOO_LARGE once it passes `limit` bytes;
// never when the connection breaks first (nothing is left to answer).
function readBody(req, limit, done) {
  let first = null; // most bodies arrive in one chunk: kept as it is, no copy
  let chunks = null;
  let size = 0;
  const onData = (chunk) => {
    size += chunk.length;
    if (size > limit) {
      req.off('data', onData);
      req.off('end', onEnd);
      done(TOO_LARGE);
    } else if (first === null) {
      first = chunk;
    } else {
      chunks ??= [first];
      chunks.push(chunk);
    }
  };
  const onEnd = () => {
    done(chunks !== null ? Buffer.concat(chunks, size) : first ?? EMPTY_BODY);
  };
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', ignoreError); // an aborted upload: 'end' never comes, and nothing is answered
}

const EMPTY_BODY = Buffer.alloc(0);
const ignoreError = () => {};

// 413 with an empty body, as DynamoDB answers. The rest of the upload is read and dropped so the
// client, still sending, gets to see the answer; then the connection closes.
function rejectTooLarge(req, res) {
  req.resume();
  res.writeHead(413, [...CORS_HEADERS, 'Connection', 'close', 'Content-Length', 0]);
  res.end();
}

// Every answer, errors included, must be readable by a page on another origin (the hosted
// playground, a local dev server) so browser SDKs can use this endpoint.
const CORS_HEADERS = Object.freeze([
  'Access-Control-Allow-Origin', '*',
  'Access-Control-Expose-Headers', 'x-amzn-RequestId,x-amz-crc32',
]);

function answerPreflight(req, res, requestId) {
  // A literal `*` in Allow-Headers does not cover Authorization, which every SDK request signs
  // with, so echo what the browser asks for.
  const requested = req.headers['access-control-request-headers'];
  res.writeHead(200, [
    ...CORS_HEADERS,
    'x-amzn-RequestId', requestId,
    'Access-Control-Allow-Methods', 'POST, GET, OPTIONS',
    'Access-Control-Allow-Headers', requested || '*',
    'Access-Control-Max-Age', '172800',
    'Content-Length', 0,
  ]);
  res.end();
}

// The page's files write their own headers; ours go first, as on every answer.
function serveStatic(staticRoot, req, res, requestId) {
  for (let i = 0; i < CORS_HEADERS.length; i += 2) res.setHeader(CORS_HEADERS[i], CORS_HEADERS[i + 1]);
  res.setHeader('x-amzn-RequestId', requestId);
  serveStaticFile(staticRoot, req, res).catch((error) => failRequest(req, res, requestId, error));
}

// Sends a complete body with the integrity headers DynamoDB clients read. x-amz-crc32 covers the
// exact UTF-8 bytes sent, so botocore's check passes on every answer, errors included.
//
// Cheap on purpose: the headers go as one flat list in a fixed order (node validates and copies
// them once, instead of into setHeader's map first), and the body stays a string: node joins it
// to the head and encodes it as it writes, and the length and CRC are computed natively from the
// string, so no Buffer is made for it (measured: about half the cost of Buffer.from plus a CRC
// of the Buffer, for a 1 KB and a 1 MB body alike).
function send(req, res, requestId, status, bodyText, contentType) {
  const headers = [
    ...CORS_HEADERS,
    'x-amzn-RequestId', requestId,
    'Content-Length', Buffer.byteLength(bodyText, 'utf8'),
    'x-amz-crc32', String(responseCrc32(bodyText)),
  ];
  if (contentType !== undefined) headers.push('Content-Type', contentType);
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : bodyText, 'utf8');
}

// The Content-Type without parameters (`; charset=utf-8`), lower-cased; '' when absent.
function mediaType(header) {
  if (header === AMZ_JSON) return AMZ_JSON; // what the SDKs send, as it is: nothing to take off
  return (header ?? '').split(';', 1)[0].trim().toLowerCase();
}

// A bug of ours (handle() is documented never to throw): answer 500 so SDKs report and retry
// instead of hanging, and leave the stack on stderr for whoever runs the server.
function failRequest(req, res, requestId, error) {
  console.error('DynamoDB Playground endpoint: request failed:', error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({
    __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
    message: `Internal server error: ${error?.message ?? error}`,
  });
  send(req, res, requestId, 500, body, 'application/json');
}
