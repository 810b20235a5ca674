// Turns the editor's text into one engine call and its outcome, as a plain result object the
// panels render. Knows nothing about the DOM, so every outcome has one shape:
//
//   { operation, sent: true,  ok: true,  status: 200, output }
//   { operation, sent: true,  ok: false, status, errorName, errorType, message }
//   { operation, sent: false, ok: false, status: null, errorName: 'Invalid JSON', message }

/**
 * Parses `requestText` and sends it as `operation`. Never rejects: DynamoDB's errors and text
 * that is not JSON both come back as results with `ok: false`. Text that does not parse is
 * reported here and never reaches the engine, so a typo costs no request (and no history row).
 */
export async function runRequest(db, operation, requestText) {
  let input;
  try {
    input = JSON.parse(requestText);
  } catch (parseError) {
    return {
      operation,
      sent: false,
      ok: false,
      status: null,
      errorName: 'Invalid JSON',
      message: parseError.message,
    };
  }
  try {
    const output = await db.send(operation, input);
    // send() resolves only when the engine answered 200.
    return { operation, sent: true, ok: true, status: 200, output };
  } catch (error) {
    return {
      operation,
      sent: true,
      ok: false,
      // A DynamoDBError carries the HTTP status; anything else is a fault in the page or wasm.
      status: error.statusCode ?? null,
      errorName: error.name,
      errorType: error.type ?? '',
      message: error.message,
    };
  }
}
