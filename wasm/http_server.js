// The DynamoDB HTTP endpoint: the engine behind DynamoDB's JSON-over-HTTP protocol, so the AWS
// SDKs and the AWS CLI can talk to it with `--endpoint-url`, and, optionally, the playground page
// served from the same origin.
//
// The protocol checks follow the order dynalite found on the real service (its tests ran against
// AWS): body size (413), then CORS preflight, GET health check, method and Content-Type (404),
// the signature when one is required, and only then the engine, which itself answers malformed
// JSON before an unknown target. Compressed request bodies are inflated after the signature is
// checked (the client signs the bytes it sends) and compressed answers are made last, in send().
//
// Signatures are checked only when the endpoint is given credentials (`credentials`, the CLI's
// `--credentials FILE`). Without them any credentials work, which is what a local endpoint for
// tests and demos usually wants.

import { isUtf8 } from 'node:buffer';
import { createServer } from 'node:http';

import { readCredentialsFile } from './credentials_file.js';
import { requestRegion } from './request_region.js';
import {
  compressResponse, decodeRequestBody, INFLATED_TOO_LARGE, responseEncoding, UNDECODABLE,
} from './http_encoding.js';
import { createAnswerBuffers } from './answer_buffers.js';
import { responseCrc32 } from './http_crc32.js';
import { newRequestId } from './request_id.js';
import { createDynamoDB } from './index.js';
import { createSignatureVerifier } from './sigv4.js';
import { serveStaticFile } from './static_files.js';

export { readCredentialsFile };

/** The largest request body DynamoDB accepts, in bytes (16 MiB); larger bodies get 413. */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024 * 1024;

/**
 * The most bytes of request line and headers read, node's default (16 KiB) written out so a
 * `--max-http-header-size` given to node does not change it; more is answered 400.
 */
export const MAX_REQUEST_HEADER_BYTES = 16 * 1024;

// DynamoDB's answer to GET /: the endpoint's own host name, not the Host header the client sent,
// and no port, trailing space included (dynalite's tests, checked against AWS; public captures
// of `curl https://dynamodb.<region>.amazonaws.com` and of a proxy under another name agree).
const HEALTH_BODY = 'healthy: dynamodb.us-east-1.amazonaws.com ';

// What DynamoDB answers to a wrong method or Content-Type: XML, not JSON, and status 404.
const UNKNOWN_OPERATION_BODY = '<UnknownOperationException/>\n';

// The engine's answer to a body that is not JSON, byte for byte.
const SERIALIZATION_BODY = '{"__type":"com.amazon.coral.service#SerializationException"}';

// A body that is not what its Content-Encoding says: DynamoDB answers 500 InternalServerError
// (ScyllaDB's tests against the service); its message is not recorded, this one is ours.
const UNDECODABLE_BODY =
  '{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}';

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
 *   root for the page); without it GET / answers DynamoDB's health check and other paths 404.
 * @param {boolean} [options.throttling=true] false: the fresh engine never refuses a request
 *   for capacity (`--no-throttling`); ignored when `db` is given.
 * @param {string} [options.dataDir] keeps the fresh engine's state in this directory
 *   (`--data-dir`), restored first; every change is on disk before its answer is sent.
 *   Ignored when `db` is given.
 * @param {Uint8Array} [options.snapshot] starts the fresh engine from an exported playground
 *   (`--import`); with `dataDir`, the directory must be new. Ignored when `db` is given.
 * @param {number} [options.compactAfterBytes] with `dataDir`: when the journal folds into a new
 *   snapshot (createDynamoDB's option of that name). Ignored when `db` is given.
 * @param {Iterable<{accessKeyId: string, secretAccessKey: string}>} [options.credentials] when
 *   given, every DynamoDB request must carry a SigV4 signature made with one of these keys
 *   (`--credentials FILE`; readCredentialsFile reads such a file); an empty list refuses every
 *   request. Health check, preflights and the page's files need no signature.
 * @returns {Promise<{url: string, port: number, db: import('./index.js').DynamoDB,
 *   close: () => Promise<void>}>} `url` is the endpoint for `--endpoint-url` / the SDK's
 *   `endpoint`. Rejects with the listen error (code 'EADDRINUSE' when the port is taken).
 */
export async function startServer({
  port = 8000, host = '127.0.0.1', db, staticRoot, throttling = true, dataDir, snapshot, compactAfterBytes,
  credentials,
} = {}) {
  const verifySignature = credentials === undefined ? null : createSignatureVerifier(credentials);
  const ownsDb = db === undefined;
  db ??= await createDynamoDB({ throttling, path: dataDir, snapshot, compactAfterBytes });
  const answerBuffers = createAnswerBuffers();
  const endpoint = {
    db, staticRoot, verifySignature, answerBuffers, asBytes: Object.freeze({ bytes: answerBuffers.take }),
  };
  const server = createServer({ maxHeaderSize: MAX_REQUEST_HEADER_BYTES }, (req, res) => {
    handleRequest(req, res, endpoint);
  });
  server.on('clientError', answerClientError);
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
function handleRequest(req, res, endpoint) {
  if (Number(req.headers['content-length']) > MAX_REQUEST_BODY_BYTES) return rejectTooLarge(req, res);
  readBody(req, MAX_REQUEST_BODY_BYTES, (body) => {
    const requestId = newRequestId();
    try {
      if (body === TOO_LARGE) return rejectTooLarge(req, res);
      answerRequest(req, res, requestId, body, endpoint);
    } catch (error) {
      failRequest(req, res, requestId, error);
    }
  });
}

function answerRequest(req, res, requestId, body, endpoint) {
  if (req.method === 'OPTIONS' && req.headers.origin !== undefined) {
    return answerPreflight(req, res, requestId);
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (endpoint.staticRoot !== undefined) return serveStatic(endpoint.staticRoot, req, res, requestId);
    // Only the root is the health check, so a probe aimed at a wrong path fails instead of
    // passing by accident.
    if (pathOf(req.url) === '/') return send(req, res, requestId, 200, HEALTH_BODY);
    return send(req, res, requestId, 404, UNKNOWN_OPERATION_BODY);
  }
  const contentType = mediaType(req.headers['content-type']);
  // An empty body passes whatever its Content-Type, as on DynamoDB; the engine then answers it.
  if (req.method !== 'POST' || (body.length > 0 && !ACCEPTED_CONTENT_TYPES.has(contentType))) {
    return send(req, res, requestId, 404, UNKNOWN_OPERATION_BODY);
  }
  const responseType = contentType === AMZ_JSON ? AMZ_JSON : 'application/json';

  if (endpoint.verifySignature !== null) {
    const refusal = endpoint.verifySignature(req, body);
    if (refusal !== null) return refuseSignature(req, res, requestId, body, refusal, responseType);
  }
  const contentEncoding = req.headers['content-encoding'];
  if (contentEncoding === undefined) return runOperation(req, res, requestId, body, endpoint, responseType);
  decodeRequestBody(body, contentEncoding, MAX_REQUEST_BODY_BYTES, (decoded) => {
    try {
      if (decoded === INFLATED_TOO_LARGE) return rejectTooLarge(req, res);
      if (decoded === UNDECODABLE) return send(req, res, requestId, 500, UNDECODABLE_BODY, responseType);
      runOperation(req, res, requestId, decoded, endpoint, responseType);
    } catch (error) {
      failRequest(req, res, requestId, error);
    }
  });
}

// The engine's answers come as bytes, copied into a pooled buffer and sent as they are: no
// string is made of a Scan's megabyte, and the buffer carries another answer once this one is
// sent (wasm/answer_buffers.js).
function runOperation(req, res, requestId, body, endpoint, responseType) {
  const target = req.headers['x-amz-target'] ?? '';
  const { answerBuffers } = endpoint;
  // A change is answered only once it is stored (a persistent playground).
  endpoint.db.handleDurable(target, engineBody(body), requestRegion(req.headers, req.url), endpoint.asBytes).then(
    (answer) => {
      const sent = target === DESCRIBE_ENDPOINTS && answer.status === 200
        ? endpointsHere(answer.body, req.headers.host) : answer.body;
      // Only once node has handed every byte to the kernel does nothing read the buffer.
      res.once('finish', () => answerBuffers.give(answer.body));
      send(req, res, requestId, answer.status, sent, responseType);
    },
    (error) => failRequest(req, res, requestId, error),
  );
}

const DESCRIBE_ENDPOINTS = 'DynamoDB_20120810.DescribeEndpoints';

// DescribeEndpoints names the address this request reached, so that an SDK with endpoint
// discovery on comes back here rather than to the Region's public endpoint the engine names.
function endpointsHere(body, host) {
  if (!host) return body;
  const answer = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  for (const endpoint of answer.Endpoints) endpoint.Address = host;
  return JSON.stringify(answer);
}

// A request whose signature does not pass. DynamoDB parses the body before it looks at the
// signature, so a body that is not JSON is a SerializationException whoever sent it; an empty
// body is judged after the signature (dynalite's tests against AWS, index.js). A compressed
// body is not inflated for this: it is refused for its signature.
function refuseSignature(req, res, requestId, body, refusal, responseType) {
  if (body.length > 0 && req.headers['content-encoding'] === undefined && !parsesAsJson(body)) {
    return send(req, res, requestId, 400, SERIALIZATION_BODY, responseType);
  }
  const errorBody = JSON.stringify({
    __type: `com.amazon.coral.service#${refusal.type}`,
    message: refusal.message,
  });
  send(req, res, requestId, 400, errorBody, responseType);
}

function parsesAsJson(body) {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

function pathOf(url) {
  const question = url.indexOf('?');
  return question < 0 ? url : url.slice(0, question);
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
  res.writeHead(413, [...answerHeaders(req), 'Connection', 'close', 'Content-Length', 0]);
  res.end();
}

// DynamoDB names no product in its Server header: it sends `Server: Server`.
const SERVER_HEADER = Object.freeze(['Server', 'Server']);

// A page on another origin (the hosted playground, a local dev server) must be able to read every
// answer, errors included, so browser SDKs can use this endpoint. As on DynamoDB, only requests
// from a page carry these: a browser sends Origin with every cross-origin request, other clients
// send none and get none.
const CORS_HEADERS = Object.freeze([
  ...SERVER_HEADER,
  'Access-Control-Allow-Origin', '*',
  'Access-Control-Expose-Headers', 'x-amzn-RequestId,x-amz-crc32',
]);

// The headers every answer starts with: Server, and the CORS headers when the request has an
// Origin.
function answerHeaders(req) {
  return req.headers.origin === undefined ? SERVER_HEADER : CORS_HEADERS;
}

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
  const headers = answerHeaders(req);
  for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
  res.setHeader('x-amzn-RequestId', requestId);
  serveStaticFile(staticRoot, req, res).catch((error) => failRequest(req, res, requestId, error));
}

// Sends a complete body with the integrity headers DynamoDB clients read. x-amz-crc32 covers the
// exact bytes sent, so botocore's check passes on every answer, errors included; for a compressed
// answer those are the compressed bytes, as on DynamoDB (see http_encoding.js).
//
// Cheap on purpose: the headers go as one flat list in a fixed order (node validates and copies
// them once, instead of into setHeader's map first). `body` is the text or the UTF-8 bytes of
// the answer: the engine's answers come as bytes (no decoding into a string and encoding back
// as node writes it, half the endpoint's cost on a Scan's megabyte pages), the few answers made
// here as strings, whose length and CRC node computes natively from the string.
function send(req, res, requestId, status, body, contentType) {
  const byteLength = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
  const acceptEncoding = req.headers['accept-encoding'];
  if (acceptEncoding !== undefined) {
    const coding = responseEncoding(acceptEncoding, byteLength);
    if (coding !== null) return sendCompressed(req, res, requestId, status, body, contentType, coding);
  }
  const headers = [
    ...answerHeaders(req),
    'x-amzn-RequestId', requestId,
    'Content-Length', byteLength,
    'x-amz-crc32', String(responseCrc32(body)),
  ];
  if (contentType !== undefined) headers.push('Content-Type', contentType);
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body, 'utf8');
}

function sendCompressed(req, res, requestId, status, body, contentType, coding) {
  compressResponse(body, coding, (error, bytes) => {
    if (error !== null) return failRequest(req, res, requestId, error);
    const headers = [
      ...answerHeaders(req),
      'x-amzn-RequestId', requestId,
      'Content-Encoding', coding,
      'Content-Length', bytes.length,
      'x-amz-crc32', String(responseCrc32(bytes)),
    ];
    if (contentType !== undefined) headers.push('Content-Type', contentType);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : bytes);
  });
}

// A request node could not parse: headers past MAX_REQUEST_HEADER_BYTES, a request line that is
// not HTTP, a malformed chunk. Answered 400 with the headers every answer has (node's own answer
// to oversized headers would be 431; issue #16 asks for 400, and what DynamoDB answers is not
// recorded), then the connection closes.
function answerClientError(error, socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
  socket.end(
    `HTTP/1.1 ${status}\r\nServer: Server\r\nx-amzn-RequestId: ${newRequestId()}\r\n` +
      'Content-Length: 0\r\nConnection: close\r\n\r\n',
  );
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
