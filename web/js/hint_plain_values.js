// The hint for plain JSON where DynamoDB JSON belongs ({"Artist": "Bjork"} for
// {"Artist": {"S": "Bjork"}}), and for the near misses: a type in lower case, a number not
// given as a string, a value that does not match its type. It names the first place and the fix,
// then lists the other places that need the same.

import { TYPE_DESCRIPTORS } from './hint_attribute_values.js';
import { attributeMaps } from './hint_request_places.js';
import { arrayOf, isPlainObject } from './hint_shapes.js';
import { formatEntry, formatJson } from './hint_text.js';

// A hint for the first place in the request whose values are not all DynamoDB JSON, or null.
export function plainValueHint(operation, request) {
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
  const entry = (v) => (typeof label === 'number' ? formatJson(v) : formatEntry(label, v));
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
