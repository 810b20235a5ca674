// The PartiQL mode's boxes as one ExecuteStatement request body. No DOM: what the boxes hold in,
// the request text (or why it cannot be sent) out, so the page sends it through the console's
// one path and History keeps it as any request.

/**
 * Returns `{ requestText }`, ExecuteStatement's body in DynamoDB JSON, or `{ problem }`, a
 * runRequest()-shaped result that was not sent: parameters that are not a JSON list, or a Limit
 * that is not a whole number. An empty statement is sent: the engine's ValidationException says
 * what is wrong with it, as the service's would. Empty parameters and Limit boxes are left out;
 * ReturnConsumedCapacity is always TOTAL.
 */
export function partiqlRequestText({ statement, parametersText, limitText, nextToken }) {
  // The playground is about what requests cost, so every statement asks what it consumed, as
  // the JSON examples do.
  const input = { Statement: statement };
  if (parametersText.trim() !== '') {
    let parameters;
    try {
      parameters = JSON.parse(parametersText);
    } catch (parseError) {
      return { problem: notSent('Invalid parameters', `The parameters are not JSON: ${parseError.message}`) };
    }
    if (!Array.isArray(parameters)) {
      return { problem: notSent('Invalid parameters', 'The parameters are a JSON list of AttributeValues, one per ?, such as [{"S": "Acme Band"}].') };
    }
    input.Parameters = parameters;
  }
  if (limitText.trim() !== '') {
    const limit = Number(limitText);
    if (!Number.isInteger(limit)) return { problem: notSent('Invalid Limit', 'Limit is a whole number of items.') };
    input.Limit = limit;
  }
  if (nextToken) input.NextToken = nextToken;
  input.ReturnConsumedCapacity = 'TOTAL';
  return { requestText: JSON.stringify(input, null, 2) };
}

function notSent(errorName, message) {
  return { operation: 'ExecuteStatement', sent: false, ok: false, status: null, errorName, message };
}
