// Hints for the mistakes newcomers make in the request editor, shown below DynamoDB's own error
// (which the page never changes), and the place of a JSON syntax error in the editor's text.
// No DOM code: the console passes in what it sent and what came back.
//
// The messages matched here are the engine's own, spelled as in engine/expr/parser.cc (reserved
// words), engine/expr/context.cc (placeholders), engine/api/expression_params.cc,
// engine/store/table.cc and engine/index/secondary_index.cc (keys) and engine/api/messages.cc
// (missing tables). tests/node/error_hints.test.js sends each mistake to the real engine, so a
// reworded message fails a test instead of silently losing its hint.

/**
 * A short plain-English hint for a failed request, or null when the error is not one of the
 * mistakes this file knows (a hint that guesses wrong is worse than none).
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

/**
 * Where the JSON syntax error in `text` is: `{ line, column, lineText }`, 1-based, with the text
 * of that line (without its line break), or null when no place can be found (the text parses,
 * or the message and the text disagree).
 *
 * `error` is what JSON.parse threw (its message, a string, works too). The place comes from the
 * message when it has one (V8's "at position 42", newer V8's "(line 3 column 5)", Firefox's "at
 * line 3 column 5"); otherwise, as for V8's "Unexpected token '}', ..." and Safari's messages,
 * this file scans the text itself. An error at the end of the input ("Unexpected end of JSON
 * input") points just after the last character of the last line that is not blank.
 */
export function jsonErrorLocation(text, error) {
  if (typeof text !== 'string') return null;
  const message = typeof error === 'string' ? error : String(error?.message ?? '');
  const position = /\bat position (\d+)/.exec(message);
  if (position) return locationOfOffset(text, Number(position[1]));
  const lineColumn = /\bline (\d+) column (\d+)/.exec(message);
  if (lineColumn) return locationOfLine(text, Number(lineColumn[1]), Number(lineColumn[2]));
  if (/unexpected end of (JSON input|data)|Unexpected EOF/i.test(message)) {
    return locationOfOffset(text, text.length);
  }
  let offset;
  try {
    offset = firstSyntaxErrorOffset(text);
  } catch {
    return null; // nested deeper than this scanner's stack: no place rather than a wrong one
  }
  return offset < 0 ? null : locationOfOffset(text, offset);
}

// --- hints by message ---------------------------------------------------------------------------

const MESSAGE_HINTS = [
  [/reserved keyword; reserved keyword: (\S+)/, reservedWordHint],
  [/attribute value used in expression is not defined; attribute value: (\S+)/, undefinedValueHint],
  [/attribute name used in the document path is not defined; attribute name: (\S+)/, undefinedNameHint],
  [
    /Value provided in ExpressionAttribute(Names|Values) unused in expressions: keys: \{([^}]*)\}/,
    unusedPlaceholderHint,
  ],
  [/ExpressionAttribute(Names|Values) contains invalid key: Syntax error; key: "(.*)"/, placeholderSyntaxHint],
  [/ExpressionAttribute(Names|Values) can only be specified when using expressions/, placeholdersWithoutExpressionHint],
  [/Type mismatch for key (.+?) expected: (\w+) actual: (\w+)/, keyTypeHint],
  [/Type mismatch for Index Key (.+?) Expected: (\w+) Actual: (\w+) IndexName: (\S+)/, indexKeyTypeHint],
  [/Missing the key (.+) in the item/, missingKeyHint],
  [/The provided key element does not match the schema/, keySchemaHint],
  [/Either the KeyConditions or KeyConditionExpression parameter must be specified/, queryWithoutKeyConditionHint],
];

function reservedWordHint([, word], operation, request) {
  const placeholder = '#' + word;
  const names = isPlainObject(request.ExpressionAttributeNames)
    ? `add ${formatJson(placeholder)}: ${formatJson(word)} to ExpressionAttributeNames`
    : `add "ExpressionAttributeNames": {${formatJson(placeholder)}: ${formatJson(word)}}`;
  return `${formatJson(word)} is a reserved word in DynamoDB expressions, so it cannot be used as an attribute name there as it is. Write ${placeholder} in the expression instead and ${names}.`;
}

function undefinedValueHint([, placeholder], operation, request, context) {
  const values = request.ExpressionAttributeValues;
  const lookalike = isPlainObject(values) && sameIgnoringCase(Object.keys(values), placeholder);
  if (lookalike) {
    return `The expression uses ${placeholder} but ExpressionAttributeValues has ${formatJson(lookalike)}: placeholders are case-sensitive, so spell them the same in both places.`;
  }
  const type = guessValueType(request, placeholder, context);
  const entry = `${formatJson(placeholder)}: ${formatJson(retyped(undefined, type ?? 'N'))}`;
  const where = isPlainObject(values)
    ? `add ${entry} to ExpressionAttributeValues`
    : `add "ExpressionAttributeValues": {${entry}}`;
  const types = type ? '' : ' ({"N": "1999"} for a number, {"S": "text"} for a string)';
  return `The expression uses ${placeholder} but ExpressionAttributeValues does not define it: ${where}, with the value in DynamoDB JSON${types}.`;
}

// The type the value of `placeholder` must have, when the request's expressions tell: compared
// with an attribute whose type the table declares, used in arithmetic or size(), or the prefix
// of begins_with. Null when they do not.
function guessValueType(request, placeholder, context) {
  const table = describedTable(context, tableNameOf(request));
  const names = objectOf(request.ExpressionAttributeNames);
  const value = `${escapeRegExp(placeholder)}(?!\\w)`;
  const path = '([#\\w.\\[\\]]+)';
  const comparison = '(?:=|<>|<=|>=|<|>)';
  for (const member of ['KeyConditionExpression', 'FilterExpression', 'ConditionExpression', 'UpdateExpression']) {
    const expression = request[member];
    if (typeof expression !== 'string') continue;
    if (new RegExp(`begins_with\\s*\\([^,]*,\\s*${value}`, 'i').test(expression)) return 'S';
    const arithmetic = `[-+]\\s*${value}|${value}\\s*[-+]|size\\s*\\([^)]*\\)\\s*${comparison}\\s*${value}`;
    if (new RegExp(arithmetic, 'i').test(expression)) return 'N';
    const compared =
      new RegExp(`${path}\\s*${comparison}\\s*${value}`).exec(expression) ??
      new RegExp(`${value}\\s*${comparison}\\s*${path}`).exec(expression) ??
      new RegExp(`${path}\\s+BETWEEN\\s+(?::\\w+\\s+AND\\s+)?${value}`, 'i').exec(expression);
    if (!compared || !table) continue;
    const name = typeof names[compared[1]] === 'string' ? names[compared[1]] : compared[1];
    const type = attributeType(table, name);
    if (type) return type;
  }
  return null;
}

function undefinedNameHint([, placeholder], operation, request) {
  const names = request.ExpressionAttributeNames;
  const lookalike = isPlainObject(names) && sameIgnoringCase(Object.keys(names), placeholder);
  if (lookalike) {
    return `The expression uses ${placeholder} but ExpressionAttributeNames has ${formatJson(lookalike)}: placeholders are case-sensitive, so spell them the same in both places.`;
  }
  const entry = `${formatJson(placeholder)}: ${formatJson(placeholder.slice(1) || 'AttributeName')}`;
  const where = isPlainObject(names)
    ? `add ${entry} to ExpressionAttributeNames`
    : `add "ExpressionAttributeNames": {${entry}}`;
  return `The expression uses ${placeholder} but ExpressionAttributeNames does not define it: ${where}, mapping it to the attribute's real name.`;
}

function unusedPlaceholderHint([, kind, keys]) {
  const listed = keys.split(',').map((key) => key.trim()).filter(Boolean);
  if (listed.length === 1) {
    return `${listed[0]} is defined in ExpressionAttribute${kind} but no expression uses it. DynamoDB refuses unused entries: use it in an expression or remove it.`;
  }
  return `${listed.join(', ')} are defined in ExpressionAttribute${kind} but no expression uses them. DynamoDB refuses unused entries: use each in an expression or remove it.`;
}

function placeholderSyntaxHint([, kind, key]) {
  const prefix = kind === 'Names' ? '#' : ':';
  const fixed = prefix + key.replace(/^[#:]/, '').replace(/[^A-Za-z0-9_]/g, '');
  const rule = `Keys of ExpressionAttribute${kind} start with "${prefix}" followed by letters, digits or underscores`;
  if (fixed.length === 1) return `${rule}.`;
  return `${rule}: write ${formatJson(fixed)} instead of ${formatJson(key)}, and ${fixed} in the expression.`;
}

function placeholdersWithoutExpressionHint([, kind]) {
  return `ExpressionAttribute${kind} only serves the request's expressions (KeyConditionExpression, FilterExpression, ConditionExpression, UpdateExpression, ProjectionExpression). Remove it, or add the expression that uses its placeholders.`;
}

function keyTypeHint([, name, expected, actual], operation, request) {
  const fix = `${formatJson(name)}: ${formatJson(retyped(findAttribute(operation, request, name), expected))}`;
  return (
    `The table declares the key attribute ${formatJson(name)} as ${typeWords(expected)} in ` +
    `AttributeDefinitions, but the request gives ${typeWords(actual)}. Write ${fix}.`
  );
}

function indexKeyTypeHint([, name, expected, actual, index], operation, request) {
  const fix = `${formatJson(name)}: ${formatJson(retyped(findAttribute(operation, request, name), expected))}`;
  return (
    `${formatJson(name)} is a key of the index ${index}, declared as ${typeWords(expected)} in ` +
    `AttributeDefinitions: an item that has it must give it as ${expected}, not ${actual}. ` +
    `Write ${fix} (or leave the attribute out, and the item stays out of the index).`
  );
}

function missingKeyHint([, name], operation, request, context) {
  const table = describedTable(context, tableNameOf(request));
  const type = table && attributeType(table, name);
  const example = type
    ? `${formatJson(name)}: ${formatJson(retyped(undefined, type))}`
    : `${formatJson(name)}: {"S": "..."} (with the type declared in AttributeDefinitions)`;
  return `Every item must hold the table's key attributes: the partition key, and the sort key if the table has one. Add ${example} to Item.`;
}

function keySchemaHint(match, operation, request, context) {
  const keys = keysOf(operation, request);
  for (const { path, tableName, map, member } of keys) {
    const table = describedTable(context, tableName);
    if (!table || !isPlainObject(map)) continue;
    // A page of an index starts at a key that also holds the index's key attributes.
    if (member === 'ExclusiveStartKey' && request.IndexName !== undefined) continue;
    const problem = keyProblem(table, map, member === 'Item');
    if (problem) return `In ${path}: ${problem}`;
  }
  if (operation === 'Query' || operation === 'Scan') {
    return "ExclusiveStartKey must be the LastEvaluatedKey of the previous page, passed back as it came (for a Query or Scan of an index, that includes the index's key attributes).";
  }
  const given = keys.find(({ map }) => isPlainObject(map));
  const attributes = given
    ? Object.entries(given.map).map(([name, value]) => `${formatJson(name)} (${typeOf(value) ?? '?'})`)
    : [];
  const holds = given ? ` ${given.path} has ${attributes.join(', ') || 'no attributes'}.` : '';
  if (given?.member === 'Item') {
    return `Each item must hold the table's key attributes, each with the type declared in AttributeDefinitions: the partition key, plus the sort key if the table has one.${holds} DescribeTable shows the KeySchema.`;
  }
  return `A key must hold exactly the table's key attributes, each with the type declared in AttributeDefinitions: the partition key, plus the sort key if the table has one, and no other attribute.${holds} DescribeTable shows the KeySchema; to find items by other attributes use Query or Scan with a FilterExpression.`;
}

function queryWithoutKeyConditionHint() {
  return 'A Query reads one partition: give KeyConditionExpression with the partition key, e.g. "Artist = :artist", and its value in ExpressionAttributeValues. To read every item, use Scan.';
}

// What is wrong with `key` (an item when `isItem`) against the table's key schema, or null.
function keyProblem(table, key, isItem) {
  const keyNames = arrayOf(table.KeySchema).map((element) => element?.AttributeName);
  const schema = keyNames
    .map((name) => `${formatJson(name)} (${attributeType(table, name) ?? '?'})`)
    .join(' + ');
  for (const name of keyNames) {
    const expected = attributeType(table, name);
    const fix = `${formatJson(name)}: ${formatJson(retyped(key[name], expected ?? 'S'))}`;
    if (!(name in key)) return `${table.TableName}'s key is ${schema}, and ${formatJson(name)} is missing: add ${fix}.`;
    const actual = typeOf(key[name]);
    if (expected && actual && actual !== expected) {
      return `${table.TableName} declares ${formatJson(name)} as ${typeWords(expected)}: write ${fix}.`;
    }
  }
  if (isItem) return null;
  const extra = Object.keys(key).filter((name) => !keyNames.includes(name));
  if (extra.length === 0) return null;
  return `${table.TableName}'s key is ${schema} and nothing else: remove ${extra.map(formatJson).join(', ')} from the key. To find items by other attributes use Query or Scan with a FilterExpression.`;
}

// --- missing tables -----------------------------------------------------------------------------

function missingTableHint(request, message, context) {
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

// --- where a request holds attribute values -------------------------------------------------------

/**
 * Every map of attribute values in the request, as `{ path, member, tableName, map }` (`member`
 * is "Item", "Key", "ExclusiveStartKey" or "ExpressionAttributeValues"; a batch's keys count as
 * "Key"), and every list of them (the legacy AttributeValueList) as `{ path, member, list }`.
 */
function attributeMaps(operation, request) {
  const places = [];
  const addRequest = (body, path, tableName = body?.TableName) => {
    if (!isPlainObject(body)) return;
    const at = (member) => (path ? `${path}.${member}` : member);
    for (const member of ['Item', 'Key', 'ExclusiveStartKey', 'ExpressionAttributeValues']) {
      if (body[member] !== undefined) places.push({ path: at(member), member, tableName, map: body[member] });
    }
    // The legacy parameters name a value (Value) or several (AttributeValueList) per attribute.
    for (const legacy of ['Expected', 'AttributeUpdates', 'KeyConditions', 'QueryFilter', 'ScanFilter']) {
      for (const [name, condition] of Object.entries(objectOf(body[legacy]))) {
        const where = at(`${legacy}.${name}`);
        if (condition?.Value !== undefined) {
          places.push({ path: where, member: legacy, tableName, map: { Value: condition.Value } });
        }
        if (condition?.AttributeValueList !== undefined) {
          places.push({ path: `${where}.AttributeValueList`, member: legacy, list: condition.AttributeValueList });
        }
      }
    }
  };
  const requestItems = Object.entries(objectOf(request.RequestItems));
  switch (operation) {
    case 'BatchGetItem':
      for (const [table, reads] of requestItems) {
        arrayOf(reads?.Keys).forEach((key, i) => {
          places.push({ path: `RequestItems.${table}.Keys[${i}]`, member: 'Key', tableName: table, map: key });
        });
      }
      break;
    case 'BatchWriteItem':
      for (const [table, writes] of requestItems) {
        arrayOf(writes).forEach((write, i) => {
          addRequest(write?.PutRequest, `RequestItems.${table}[${i}].PutRequest`, table);
          addRequest(write?.DeleteRequest, `RequestItems.${table}[${i}].DeleteRequest`, table);
        });
      }
      break;
    case 'TransactGetItems':
    case 'TransactWriteItems':
      arrayOf(request.TransactItems).forEach((entry, i) => {
        for (const [action, body] of Object.entries(objectOf(entry))) addRequest(body, `TransactItems[${i}].${action}`);
      });
      break;
    default:
      addRequest(request, '');
  }
  return places;
}

const KEY_MEMBERS = ['Item', 'Key', 'ExclusiveStartKey'];

// The keys (and items, which must hold one) of a request, with the table each belongs to.
function keysOf(operation, request) {
  return attributeMaps(operation, request).filter(({ member }) => KEY_MEMBERS.includes(member));
}

// The attribute value named `name` in the request's items or keys, or undefined.
function findAttribute(operation, request, name) {
  for (const { map } of keysOf(operation, request)) {
    if (isPlainObject(map) && map[name] !== undefined) return map[name];
  }
  return undefined;
}

// --- plain JSON where DynamoDB JSON belongs -------------------------------------------------------

// A hint for the first place in the request whose values are not all DynamoDB JSON, or null.
function plainValueHint(operation, request) {
  for (const place of attributeMaps(operation, request)) {
    const problems = [];
    if (place.list !== undefined) {
      arrayOf(place.list).forEach((value, i) => findValueProblems(value, place.path, i, problems));
    } else if (isPlainObject(place.map)) {
      for (const [name, value] of Object.entries(place.map)) findValueProblems(value, place.path, name, problems);
    }
    if (problems.length > 0) return describeValueProblems(problems);
  }
  return null;
}

const TYPE_DESCRIPTORS = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL'];

const TYPE_WORDS = { S: 'S (a string)', N: 'N (a number)', B: 'B (binary)' };

function typeWords(type) {
  return TYPE_WORDS[type] ?? type;
}

/**
 * Collects into `problems` what is wrong with one attribute value and, for M and L, with its
 * members. `container` is the path of the map or list that holds the value, `label` its name
 * there (a string) or its index (a number). A value DynamoDB JSON allows adds nothing; a shape
 * no newcomer writes (two types in one value) is left to the engine's message.
 */
function findValueProblems(value, container, label, problems) {
  const add = (kind, fixed) => problems.push({ kind, container, label, value, fixed });
  if (!isPlainObject(value) || Object.keys(value).length === 0) return add('plain', toAttributeValue(value));
  const keys = Object.keys(value);
  const type = keys[0];
  if (!keys.some((key) => TYPE_DESCRIPTORS.includes(key))) {
    const upper = type.toUpperCase();
    if (keys.length === 1 && TYPE_DESCRIPTORS.includes(upper)) return add('case', { [upper]: value[type] });
    return add('plain', toAttributeValue(value));
  }
  if (keys.length !== 1) return undefined;
  const member = value[type];
  const path = typeof label === 'number' ? `${container}[${label}]` : `${container}.${label}`;
  if (type === 'N' && typeof member === 'number') return add('unquoted', { N: String(member) });
  if (type === 'NS' && Array.isArray(member) && member.some((n) => typeof n === 'number')) {
    return add('unquoted', { NS: member.map(String) });
  }
  if (type === 'S' && typeof member === 'number') return add('retype', { N: String(member) });
  if (type === 'S' && typeof member === 'boolean') return add('retype', { BOOL: member });
  if (type === 'BOOL' && (member === 'true' || member === 'false')) return add('retype', { BOOL: member === 'true' });
  if (type === 'M' && isPlainObject(member)) {
    for (const [name, inner] of Object.entries(member)) findValueProblems(inner, path, name, problems);
  }
  if (type === 'L' && Array.isArray(member)) {
    member.forEach((inner, i) => findValueProblems(inner, path, i, problems));
  }
  return undefined;
}

function describeValueProblems(problems) {
  const [{ kind, container, label, value, fixed }] = problems;
  const entry = (v) => (typeof label === 'number' ? formatJson(v) : `${formatJson(label)}: ${formatJson(v)}`);
  const change = `write ${entry(fixed)} instead of ${entry(value)}`;
  let hint;
  if (kind === 'plain') {
    hint = `${container} needs DynamoDB JSON, where every value names its type: ${change}. The types: S string, N number (given as a string, {"N": "1999"}), BOOL, NULL, L list, M map.`;
  } else if (kind === 'case') {
    hint = `Type names are upper case: in ${container}, ${change}.`;
  } else if (kind === 'unquoted') {
    hint = `DynamoDB JSON gives numbers as strings, so that no digit is lost: in ${container}, ${change}.`;
  } else {
    hint = `In ${container}, the value does not match its type: ${change}.`;
  }
  const others = [
    ...new Set(
      problems.slice(1).map((p) => (typeof p.label === 'number' ? `${p.container}[${p.label}]` : formatJson(p.label))),
    ),
  ];
  if (others.length === 0) return hint;
  const more = others.length > 3 ? ` and ${others.length - 3} more` : '';
  return `${hint} Do the same for ${others.slice(0, 3).join(', ')}${more}.`;
}

// DynamoDB JSON for a plain JSON value: "Bjork" is {"S": "Bjork"}, 1999 is {"N": "1999"}.
function toAttributeValue(value) {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value === null || value === undefined) return { NULL: true };
  if (Array.isArray(value)) return { L: value.map(toAttributeValue) };
  return { M: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toAttributeValue(v)])) };
}

// `value` (an attribute value, or undefined) rewritten as `type`, keeping its text where it fits.
function retyped(value, type) {
  const current = typeOf(value);
  const text = current ? value[current] : undefined;
  if (type === 'N') {
    const numeric = /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(String(text));
    return { N: numeric && typeof text !== 'boolean' ? String(text).trim() : '...' };
  }
  if (type === 'S') return { S: typeof text === 'string' || typeof text === 'number' ? String(text) : '...' };
  if (type === 'B') return { B: '(base64)' };
  return { [type]: '...' };
}

function typeOf(value) {
  if (!isPlainObject(value)) return null;
  const keys = Object.keys(value);
  return keys.length === 1 && TYPE_DESCRIPTORS.includes(keys[0]) ? keys[0] : null;
}

function describedTable(context, tableName) {
  if (!Array.isArray(context.tables) || typeof tableName !== 'string') return null;
  return context.tables.find((table) => table?.TableName === tableName) ?? null;
}

function tableNameOf(request) {
  return typeof request.TableName === 'string' ? request.TableName : undefined;
}

function attributeType(table, name) {
  const definition = arrayOf(table.AttributeDefinitions).find((d) => d?.AttributeName === name);
  return definition?.AttributeType ?? null;
}

// --- small helpers --------------------------------------------------------------------------------

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value) {
  return Array.isArray(value) ? value : [];
}

function objectOf(value) {
  return isPlainObject(value) ? value : {};
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The entry of `candidates` that equals `wanted` but for case, or undefined.
function sameIgnoringCase(candidates, wanted) {
  return candidates.find((candidate) => candidate !== wanted && candidate.toLowerCase() === wanted.toLowerCase());
}

const MAX_SNIPPET_LENGTH = 80;

// JSON as people write it in a hint ({"S": "Bjork"}), shortened when long.
function formatJson(value) {
  const text = spacedJson(value);
  return text.length <= MAX_SNIPPET_LENGTH ? text : text.slice(0, MAX_SNIPPET_LENGTH - 1) + '…';
}

function spacedJson(value) {
  if (Array.isArray(value)) return `[${value.map(spacedJson).join(', ')}]`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${spacedJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

// --- where a JSON syntax error is -------------------------------------------------------------------

function locationOfOffset(text, offset) {
  const lines = text.split('\n');
  // At (or past) the end, with only blanks left: point just after the last character written.
  if (text.slice(offset).trim() === '') {
    let line = lines.length;
    while (line > 1 && lines[line - 1].trim() === '') line--;
    const lineText = withoutCarriageReturn(lines[line - 1]);
    return { line, column: lineText.trimEnd().length + 1, lineText };
  }
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    if (offset <= start + lines[i].length) {
      return { line: i + 1, column: offset - start + 1, lineText: withoutCarriageReturn(lines[i]) };
    }
    start += lines[i].length + 1;
  }
  return null;
}

function locationOfLine(text, line, column) {
  const lines = text.split('\n');
  if (line < 1 || line > lines.length || column < 1) return null;
  const lineText = withoutCarriageReturn(lines[line - 1]);
  return { line, column: Math.min(column, lineText.length + 1), lineText };
}

function withoutCarriageReturn(line) {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * The offset of the first character JSON's grammar (RFC 8259) does not allow in `text`, as V8
 * reports it: the text's length when it ends too early, -1 when it parses. Used when the
 * message gives no place; recursive, so text nested thousands deep throws a RangeError.
 */
function firstSyntaxErrorOffset(text) {
  let i = 0;
  const fail = () => {
    throw new JsonSyntaxError(i);
  };
  const skipWhitespace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const expect = (c) => {
    skipWhitespace();
    if (text[i] !== c) fail();
    i++;
  };
  const digits = () => {
    if (!(text[i] >= '0' && text[i] <= '9')) fail();
    while (text[i] >= '0' && text[i] <= '9') i++;
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail();
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') fail();
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              fail();
            }
          }
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
  };
  const value = () => {
    skipWhitespace();
    const c = text[i];
    if (c === '{') {
      i++;
      skipWhitespace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipWhitespace();
        if (text[i] !== '"') fail();
        string();
        expect(':');
        value();
        skipWhitespace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect('}');
        return;
      }
    }
    if (c === '[') {
      i++;
      skipWhitespace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        skipWhitespace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(']');
        return;
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) {
      if (c === '-') i++;
      if (text[i] === '0') i++;
      else digits();
      if (text[i] === '.') {
        i++;
        digits();
      }
      if (text[i] === 'e' || text[i] === 'E') {
        i++;
        if (text[i] === '+' || text[i] === '-') i++;
        digits();
      }
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (c !== word[0]) continue;
      for (const expected of word) {
        if (text[i] !== expected) fail();
        i++;
      }
      return;
    }
    fail();
  };
  try {
    value();
    skipWhitespace();
    if (i < text.length) fail();
    return -1;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return Math.min(error.offset, text.length);
    throw error;
  }
}

class JsonSyntaxError extends Error {
  constructor(offset) {
    super(`JSON syntax error at ${offset}`);
    this.offset = offset;
  }
}
