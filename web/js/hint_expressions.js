// Hints for mistakes in expressions and their placeholders: a reserved word used as an attribute
// name, a placeholder used but not defined (or defined in another case), defined but not used,
// misspelled, or given without any expression.
//
// The messages matched are the engine's own, spelled as in engine/expr/parser.cc (reserved words),
// engine/expr/context.cc and engine/api/expression_params.cc (placeholders).

import { retyped } from './hint_attribute_values.js';
import { isPlainObject, objectOf } from './hint_shapes.js';
import { attributeType, describedTable, tableNameOf } from './hint_table_schema.js';
import { formatEntry, formatJson, sameIgnoringCase } from './hint_text.js';

/** [pattern of a ValidationException message, hint for its match], in the order hintFor tries them. */
export const EXPRESSION_HINTS = [
  [/reserved keyword; reserved keyword: (\S+)/, reservedWordHint],
  [/attribute value used in expression is not defined; attribute value: (\S+)/, undefinedValueHint],
  [/attribute name used in the document path is not defined; attribute name: (\S+)/, undefinedNameHint],
  [
    /Value provided in ExpressionAttribute(Names|Values) unused in expressions: keys: \{([^}]*)\}/,
    unusedPlaceholderHint,
  ],
  [/ExpressionAttribute(Names|Values) contains invalid key: Syntax error; key: "(.*)"/, placeholderSyntaxHint],
  [/ExpressionAttribute(Names|Values) can only be specified when using expressions/, placeholdersWithoutExpressionHint],
];

function reservedWordHint([, word], operation, request) {
  const placeholder = '#' + word;
  const names = addEntry(request, 'ExpressionAttributeNames', formatEntry(placeholder, word));
  return `${formatJson(word)} is a reserved word in DynamoDB expressions, so it cannot be used as an attribute name there as it is. Write ${placeholder} in the expression instead and ${names}.`;
}

function undefinedValueHint([, placeholder], operation, request, context) {
  const otherCase = otherCaseHint(request, 'ExpressionAttributeValues', placeholder);
  if (otherCase) return otherCase;
  const type = guessValueType(request, placeholder, context);
  const entry = formatEntry(placeholder, retyped(undefined, type ?? 'N'));
  const where = addEntry(request, 'ExpressionAttributeValues', entry);
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
  const otherCase = otherCaseHint(request, 'ExpressionAttributeNames', placeholder);
  if (otherCase) return otherCase;
  const entry = formatEntry(placeholder, placeholder.slice(1) || 'AttributeName');
  const where = addEntry(request, 'ExpressionAttributeNames', entry);
  return `The expression uses ${placeholder} but ExpressionAttributeNames does not define it: ${where}, mapping it to the attribute's real name.`;
}

// The hint for a placeholder that `member` (ExpressionAttributeNames or ExpressionAttributeValues)
// defines in another case only, or null.
function otherCaseHint(request, member, placeholder) {
  const defined = request[member];
  const lookalike = isPlainObject(defined) && sameIgnoringCase(Object.keys(defined), placeholder);
  if (!lookalike) return null;
  return `The expression uses ${placeholder} but ${member} has ${formatJson(lookalike)}: placeholders are case-sensitive, so spell them the same in both places.`;
}

// How to add `entry` to the request's `member`: into the map when the request has one, else as a
// new member holding just that entry.
function addEntry(request, member, entry) {
  return isPlainObject(request[member]) ? `add ${entry} to ${member}` : `add "${member}": {${entry}}`;
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

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
