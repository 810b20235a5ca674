// One AWS CLI option's words turned into the request member's value, by the member's shape, as
// the CLI does it (awscli/argprocess.py and the BackCompatVisitor in awscli/shorthand.py):
//
//   structure, map   one word: JSON if it starts with `{`, else shorthand (`A=1,B=x`)
//   list             any number of words: one JSON array (`[...]`), or one element per word,
//                    each JSON (`{...}`) or shorthand for lists of structures, lists or maps,
//                    and taken as is for lists of scalars (`--attributes-to-get a b`)
//   integer, long    a whole number; double, float a number; string, blob, timestamp as typed
//
// Shorthand parses to strings only; the shape then turns "5" into 5 and "true" into true.
// Booleans at the top level are flags (--consistent-read), read by cli_command.js.

import { CLI_SHAPES } from './cli_operations.js';
import { parseShorthand, ShorthandSyntaxError } from './cli_shorthand.js';

const SCALAR_KINDS = new Set(['string', 'integer', 'long', 'double', 'float', 'boolean', 'blob', 'timestamp']);

/** 'structure', 'list', 'map' or a scalar kind, for a shape as cli_operations.js writes it. */
export function shapeKind(shape) {
  return SCALAR_KINDS.has(shape) ? shape : CLI_SHAPES[shape][0];
}

/**
 * The value of `option` (e.g. '--key-schema') whose member has shape `shape`: `value` is the
 * option's list of words for a list shape, its one word otherwise. Throws an Error starting
 * "Error parsing parameter '--option':" (the CLI's words) for bad JSON, bad shorthand, a number
 * that is not one, or a `file://` value, which a page cannot read.
 */
export function optionValue(option, shape, value) {
  refuseFile(option, value);
  const kind = shapeKind(shape);
  if (kind === 'list') return listValue(option, CLI_SHAPES[shape][1], value);
  if (kind === 'structure' || kind === 'map') return objectValue(option, shape, value);
  return scalarValue(option, kind, value, option);
}

function listValue(option, member, words) {
  const first = words[0]?.trim() ?? '';
  const memberKind = shapeKind(member);
  if (first.startsWith('[') || first.startsWith('{')) {
    if (words.length === 1 && first.startsWith('[')) return parseJson(option, words[0]);
    return words.map((word) => {
      if (SCALAR_KINDS.has(memberKind)) return scalarValue(option, memberKind, word, option);
      const opener = memberKind === 'list' ? '[' : '{';
      if (!word.trim().startsWith(opener)) throw paramError(option, `Invalid JSON:\n${word}`);
      return parseJson(option, word);
    });
  }
  if (SCALAR_KINDS.has(memberKind)) {
    return words.map((word) => scalarValue(option, memberKind, word, option));
  }
  return words.map((word) => fitToShape(option, parseShorthandOption(option, word), member, option));
}

function objectValue(option, shape, word) {
  const trimmed = word.trim();
  if (trimmed.startsWith('{')) return parseJson(option, word);
  if (trimmed.startsWith('[')) throw paramError(option, `Invalid JSON:\n${word}`);
  return fitToShape(option, parseShorthandOption(option, word), shape, option);
}

// A top-level scalar, or an element of a list of scalars (where a boolean is any word but
// "false", as the CLI reads it).
function scalarValue(option, kind, word, where) {
  switch (kind) {
    case 'integer':
    case 'long':
      return integer(option, word, where);
    case 'double':
    case 'float':
      return decimal(option, word, where);
    case 'boolean':
      return word.toLowerCase() !== 'false' && word !== '';
    default:
      return word; // timestamps become epoch seconds in cli_request_body.js
  }
}

// Shorthand values are strings: give each member the type its shape says. A single value where
// the shape wants a list becomes a one-element list (`Names=a` is ['a']). Keys the shape does not
// know are kept; cli_request_body.js reports them as botocore does.
function fitToShape(option, value, shape, where) {
  if (value === undefined || value === null) return value;
  const kind = shapeKind(shape);
  if (kind === 'structure') {
    if (!isObject(value)) return value;
    for (const [member, memberShape] of Object.entries(CLI_SHAPES[shape][1])) {
      if (Object.hasOwn(value, member)) {
        value[member] = fitToShape(option, value[member], memberShape, member);
      }
    }
    return value;
  }
  if (kind === 'list') {
    const list = Array.isArray(value) ? value : [value];
    return list.map((element) => fitToShape(option, element, CLI_SHAPES[shape][1], where));
  }
  if (kind === 'map') {
    if (!isObject(value)) return value;
    for (const key of Object.keys(value)) value[key] = fitToShape(option, value[key], CLI_SHAPES[shape][1], key);
    return value;
  }
  if (typeof value !== 'string') return value;
  if (kind === 'integer' || kind === 'long') return integer(option, value, where);
  if (kind === 'double' || kind === 'float') return decimal(option, value, where);
  if (kind === 'boolean') {
    // Only "true" and "false" are booleans in shorthand; anything else stays as typed.
    if (value.toLowerCase() === 'true') return true;
    if (value.toLowerCase() === 'false') return false;
  }
  return value;
}

function parseShorthandOption(option, word) {
  try {
    return parseShorthand(word);
  } catch (error) {
    if (error instanceof ShorthandSyntaxError) throw paramError(option, error.message);
    throw error;
  }
}

function parseJson(option, text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw paramError(option, `Invalid JSON: ${error.message}\nJSON received: ${text}`);
  }
}

// Python's int(): optional sign, digits, `_` between digits, blanks around.
function integer(option, text, where) {
  if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(text)) {
    throw paramError(option, `${where} expects an integer, received '${text}'`);
  }
  return Number(text.replaceAll('_', ''));
}

function decimal(option, text, where) {
  const number = Number(text);
  if (text.trim() === '' || !Number.isFinite(number)) {
    throw paramError(option, `${where} expects a number, received '${text}'`);
  }
  return number;
}

function refuseFile(option, value) {
  const words = Array.isArray(value) ? value : [value];
  for (const word of words) {
    if (/^fileb?:\/\//.test(word)) {
      throw paramError(option, `${word}: the page cannot read files; paste the file's content as the value`);
    }
  }
}

function paramError(option, message) {
  return new Error(`Error parsing parameter '${option}': ${message}`);
}

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
