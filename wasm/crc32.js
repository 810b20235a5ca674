// CRC-32 for DynamoDB's `x-amz-crc32` response header.
//
// DynamoDB sends the CRC-32 of every response body as an unsigned decimal string, and clients
// that check it (botocore, the AWS CLI, the v2 JS SDK) retry or fail when it does not match the
// bytes they received. It is the common IEEE 802.3 CRC (reflected polynomial 0xEDB88320, the one
// zlib computes). We carry our own table because node:zlib only gained crc32() in node 20.15,
// and package.json promises node 20.

const POLYNOMIAL = 0xedb88320;

// One entry per byte value: the CRC of that byte alone, so the loop below handles a byte per step.
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? POLYNOMIAL ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * Returns the CRC-32 of `bytes` as an unsigned 32-bit integer (0 .. 4294967295).
 * A string is hashed as its UTF-8 encoding, which is what goes on the wire.
 * @param {Uint8Array | string} bytes
 * @returns {number}
 */
export function crc32(bytes) {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
