// Compressed bodies on the DynamoDB endpoint (wasm/http_server.js): request bodies sent with
// `Content-Encoding`, and answers compressed when the client's `Accept-Encoding` asks.
//
// What DynamoDB does, as ScyllaDB's Alternator tests recorded it against the service
// (test/alternator/test_compressed_request.py, 2025-2026):
//   - it inflates `Content-Encoding: gzip` (concatenated gzip members too) and `deflate` (the
//     zlib format of RFC 1950, which RFC 9110 calls "deflate");
//   - a body that is not valid gzip or deflate (truncated, empty, not compressed at all) and an
//     unknown encoding are answered with 500 InternalServerError, and nothing is done;
//   - since early 2026 a body that inflates past the request size limit is refused (a
//     "decompression bomb" report). We refuse it with the 413 an oversized plain body gets.
// Answers: DynamoDB gzips only larger bodies (small answers come back plain whatever the client
// accepts; reports put the size near 4-5 KB), and its x-amz-crc32 is the CRC of the bytes sent,
// the compressed ones: the Go v2 SDK's DynamoDB customization verifies the CRC before it inflates
// ("If the response body is content-encoding: gzip, the checksum is of the gzipped response
// content", service/dynamodb/internal/customizations/doc.go), as botocore-based aiobotocore and
// the Java SDK (calculateCrc32FromCompressedData) do.

import zlib from 'node:zlib';

/** Answers smaller than this many bytes are sent plain even when the client accepts gzip. */
export const COMPRESSION_THRESHOLD_BYTES = 4096;

/** decodeRequestBody's result when the body inflates past the limit. */
export const INFLATED_TOO_LARGE = Symbol('inflated body too large');
/** decodeRequestBody's result for a corrupt body or an encoding it does not know. */
export const UNDECODABLE = Symbol('undecodable body');

// The answer runs on this machine or next to it: bytes are cheap, CPU time per request is not.
const RESPONSE_OPTIONS = Object.freeze({ level: zlib.constants.Z_BEST_SPEED });

/**
 * Calls `done` once with the body as the engine should read it: `body` itself when there is no
 * Content-Encoding (or `identity`), the inflated bytes for gzip and deflate, INFLATED_TOO_LARGE
 * when they would pass `limit` bytes, UNDECODABLE when the bytes are not what the header says or
 * the encoding is neither gzip nor deflate. Inflating runs on node's thread pool, so a large body
 * does not hold up other requests.
 * @param {Buffer} body the bytes as they arrived
 * @param {string | undefined} contentEncoding the request's Content-Encoding header
 * @param {number} limit the largest inflated body accepted, in bytes
 * @param {(result: Buffer | symbol) => void} done
 */
export function decodeRequestBody(body, contentEncoding, limit, done) {
  if (contentEncoding === undefined) return done(body);
  const coding = contentEncoding.trim().toLowerCase();
  if (coding === '' || coding === 'identity') return done(body);
  const inflate = coding === 'gzip' ? zlib.gunzip : coding === 'deflate' ? zlib.inflate : null;
  if (inflate === null) return done(UNDECODABLE);
  inflate(body, { maxOutputLength: limit }, (error, inflated) => {
    if (error === null) done(inflated);
    else done(error.code === 'ERR_BUFFER_TOO_LARGE' ? INFLATED_TOO_LARGE : UNDECODABLE);
  });
}

/**
 * The coding to compress an answer of `byteLength` bytes with: 'gzip' or 'deflate' when the
 * client's Accept-Encoding allows one of them (q > 0, directly or through `*`; gzip wins a tie)
 * and the answer is at least COMPRESSION_THRESHOLD_BYTES long, otherwise null (send it plain).
 * @param {string | undefined} acceptEncoding the request's Accept-Encoding header
 * @param {number} byteLength the answer's size in bytes
 * @returns {'gzip' | 'deflate' | null}
 */
export function responseEncoding(acceptEncoding, byteLength) {
  if (acceptEncoding === undefined || byteLength < COMPRESSION_THRESHOLD_BYTES) return null;
  let gzip;
  let deflate;
  let any;
  for (const entry of acceptEncoding.split(',')) {
    const [name, ...parameters] = entry.split(';');
    const coding = name.trim().toLowerCase();
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== 'deflate' && coding !== '*') continue;
    const q = qualityOf(parameters);
    if (coding === 'deflate') deflate = q;
    else if (coding === '*') any = q;
    else gzip = q;
  }
  const gzipQ = gzip ?? any ?? 0;
  const deflateQ = deflate ?? any ?? 0;
  if (gzipQ <= 0 && deflateQ <= 0) return null;
  return gzipQ >= deflateQ ? 'gzip' : 'deflate';
}

// The `q=` weight among an Accept-Encoding entry's parameters: 1 when absent, 0 when unreadable
// (RFC 9110 12.4.2 allows 0 to 1 with up to three decimals).
function qualityOf(parameters) {
  for (const parameter of parameters) {
    const [key, value] = parameter.split('=');
    if (key.trim().toLowerCase() !== 'q') continue;
    const q = Number(value);
    return Number.isFinite(q) && q >= 0 && q <= 1 ? q : 0;
  }
  return 1;
}

/**
 * Compresses an answer with `coding` (from responseEncoding) on node's thread pool and calls
 * `done(error, bytes)`.
 * @param {string | Uint8Array} body the answer's text or its UTF-8 bytes
 * @param {'gzip' | 'deflate'} coding
 * @param {(error: Error | null, bytes: Buffer) => void} done
 */
export function compressResponse(body, coding, done) {
  (coding === 'gzip' ? zlib.gzip : zlib.deflate)(body, RESPONSE_OPTIONS, done);
}
