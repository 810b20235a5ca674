// DynamoDB's request ids: 52 characters of [0-9A-Z]. 39 random bytes are exactly 52 base64
// characters, upper-cased with the two symbols replaced by digits. Web Crypto, so the HTTP
// endpoint (node) and the in-process SDK handler (node or the page) share it.

export function newRequestId() {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(39));
  return btoa(String.fromCharCode(...bytes)).toUpperCase().replace(/[+/]/g, '0');
}
