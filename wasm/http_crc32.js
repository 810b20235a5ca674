// The x-amz-crc32 of an HTTP response body, for the node endpoint (wasm/http_server.js).
//
// node:zlib computes CRC-32 natively (with SIMD) from node 20.15 and 22.2, several times faster
// than our table in JavaScript, which matters for a Scan's megabyte pages; it hashes a string as
// its UTF-8 bytes, as the table version does. Older nodes (the package promises node 20) use the
// table in crc32.js. This lives apart from crc32.js because the page imports that one and has
// no node:zlib.

import zlib from 'node:zlib';

import { crc32 as tableCrc32 } from './crc32.js';

/**
 * The CRC-32 of `body` (a string is hashed as its UTF-8 bytes) as an unsigned 32-bit integer.
 * @type {(body: string | Uint8Array) => number}
 */
export const responseCrc32 = typeof zlib.crc32 === 'function' ? (body) => zlib.crc32(body) : tableCrc32;
