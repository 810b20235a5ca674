// Attribute values in DynamoDB JSON ({"S": "Bjork"}) as the hints read and rewrite them: the type a
// value names, the words for a type, and a value given the type the table declares.

import { isPlainObject } from './hint_shapes.js';

export const TYPE_DESCRIPTORS = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL'];

const TYPE_WORDS = { S: 'S (a string)', N: 'N (a number)', B: 'B (binary)' };

// A type as a hint names it: "S (a string)"; the other types by their letters.
export function typeWords(type) {
  return TYPE_WORDS[type] ?? type;
}

// `value` (an attribute value, or undefined) rewritten as `type`, keeping its text where it fits.
export function retyped(value, type) {
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

// The type `value` names ("S", "N", ...), or null when it is not one attribute value.
export function typeOf(value) {
  if (!isPlainObject(value)) return null;
  const keys = Object.keys(value);
  return keys.length === 1 && TYPE_DESCRIPTORS.includes(keys[0]) ? keys[0] : null;
}
