// The last step between a parsed AWS CLI command and its request body, as botocore takes it
// before sending: parameters the operation does not have are refused client-side (botocore's
// ParamValidator, with its wording), and timestamps travel as whole epoch seconds (the JSON
// protocol's serializer). The values' types are left to the engine, which checks them as
// DynamoDB does.

import { CLI_SHAPES } from './cli_operations.js';
import { shapeKind } from './cli_option_value.js';

/**
 * `input` ready to send, for an operation whose top-level members are `members` (member name ->
 * shape). Changes timestamps in place. Throws an Error "Parameter validation failed:" listing
 * every unknown parameter and every timestamp that is not one.
 */
export function requestBody(input, members) {
  const problems = [];
  visitStructure(input, members, '', problems);
  if (problems.length > 0) throw new Error(`Parameter validation failed:\n${problems.join('\n')}`);
  return input;
}

function visit(value, shape, path, problems) {
  const kind = shapeKind(shape);
  if (kind === 'structure') return visitStructure(value, CLI_SHAPES[shape][1], path, problems);
  if (kind === 'list' && Array.isArray(value)) {
    value.forEach((element, index) => {
      value[index] = visit(element, CLI_SHAPES[shape][1], `${path}[${index}]`, problems);
    });
  } else if (kind === 'map' && isObject(value)) {
    for (const key of Object.keys(value)) {
      value[key] = visit(value[key], CLI_SHAPES[shape][1], `${path}.${key}`, problems);
    }
  } else if (kind === 'timestamp') {
    return epochSeconds(value, path, problems);
  }
  return value;
}

function visitStructure(value, members, path, problems) {
  if (!isObject(value)) return value;
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(members, key)) {
      problems.push(
        `Unknown parameter in ${displayPath(path)}: "${key}", must be one of: ${Object.keys(members).join(', ')}`,
      );
    } else {
      value[key] = visit(value[key], members[key], `${path}.${key}`, problems);
    }
  }
  return value;
}

// botocore reads epoch seconds, ISO 8601 (a time without a zone is UTC) or RFC 822, and sends
// whole seconds.
function epochSeconds(value, path, problems) {
  if (typeof value === 'number') return Math.floor(value);
  const text = String(value).trim();
  let seconds = /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(seconds)) {
    const zoneless = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
    seconds = Date.parse(zoneless ? `${text.replace(' ', 'T')}Z` : text) / 1000;
  }
  if (Number.isNaN(seconds)) {
    problems.push(`Invalid timestamp for parameter ${displayPath(path)}: '${text}'`);
    return value;
  }
  return Math.floor(seconds);
}

// botocore names the request "input" and a member by its path: KeySchema[0], Item.name.
function displayPath(path) {
  return path === '' ? 'input' : path.replace(/^\./, '');
}

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
