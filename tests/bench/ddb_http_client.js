// A minimal client for DynamoDB's JSON protocol over HTTP, for the benchmarks: POST / with
// X-Amz-Target, Content-Type application/x-amz-json-1.0 and an Authorization header (local
// endpoints want one present and none checks its signature), over keep-alive connections, one
// per request in flight. No SDK, so that what is measured is the endpoint, not the client.

import http from 'node:http';

// Well formed but unsigned: any DynamoDB stand-in accepts it (dynalite also wants X-Amz-Date).
const AMZ_DATE = new Date().toISOString().replace(/[-:]|\.\d{3}/g, ''); // 20260101T120000Z
const AUTHORIZATION = `AWS4-HMAC-SHA256 Credential=bench/${AMZ_DATE.slice(0, 8)}/us-east-1/dynamodb/aws4_request, ` +
  `SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`;

const THROTTLING_ERRORS = new Set([
  'ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded',
]);

/**
 * `call(operation, request)` (an operation with a dot is a whole target, such as
 * 'Playground.GetMetrics') resolves with the answer's status and parsed body. With `{ raw: true }`
 * a 200 answer resolves with its bytes instead, unparsed, for a caller that reads them faster than
 * JSON.parse can (the Scan phase's 1 MB pages); other answers are still parsed, for errorName and
 * isThrottled.
 * @returns {{call: (operation: string, request: object, options?: {raw?: boolean}) =>
 *   Promise<{status: number, body?: any, bytes?: Buffer, error?: string}>, close: () => void}}
 */
export function createClient(url, { concurrency = 1, keepAlive = true, timeoutMs = 30_000 } = {}) {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive, maxSockets: concurrency, maxFreeSockets: concurrency });

  function call(operation, request, { raw = false } = {}) {
    const payload = Buffer.from(JSON.stringify(request));
    return new Promise((resolve) => {
      const sent = http.request({
        host: hostname, port, path: '/', method: 'POST', agent,
        headers: {
          'Content-Type': 'application/x-amz-json-1.0',
          'Content-Length': payload.length,
          'X-Amz-Target': operation.includes('.') ? operation : `DynamoDB_20120810.${operation}`,
          'X-Amz-Date': AMZ_DATE,
          Authorization: AUTHORIZATION,
        },
      }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode;
          const bytes = Buffer.concat(chunks);
          resolve(raw && status === 200 ? { status, bytes } : { status, body: parseJson(bytes) });
        });
        response.on('error', (error) => resolve({ status: 0, error: error.code ?? error.message }));
      });
      sent.setTimeout(timeoutMs, () => sent.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      sent.on('error', (error) => resolve({ status: 0, error: error.code ?? error.message }));
      sent.end(payload);
    });
  }

  return { call, close: () => agent.destroy() };
}

function parseJson(bytes) {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined; // not JSON: the caller counts it as a wrong answer
  }
}

/** The error's short name ('ValidationException'), 'HTTP 500', or the network error's code. */
export function errorName(answer) {
  if (answer.status === 0) return answer.error;
  const type = answer.body?.__type;
  return type ? String(type).split('#').pop() : `HTTP ${answer.status}`;
}

export function isThrottled(answer) {
  return answer.status === 400 && THROTTLING_ERRORS.has(errorName(answer));
}

/**
 * Polls ListTables until the endpoint answers it (any HTTP status counts: the ceiling answers
 * `{}`); resolves with the milliseconds from `since` (a performance.now() value) to that answer.
 */
export async function waitUntilAnswering(url, { since = performance.now(), timeoutMs = 30_000, pollMs = 2 } = {}) {
  const client = createClient(url, { keepAlive: false, timeoutMs: 1000 });
  try {
    while (performance.now() - since < timeoutMs) {
      const answer = await client.call('ListTables', {});
      if (answer.status !== 0) return performance.now() - since;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    throw new Error(`${url} did not answer within ${timeoutMs} ms`);
  } finally {
    client.close();
  }
}
