// The in-process HTTP handler for the AWS SDK for JavaScript v3:
//
//   new DynamoDBClient({ region: 'us-east-1', credentials, requestHandler: db.requestHandler() })
//
// The SDK builds, signs and parses its requests as it does against AWS; instead of a socket,
// the handler hands each request to the engine and answers with DynamoDB's status, headers and
// body. No endpoint, no port, no network; DynamoDBClient, DynamoDBStreamsClient and
// DynamoDBDocumentClient (on top of a DynamoDBClient) all work, and their errors are the SDK's
// own exception classes with `$metadata` and the body's fields.

import { crc32 } from './crc32.js';
import { newRequestId } from './request_id.js';
import { requestRegion } from './request_region.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function headerValue(headers, name) {
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

/**
 * What `db.requestHandler()` returns; `serve(target, bodyText, region)` answers like `db.handle`,
 * in the region the SDK signed the request for.
 */
export function createSdkRequestHandler(serve) {
  return {
    metadata: { handlerProtocol: 'in-process' },
    async handle(request) {
      if (request.method !== 'POST') {
        throw new Error(`the in-process DynamoDB answers POST requests, not ${request.method}`);
      }
      const body = typeof request.body === 'string' ? request.body
        : request.body instanceof Uint8Array ? decoder.decode(request.body)
        : request.body === undefined ? '' : String(request.body);
      const answer = await serve(headerValue(request.headers, 'x-amz-target') ?? '', body, requestRegion(request.headers));
      const bytes = encoder.encode(answer.body);
      return {
        response: {
          statusCode: answer.status,
          reason: answer.status === 200 ? 'OK' : 'Bad Request',
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'content-length': String(bytes.length),
            'x-amzn-requestid': newRequestId(),
            'x-amz-crc32': String(crc32(bytes)),
          },
          body: bytes,
        },
      };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
  };
}
