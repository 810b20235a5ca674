// DynamoDBError: what db.send() rejects with. Keeps DynamoDB's error type and message across
// the wasm boundary so callers can branch on `name` as they would with the AWS SDK.

export class DynamoDBError extends Error {
  /**
   * @param {string} type the full `__type`, e.g. "com.amazon.coral.validate#ValidationException"
   * @param {string} message DynamoDB's message ("" when the service sends none)
   * @param {number} statusCode the HTTP status DynamoDB would send
   */
  constructor(type, message, statusCode) {
    super(message);
    this.name = type.slice(type.indexOf('#') + 1);
    this.type = type;
    this.statusCode = statusCode;
  }
}

/** Turns an error response body into a DynamoDBError. */
export function errorFromResponse(status, bodyText) {
  const body = JSON.parse(bodyText);
  const message = body.message ?? body.Message ?? '';
  return new DynamoDBError(body.__type, message, status);
}
