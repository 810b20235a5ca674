// The hint for a table that does not exist: which one, and the existing table whose name differs
// only in case, if there is one.
//
// The messages matched are the engine's own, spelled as in engine/api/messages.cc.

import { arrayOf, isPlainObject, objectOf } from './hint_shapes.js';
import { formatJson, sameIgnoringCase } from './hint_text.js';

/**
 * A hint for a ResourceNotFoundException's `message`, or null when the missing resource is not a
 * table. `context.tableNames` (ListTables), when given, finds the table the request meant.
 */
export function missingTableHint(request, message, context) {
  const known = Array.isArray(context.tableNames) ? context.tableNames : null;
  let missing;
  const named = /^Requested resource not found: Table: (.+) not found$/.exec(message);
  if (named) {
    missing = [named[1]];
  } else if (message === 'Requested resource not found') {
    // The data-plane operations do not say which table: the request does.
    missing = tableNamesIn(request).filter((name) => !known || !known.includes(name));
  } else {
    return null; // a stream, shard or index, not a table
  }
  if (missing.length === 0) {
    return 'A table in the request does not exist (yet): create it first with CreateTable, or check the name, which is case-sensitive.';
  }
  const name = missing[0];
  const lookalike = known && sameIgnoringCase(known, name);
  if (lookalike) {
    return `There is no table ${formatJson(name)}, but there is ${formatJson(lookalike)}: table names are case-sensitive.`;
  }
  return `The table ${formatJson(name)} does not exist (yet): create it first with CreateTable, or check the name, which is case-sensitive.`;
}

function tableNamesIn(request) {
  const names = [];
  if (typeof request.TableName === 'string') names.push(request.TableName);
  if (isPlainObject(request.RequestItems)) names.push(...Object.keys(request.RequestItems));
  for (const entry of arrayOf(request.TransactItems)) {
    for (const action of Object.values(objectOf(entry))) {
      if (typeof action?.TableName === 'string') names.push(action.TableName);
    }
  }
  return [...new Set(names)];
}
