// DynamoDB's request ids: 52 characters of [0-9A-Z]. Web Crypto, so the HTTP endpoint (node)
// and the in-process SDK handler (node or the page) share it.
//
// Every answer carries one, so it is on the hot path: one getRandomValues() call per id plus
// base64 and a regex cost more than a small request's whole JS side. Random bytes are drawn for
// 256 ids at a time and each byte picks one character.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ID_LENGTH = 52;
const IDS_PER_DRAW = 256; // 13 KB of randomness per draw, well under getRandomValues' 64 KB limit

// The character code each random byte stands for (byte mod 36: digits and letters all occur).
const CODE_FOR_BYTE = Uint8Array.from({ length: 256 }, (_, byte) => ALPHABET.charCodeAt(byte % ALPHABET.length));

const randomBytes = new Uint8Array(ID_LENGTH * IDS_PER_DRAW);
let nextByte = randomBytes.length; // drawn on the first call
const codes = new Array(ID_LENGTH); // reused: one id is built at a time

export function newRequestId() {
  if (nextByte === randomBytes.length) {
    globalThis.crypto.getRandomValues(randomBytes);
    nextByte = 0;
  }
  for (let i = 0; i < ID_LENGTH; i++) codes[i] = CODE_FOR_BYTE[randomBytes[nextByte++]];
  return String.fromCharCode.apply(null, codes);
}
