// DynamoDBError: what db.send() rejects with. Keeps DynamoDB's error type, message and the
// body's other fields (Item, CancellationReasons, ThrottlingReasons, ...) across the wasm
// boundary, shaped as the AWS SDK v3's exceptions are, so callers branch on `name` and read the
// same fields they would read from the SDK.

export class DynamoDBError extends Error {
  /**
   * @param {string} type the full `__type`, e.g. "com.amazon.coral.validate#ValidationException"
   * @param {string} message DynamoDB's message ("" when the service sends none)
   * @param {number} statusCode the HTTP status DynamoDB would send
   * @param {object} [fields] the error body's other members, copied onto the error
   */
  constructor(type, message, statusCode, fields = {}) {
    super(message);
    Object.assign(this, fields);
    this.name = type.slice(type.indexOf('#') + 1);
    this.type = type;
    this.statusCode = statusCode;
    // As the SDK: who is at fault, and the response's metadata.
    this.$fault = statusCode >= 500 ? 'server' : 'client';
    this.$metadata = { httpStatusCode: statusCode, attempts: 1, totalRetryDelay: 0 };
  }
}

/** Turns an error response body into a DynamoDBError. */
export function errorFromResponse(status, bodyText) {
  const { __type: type, message, Message, ...fields } = JSON.parse(bodyText);
  return new DynamoDBError(type, message ?? Message ?? '', status, fields);
}
