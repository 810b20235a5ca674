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

import { createServer } from 'node:http';

import { crc32 } from './crc32.js';
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
    handleRequest(req, res, db, staticRoot).catch((error) => failRequest(req, res, error));
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

async function handleRequest(req, res, db, staticRoot) {
  // Every answer, errors included, must be readable by a page on another origin (the hosted
  // playground, a local dev server) so browser SDKs can use this endpoint.
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'x-amzn-RequestId,x-amz-crc32');

  const body = await readBody(req, MAX_REQUEST_BODY_BYTES);
  if (body === null) return; // the client went away
  if (body === TOO_LARGE) return rejectTooLarge(req, res);

  res.setHeader('x-amzn-RequestId', newRequestId());

  if (req.method === 'OPTIONS' && req.headers.origin !== undefined) {
    return answerPreflight(req, res);
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (staticRoot !== undefined) return serveStaticFile(staticRoot, req, res);
    return send(req, res, 200, HEALTH_BODY);
  }
  const contentType = mediaType(req.headers['content-type']);
  // An empty body passes whatever its Content-Type, as on DynamoDB; the engine then answers it.
  if (req.method !== 'POST' || (body.length > 0 && !ACCEPTED_CONTENT_TYPES.has(contentType))) {
    return send(req, res, 404, UNKNOWN_OPERATION_BODY);
  }

  // Invalid UTF-8 becomes U+FFFD here; the engine then judges the JSON like any other.
  const target = req.headers['x-amz-target'] ?? '';
  // A change is answered only once it is stored (a persistent playground).
  const answer = await db.handleDurable(target, body.toString('utf8'));
  const responseType = contentType === AMZ_JSON ? AMZ_JSON : 'application/json';
  return send(req, res, answer.status, answer.body, responseType);
}

const TOO_LARGE = Symbol('too large');

// Resolves to the whole body as a Buffer, TOO_LARGE once it passes `limit` bytes, or null when
// the connection breaks first. Never rejects.
function readBody(req, limit) {
  if (Number(req.headers['content-length']) > limit) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        finish(TOO_LARGE);
        return;
      }
      chunks.push(chunk);
    };
    const finish = (result) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      resolve(result);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onClose = () => finish(null);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', () => {}); // an aborted upload also emits 'close', handled above
  });
}

// 413 with an empty body, as DynamoDB answers. The rest of the upload is read and dropped so the
// client, still sending, gets to see the answer; then the connection closes.
function rejectTooLarge(req, res) {
  req.resume();
  res.writeHead(413, { Connection: 'close', 'Content-Length': 0 });
  res.end();
}

function answerPreflight(req, res) {
  // A literal `*` in Allow-Headers does not cover Authorization, which every SDK request signs
  // with, so echo what the browser asks for.
  const requested = req.headers['access-control-request-headers'];
  res.writeHead(200, {
    'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
    'Access-Control-Allow-Headers': requested || '*',
    'Access-Control-Max-Age': '172800',
    'Content-Length': 0,
  });
  res.end();
}

// Sends a complete body with the integrity headers DynamoDB clients read. x-amz-crc32 covers the
// exact UTF-8 bytes sent, so botocore's check passes on every answer, errors included.
function send(req, res, status, bodyText, contentType) {
  const bytes = Buffer.from(bodyText, 'utf8');
  const headers = { 'Content-Length': bytes.length, 'x-amz-crc32': String(crc32(bytes)) };
  if (contentType !== undefined) headers['Content-Type'] = contentType;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

// The Content-Type without parameters (`; charset=utf-8`), lower-cased; '' when absent.
function mediaType(header) {
  return (header ?? '').split(';', 1)[0].trim().toLowerCase();
}

// A bug of ours (handle() is documented never to throw): answer 500 so SDKs report and retry
// instead of hanging, and leave the stack on stderr for whoever runs the server.
function failRequest(req, res, error) {
  console.error('DynamoDB Playground endpoint: request failed:', error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({
    __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
    message: `Internal server error: ${error?.message ?? error}`,
  });
  send(req, res, 500, body, 'application/json');
}
