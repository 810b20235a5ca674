// The words of a hint: JSON quoted the way people type it, and the name a typo most likely meant
// (one that differs only in case, as placeholders and table names are case-sensitive).

import { isPlainObject } from './hint_shapes.js';

// The entry of `candidates` that equals `wanted` but for case, or undefined.
export function sameIgnoringCase(candidates, wanted) {
  return candidates.find((candidate) => candidate !== wanted && candidate.toLowerCase() === wanted.toLowerCase());
}

const MAX_SNIPPET_LENGTH = 80;

// JSON as people write it in a hint ({"S": "Bjork"}), shortened when long.
export function formatJson(value) {
  const text = spacedJson(value);
  return text.length <= MAX_SNIPPET_LENGTH ? text : text.slice(0, MAX_SNIPPET_LENGTH - 1) + '…';
}

// One entry of a JSON object as a hint quotes it: "Year": {"N": "1999"}.
export function formatEntry(name, value) {
  return `${formatJson(name)}: ${formatJson(value)}`;
}

function spacedJson(value) {
  if (Array.isArray(value)) return `[${value.map(spacedJson).join(', ')}]`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${spacedJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
