// The request console's right half: what the last request got back. A success shows the
// pretty-printed output; an error shows DynamoDB's error name, message and HTTP status in the
// error box instead, so an error never looks like an ordinary response.

import { describeResponseCapacity } from './consumed_capacity.js';
import { HOME_REGION } from './region_chooser.js';

function statusText(result) {
  if (!result.sent) return 'Not sent to the engine';
  if (result.status === null) return 'No HTTP status (the page failed, not DynamoDB)';
  return `HTTP ${result.status}`;
}

/**
 * Returns `{ show(result), showHint(text), showLocation(location) }`; `result` is what
 * runRequest() resolves to. A hint (for a newcomer's mistake) and a location (where the JSON
 * broke: `{ line, column, lineText }`) go under the error, which they never change.
 */
export function mountResponsePanel({
  placeholder,
  summary,
  consumedCapacity,
  error,
  errorName,
  errorStatus,
  errorMessage,
  errorType,
  errorLocation,
  errorHint,
  response,
}) {
  function show(result) {
    placeholder.hidden = true;
    showHint(null);
    showLocation(null);
    // Where it was served, when that is not the home region every other panel reads.
    const region = result.region && result.region !== HOME_REGION ? ` in ${result.region}` : '';
    summary.textContent = `${result.operation}${region} · ${statusText(result)}`;
    summary.dataset.outcome = result.ok ? 'ok' : 'error';
    const capacityText = result.ok ? describeResponseCapacity(result.operation, result.output) : '—';
    consumedCapacity.textContent = `Consumed capacity: ${capacityText}`;

    error.hidden = result.ok;
    response.hidden = !result.ok;
    if (result.ok) {
      response.textContent = JSON.stringify(result.output, null, 2);
      return;
    }
    response.textContent = '';
    errorName.textContent = result.errorName;
    errorStatus.textContent = statusText(result);
    // Some of DynamoDB's errors (SerializationException) carry no message at all.
    errorMessage.textContent = result.message || '(no message)';
    // The full `__type` is what a client branches on; the page's own errors have none.
    errorType.hidden = !result.errorType;
    errorType.textContent = result.errorType ? `__type: ${result.errorType}` : '';
  }

  function showHint(text) {
    errorHint.hidden = !text;
    errorHint.textContent = text ? `Hint: ${text}` : '';
  }

  function showLocation(location) {
    errorLocation.hidden = !location;
    if (!location) {
      errorLocation.textContent = '';
      return;
    }
    // The line as written, and a caret under the column where the parser stopped.
    const caret = `${' '.repeat(Math.max(0, location.column - 1))}^`;
    errorLocation.textContent = `Line ${location.line}, column ${location.column}:\n${location.lineText}\n${caret}`;
  }

  return { show, showHint, showLocation };
}
