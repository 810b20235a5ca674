// Hints for keys and items that do not fit the table's key schema: a key attribute of the wrong
// type (for the table or for an index), missing from an item, a key with too few or too many
// attributes, and a Query without a key condition. With DescribeTable's view of the table they
// name the attribute and its declared type.
//
// The messages matched are the engine's own, spelled as in engine/store/table.cc,
// engine/index/secondary_index.cc and engine/api/query_scan_handler.cc (a Query without a key
// condition).

import { retyped, typeOf, typeWords } from './hint_attribute_values.js';
import { attributeMaps } from './hint_request_places.js';
import { arrayOf, isPlainObject } from './hint_shapes.js';
import { attributeType, describedTable, tableNameOf } from './hint_table_schema.js';
import { formatEntry, formatJson } from './hint_text.js';

/** [pattern of a ValidationException message, hint for its match], in the order hintFor tries them. */
export const KEY_HINTS = [
  [/Type mismatch for key (.+?) expected: (\w+) actual: (\w+)/, keyTypeHint],
  [/Type mismatch for Index Key (.+?) Expected: (\w+) Actual: (\w+) IndexName: (\S+)/, indexKeyTypeHint],
  [/Missing the key (.+) in the item/, missingKeyHint],
  [/The provided key element does not match the schema/, keySchemaHint],
  [/Either the KeyConditions or KeyConditionExpression parameter must be specified/, queryWithoutKeyConditionHint],
];

function keyTypeHint([, name, expected, actual], operation, request) {
  const fix = formatEntry(name, retyped(findAttribute(operation, request, name), expected));
  return (
    `The table declares the key attribute ${formatJson(name)} as ${typeWords(expected)} in ` +
    `AttributeDefinitions, but the request gives ${typeWords(actual)}. Write ${fix}.`
  );
}

function indexKeyTypeHint([, name, expected, actual, index], operation, request) {
  const fix = formatEntry(name, retyped(findAttribute(operation, request, name), expected));
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
    ? formatEntry(name, retyped(undefined, type))
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
    const fix = formatEntry(name, retyped(key[name], expected ?? 'S'));
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
