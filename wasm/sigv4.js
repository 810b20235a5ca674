// Signature Version 4 verification for the DynamoDB endpoint (wasm/http_server.js), on when the
// endpoint is given credentials (`--credentials FILE`, startServer's `credentials`).
//
// The signature is recomputed as the SigV4 specification builds it (IAM User Guide, "Create a
// signed AWS API request": canonical request, string to sign, HMAC-SHA256 key chain) from the
// request as it arrived, body bytes included (compressed bytes for a compressed body: the client
// signs what it sends). The checks run in the order the service answers them, each with the
// service's error type and message, as dynalite recorded them against DynamoDB (index.js and
// test/connection.js; its tests ran against AWS):
//   both an Authorization header and an X-Amz-Algorithm query parameter  InvalidSignatureException
//   no Authorization (or one not starting "AWS4-") and no query signature MissingAuthenticationToken
//   a missing Credential, Signature, SignedHeaders or date               IncompleteSignatureException
//   a date not in ISO 8601 basic format                                  IncompleteSignatureException
//   a date more than 15 minutes off                                      InvalidSignatureException
//   Host not among the signed headers                                    InvalidSignatureException
//   an algorithm other than AWS4-HMAC-SHA256                             IncompleteSignatureException
//   a Credential without 5 parts                                         IncompleteSignatureException
//   a scope for another service, terminator or date                      InvalidSignatureException
//   an access key not in the list                                        UnrecognizedClientException
//   a signature that does not match                                      InvalidSignatureException
// Not checked: X-Amz-Security-Token (temporary credentials are accepted for their access key),
// X-Amz-Expires of a query-string signature (the 15-minute window applies instead), and the
// region, which on AWS must be the endpoint's own: any region is accepted here.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How far a request's date may be from the server's clock, in minutes. DynamoDB's own answers
 * say 15 ("Signature expired: 20130301T000000Z is now earlier than 20130609T094515Z
 * (20130609T100015Z - 15 min.)" in dynalite's capture; the same "- 15 min." from a DynamoDB
 * PutItem in 2024, praetorian-inc/chariot-ui#453). Other services (KMS, Kinesis, SSM) say 5.
 */
export const SIGNATURE_WINDOW_MINUTES = 15;

const ALGORITHM = 'AWS4-HMAC-SHA256';
const SERVICE = 'dynamodb'; // DynamoDB Streams clients sign with the same name
const TERMINATOR = 'aws4_request';
const WINDOW_MS = SIGNATURE_WINDOW_MINUTES * 60 * 1000;

const MESSAGES = Object.freeze({
  missingToken: 'Request is missing Authentication Token',
  foundBoth: "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
  hostNotSigned: "'Host' must be a 'SignedHeader' in the AWS Authorization.",
  unknownKey: 'The security token included in the request is invalid.',
  mismatch:
    'The request signature we calculated does not match the signature you provided. Check your ' +
    'AWS Secret Access Key and signing method. Consult the service documentation for details.',
});

const HEADER_PARAMETERS = ['Credential', 'Signature', 'SignedHeaders'];
const QUERY_PARAMETERS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date'];

/**
 * Returns a function that checks one request's signature against `credentials`. It answers null
 * when the request is signed by one of them, else `{type, message}`: the short DynamoDB error
 * type (e.g. "UnrecognizedClientException", sent as `com.amazon.coral.service#<type>`, status
 * 400) and the service's message.
 * @param {Iterable<{accessKeyId: string, secretAccessKey: string}>} credentials
 * @param {{now?: () => number}} [options] `now`: the clock, in milliseconds since the epoch
 * @returns {(req: import('node:http').IncomingMessage, body: Buffer) =>
 *   null | {type: string, message: string}}
 */
export function createSignatureVerifier(credentials, { now = Date.now } = {}) {
  const secrets = new Map();
  for (const { accessKeyId, secretAccessKey } of credentials) secrets.set(accessKeyId, secretAccessKey);
  const signingKeys = new SigningKeyCache();
  return (req, body) => verify(req, body, secrets, signingKeys, now());
}

function verify(req, body, secrets, signingKeys, nowMs) {
  const [rawPath, rawQuery = ''] = splitTarget(req.url);
  const query = parseQuery(rawQuery);
  const header = req.headers.authorization;
  const signedByQuery = query.some(([name]) => name === 'X-Amz-Algorithm');
  if (header !== undefined && signedByQuery) return fail('InvalidSignatureException', MESSAGES.foundBoth);
  if (header === undefined ? !signedByQuery : !header.trim().startsWith('AWS4-')) {
    return fail('MissingAuthenticationTokenException', MESSAGES.missingToken);
  }

  const auth = header !== undefined ? fromHeader(header, req.headers) : fromQuery(query);
  if (auth.incomplete) return fail('IncompleteSignatureException', auth.incomplete);

  const date = requestDate(auth.date);
  if (date === null) {
    return fail(
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${auth.date}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  if (date.ms < nowMs - WINDOW_MS) {
    return fail(
      'InvalidSignatureException',
      `Signature expired: ${date.iso} is now earlier than ${basicIso(nowMs - WINDOW_MS)} ` +
        `(${basicIso(nowMs)} - ${SIGNATURE_WINDOW_MINUTES} min.)`,
    );
  }
  if (date.ms > nowMs + WINDOW_MS) {
    return fail(
      'InvalidSignatureException',
      `Signature not yet current: ${date.iso} is still later than ${basicIso(nowMs + WINDOW_MS)} ` +
        `(${basicIso(nowMs)} + ${SIGNATURE_WINDOW_MINUTES} min.)`,
    );
  }

  const signedHeaders = auth.signedHeaders.toLowerCase().split(';').filter(Boolean).sort();
  if (!signedHeaders.includes('host')) return fail('InvalidSignatureException', MESSAGES.hostNotSigned);
  if (auth.algorithm !== ALGORITHM) {
    return fail('IncompleteSignatureException', `Unsupported AWS 'algorithm': '${auth.algorithm}' (only ${ALGORITHM} for now). `);
  }

  const scope = auth.credential.replace(/\/+$/, '').split('/');
  if (scope.length !== 5) {
    return fail(
      'IncompleteSignatureException',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${auth.credential}'`,
    );
  }
  const [accessKeyId, scopeDate, region, service, terminator] = scope;
  const scopeErrors = [];
  if (region === '') scopeErrors.push("Credential should be scoped to a valid region, not ''.");
  if (service !== SERVICE) scopeErrors.push(`Credential should be scoped to correct service: '${SERVICE}'.`);
  if (terminator !== TERMINATOR) {
    scopeErrors.push(`Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${terminator}'.`);
  }
  if (scopeDate !== date.iso.slice(0, 8)) {
    scopeErrors.push(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ` +
        `'${scopeDate}' != '${date.iso.slice(0, 8)}', from '${date.iso}'.`,
    );
  }
  if (scopeErrors.length > 0) return fail('InvalidSignatureException', scopeErrors.join(' '));

  const secret = secrets.get(accessKeyId);
  if (secret === undefined) return fail('UnrecognizedClientException', MESSAGES.unknownKey);

  const canonical = canonicalRequest(req, rawPath, query, signedHeaders, body, header === undefined);
  const credentialScope = `${scopeDate}/${region}/${service}/${terminator}`;
  const stringToSign = `${ALGORITHM}\n${date.iso}\n${credentialScope}\n${sha256Hex(canonical)}`;
  const key = signingKeys.get(secret, scopeDate, region, service);
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  if (!sameText(expected, auth.signature)) return fail('InvalidSignatureException', MESSAGES.mismatch);
  return null;
}

function fail(type, message) {
  return { type, message };
}

// `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`: the parameters may be
// separated by commas, spaces or both, as the service accepts.
function fromHeader(header, headers) {
  const [algorithm, ...tokens] = header.trim().split(/[, ]+/);
  const parameters = new Map();
  for (const token of tokens) {
    const equals = token.indexOf('=');
    if (equals > 0) parameters.set(token.slice(0, equals), token.slice(equals + 1));
  }
  let incomplete = '';
  for (const name of HEADER_PARAMETERS) {
    if (!parameters.get(name)) incomplete += `Authorization header requires '${name}' parameter. `;
  }
  const date = headers['x-amz-date'] ?? headers.date;
  if (date === undefined) {
    incomplete += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
  }
  if (incomplete !== '') incomplete += `Authorization=${header}`;
  return {
    incomplete,
    algorithm,
    credential: parameters.get('Credential'),
    signedHeaders: parameters.get('SignedHeaders'),
    signature: parameters.get('Signature'),
    date,
  };
}

function fromQuery(query) {
  const value = (name) => query.find(([key]) => key === name)?.[1];
  let incomplete = '';
  for (const name of QUERY_PARAMETERS) {
    if (!value(name)) incomplete += `AWS query-string parameters must include '${name}'. `;
  }
  if (incomplete !== '') incomplete += 'Re-examine the query-string parameters.';
  return {
    incomplete,
    algorithm: value('X-Amz-Algorithm'),
    credential: value('X-Amz-Credential'),
    signedHeaders: value('X-Amz-SignedHeaders'),
    signature: value('X-Amz-Signature'),
    date: value('X-Amz-Date'),
  };
}

// X-Amz-Date is ISO 8601 basic format (20130609T094515Z); a Date header may be an HTTP date,
// which the string to sign carries in the basic format. Null when it is neither, or names a day
// or time that does not exist (month 13, 25 o'clock).
function requestDate(text) {
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (basic !== null) {
    const [, year, month, day, hour, minute, second] = basic.map(Number);
    const ms = Date.UTC(year, month - 1, day, hour, minute, second);
    return basicIso(ms) === text ? { ms, iso: text } : null;
  }
  const ms = /[A-Za-z]/.test(text) ? Date.parse(text) : NaN; // an HTTP date names its weekday
  return Number.isNaN(ms) ? null : { ms, iso: basicIso(ms) };
}

/** 20130609T094515Z for a time in milliseconds (seconds are truncated). */
function basicIso(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');
}

// The canonical request of SigV4 (method, path, query, headers, signed header names, payload
// hash), from the request as it arrived.
function canonicalRequest(req, rawPath, query, signedHeaders, body, signedByQuery) {
  const values = headerValues(req.rawHeaders, signedHeaders);
  const headerLines = signedHeaders.map((name) => `${name}:${values.get(name) ?? ''}\n`).join('');
  const parameters = signedByQuery ? query.filter(([name]) => name !== 'X-Amz-Signature') : query;
  return [
    req.method,
    canonicalPath(rawPath),
    canonicalQuery(parameters),
    headerLines,
    signedHeaders.join(';'),
    createHash('sha256').update(body).digest('hex'),
  ].join('\n');
}

// Each signed header's values, trimmed and with inner runs of spaces collapsed, joined by commas
// (from rawHeaders: node's req.headers drops repeats of some headers and joins others with ", ").
function headerValues(rawHeaders, signedHeaders) {
  const wanted = new Set(signedHeaders);
  const values = new Map();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    if (!wanted.has(name)) continue;
    const value = rawHeaders[i + 1].trim().replace(/\s+/g, ' ');
    values.set(name, values.has(name) ? `${values.get(name)},${value}` : value);
  }
  return values;
}

// The path without `.`, `..` and empty segments, each segment URI-encoded once more: the path on
// the wire is encoded once already, and SigV4 (all services but S3) encodes it twice.
function canonicalPath(rawPath) {
  const segments = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(uriEncode(segment));
  }
  const path = `/${segments.join('/')}`;
  return segments.length > 0 && rawPath.endsWith('/') ? `${path}/` : path;
}

// Names and values decoded, URI-encoded the SigV4 way, sorted by name and then value.
function canonicalQuery(parameters) {
  return parameters
    .map(([name, value]) => [uriEncode(name), uriEncode(value)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

// The query string as [name, value] pairs, percent-decoded (a malformed escape is kept as sent;
// `+` stays a plus sign, as the SDKs encode a space as %20).
function parseQuery(rawQuery) {
  if (rawQuery === '') return [];
  return rawQuery.split('&').filter(Boolean).map((pair) => {
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? '' : pair.slice(equals + 1);
    return [percentDecode(name), percentDecode(value)];
  });
}

function percentDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function splitTarget(url) {
  const question = url.indexOf('?');
  return question < 0 ? [url] : [url.slice(0, question), url.slice(question + 1)];
}

// RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ as %XX, upper case.
function uriEncode(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sha256Hex(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function sameText(expected, given) {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

// The signing key depends on the secret, the day, the region and the service only: four HMACs
// saved on every request of a busy day. Cleared when it grows past a few hundred entries.
class SigningKeyCache {
  #keys = new Map();

  get(secret, date, region, service) {
    const id = `${date}\n${region}\n${service}\n${secret}`;
    let key = this.#keys.get(id);
    if (key === undefined) {
      key = hmac(`AWS4${secret}`, date);
      key = hmac(key, region);
      key = hmac(key, service);
      key = hmac(key, TERMINATOR);
      if (this.#keys.size >= 256) this.#keys.clear();
      this.#keys.set(id, key);
    }
    return key;
  }
}

function hmac(key, text) {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}
