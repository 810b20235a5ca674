// The region a request was signed for: the third field of its SigV4 credential scope
// (`Credential=AKID/20261204/us-west-2/dynamodb/aws4_request`, in the Authorization header or
// the X-Amz-Credential query parameter). The engine serves the request there, so a global
// table's replica in that region answers for its name; '' (an unsigned request, a scope
// without a region) is the playground's home region.

// AKID/date/region/service/aws4_request: a SigV4A scope (AKID/date/service/aws4_request) names
// no region.
const SCOPE_REGION = /^[^/]*\/\d{8}\/([^/]+)\/[^/]+\/aws4_request$/;

// `name` is lower case, as node's request headers are (looked up first, without going through
// every header: this runs once per request); the SDK's may be in any case.
function headerValue(headers, name) {
  const direct = headers?.[name];
  if (direct !== undefined) return Array.isArray(direct) ? direct[0] : direct;
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

// The Credential= parameter's value: up to the next comma or space, as the header separates its
// parameters (one regular expression, without splitting the header: this runs once per request).
const CREDENTIAL_PARAMETER = /(?:^|[ ,])Credential=([^, ]*)/;

function credentialParameter(authorization) {
  return CREDENTIAL_PARAMETER.exec(String(authorization))?.[1];
}

/** The signing region of a request with `headers` (and, for a presigned one, `url`). */
export function requestRegion(headers, url = '') {
  let credential = credentialParameter(headerValue(headers, 'authorization') ?? '');
  if (credential === undefined) {
    const query = url.indexOf('?') >= 0 ? new URLSearchParams(url.slice(url.indexOf('?') + 1)) : null;
    credential = query?.get('X-Amz-Credential') ?? undefined;
  }
  if (credential === undefined) return '';
  const match = SCOPE_REGION.exec(credential);
  return match === null ? '' : match[1];
}
