// Hints for the mistakes newcomers make in the request editor, shown below DynamoDB's own error
// (which the page never changes), and the place of a JSON syntax error in the editor's text.
// No DOM code: the console passes in what it sent and what came back.
//
// This file picks the hint for an error; each kind of mistake has its own hint_*.js file, which
// names the engine source of the messages it matches, and json_error_location.js finds syntax
// errors. tests/node/error_hints.test.js sends each mistake to the real engine, so a reworded
// message fails a test instead of silently losing its hint.

import { EXPRESSION_HINTS } from './hint_expressions.js';
import { KEY_HINTS } from './hint_keys.js';
import { plainValueHint } from './hint_plain_values.js';
import { isPlainObject } from './hint_shapes.js';
import { missingTableHint } from './hint_tables.js';

export { jsonErrorLocation } from './json_error_location.js';

/**
 * A short plain-English hint for a failed request, or null when the error is not one of the
 * mistakes the hint_*.js files know (a hint that guesses wrong is worse than none).
 *
 * `operation` is the operation's name ("PutItem"), `input` the parsed request object and `error`
 * `{ errorName, message }` as run_request.js reports it (a DynamoDBError's `name` works too).
 * `context` may hold what the page knows of the playground: `tableNames` (ListTables) to suggest
 * a table whose name differs only in case, and `tables` (DescribeTable's `Table` objects) to name
 * the key attributes a request got wrong. Never throws, whatever the input holds.
 */
export function hintFor(operation, input, error, context = {}) {
  const errorName = error?.errorName ?? error?.name;
  const message = typeof error?.message === 'string' ? error.message : '';
  const request = isPlainObject(input) ? input : {};
  try {
    if (errorName === 'ResourceNotFoundException') return missingTableHint(request, message, context);
    if (errorName === 'SerializationException') return plainValueHint(operation, request);
    if (errorName !== 'ValidationException') return null;
    for (const [pattern, hint] of MESSAGE_HINTS) {
      const match = pattern.exec(message);
      if (match) return hint(match, operation, request, context) ?? plainValueHint(operation, request);
    }
    return plainValueHint(operation, request);
  } catch {
    return null; // a hint is a courtesy: a shape this file did not foresee must not break the page
  }
}

// A ValidationException's message picks its hint; the first pattern that matches wins.
const MESSAGE_HINTS = [...EXPRESSION_HINTS, ...KEY_HINTS];
