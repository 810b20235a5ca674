// "Copy as": the editor's request as a program to take away, for the AWS SDK for JavaScript v3,
// boto3 or the AWS CLI, pointed at the playground's endpoint. Pure text in, text out (no DOM), so
// the page shows it and the tests run it.
//
// The request is DynamoDB's wire JSON, and each tool takes nearly the same: the SDK and boto3
// take the same member names (low-level clients, not DocumentClient or resources), the CLI takes
// one flag per top-level member. What differs is spelling, and binary values: on the wire a
// Binary is base64 text, but the SDK wants a Uint8Array and boto3 wants bytes (both encode it
// again), and only the AWS CLI v2 reads it as base64 (by default; a config file can say raw).

/** The languages `codeFor` writes, in the order a menu lists them. */
export const CODE_LANGUAGES = Object.freeze([
  Object.freeze({ id: 'javascript', label: 'AWS SDK for JavaScript v3' }),
  Object.freeze({ id: 'python', label: 'boto3 (Python)' }),
  Object.freeze({ id: 'cli', label: 'AWS CLI' }),
]);

/** The endpoint the programs call unless told otherwise: `dynamodb-playground`'s default port. */
export const DEFAULT_ENDPOINT = 'http://localhost:8000';

/** The region the programs name unless told otherwise: the playground's home region. */
export const DEFAULT_REGION = 'us-east-1';

/**
 * The program that sends `input` as `operation` to the endpoint, in `language` (an id from
 * CODE_LANGUAGES). `operation` is an AWS operation name ("PutItem", "GetRecords") or a full
 * target ("DynamoDB_20120810.PutItem", "DynamoDBStreams_20120810.ListStreams"); the four DynamoDB
 * Streams operations use that service's client either way. `input` is the parsed request object.
 * `region` is the one the client is configured for; the playground serves the request there, as
 * it reads the region from the signature (a global table's replica in that region answers).
 *
 * Returns null when the AWS tools have no such call: the playground's own operations
 * ("Playground.SetClock") and any other target prefix. Members whose value is null are left out,
 * as DynamoDB reads them as absent. Throws for an unknown language or an input that is not an
 * object; an input DynamoDB would reject is not an error here (the program gets the same answer).
 */
export function codeFor(language, operation, input = {}, { endpoint = DEFAULT_ENDPOINT, region = DEFAULT_REGION } = {}) {
  const write = WRITERS[language];
  if (write === undefined) throw new Error(`codeFor: unknown language "${language}"`);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new TypeError('codeFor: the input must be a request object');
  }
  const resolved = resolveOperation(operation);
  if (resolved === null) return null;
  const members = Object.entries(markBinaryValues(input)).filter(([, value]) => value !== null);
  return write({
    ...resolved,
    members,
    endpoint,
    region,
    hasBinary: containsBinary(members.map(([, value]) => value)),
  });
}

/**
 * The Python (sep '_') or CLI (sep '-') name of an API name, by botocore's rule: a word starts at
 * a capital that follows a lowercase letter or digit, and at a capital followed by a lowercase
 * letter, so an acronym stays whole ("SSESpecification" -> "sse-specification"); a trailing plural
 * acronym ("ARNs") is one word. The tests compare it with botocore on every name of both services.
 */
export function pythonicName(name, separator) {
  const plural = /[A-Z]{2,}s$/.exec(name);
  const head = plural ? name.slice(0, plural.index) : name;
  let text = '';
  for (let i = 0; i < head.length; i++) {
    const char = head[i];
    const startsWord =
      i > 0 &&
      isUpper(char) &&
      (isLowerOrDigit(head[i - 1]) || (i + 1 < head.length && isLower(head[i + 1])));
    text += (startsWord ? separator : '') + char;
  }
  if (plural) text += separator + plural[0];
  return text.toLowerCase();
}

const isUpper = (char) => char >= 'A' && char <= 'Z';
const isLower = (char) => char >= 'a' && char <= 'z';
const isLowerOrDigit = (char) => isLower(char) || (char >= '0' && char <= '9');

// ---------------------------------------------------------------------------------------------
// Which service and client an operation belongs to.

const SERVICES = {
  dynamodb: {
    jsPackage: '@aws-sdk/client-dynamodb',
    jsClient: 'DynamoDBClient',
    awsName: 'dynamodb', // boto3's client name and the CLI's command
  },
  streams: {
    jsPackage: '@aws-sdk/client-dynamodb-streams',
    jsClient: 'DynamoDBStreamsClient',
    awsName: 'dynamodbstreams',
  },
};

const STREAMS_OPERATIONS = new Set([
  'ListStreams',
  'DescribeStream',
  'GetShardIterator',
  'GetRecords',
]);

const TARGET_PREFIXES = {
  DynamoDB_20120810: SERVICES.dynamodb,
  DynamoDBStreams_20120810: SERVICES.streams,
};

// {service, name} for an operation the AWS clients have, else null.
function resolveOperation(operation) {
  if (typeof operation !== 'string') return null;
  const dot = operation.indexOf('.');
  const name = dot === -1 ? operation : operation.slice(dot + 1);
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) return null;
  if (dot !== -1) {
    const service = TARGET_PREFIXES[operation.slice(0, dot)];
    return service === undefined ? null : { service, name };
  }
  return { service: STREAMS_OPERATIONS.has(name) ? SERVICES.streams : SERVICES.dynamodb, name };
}

// ---------------------------------------------------------------------------------------------
// Binary attribute values.

// The base64 text of a Binary value, kept apart from strings so each language can write it in
// the form its client wants.
class Base64Binary {
  constructor(text) {
    this.text = text;
  }
}

// A copy of `value` in which the B and BS attribute values hold Base64Binary. An attribute value
// is an object with exactly one key, so {"B": "..."} cannot be mistaken for anything else in a
// request: an item's attributes hold objects, and expression names start with '#'.
function markBinaryValues(value) {
  if (Array.isArray(value)) return value.map(markBinaryValues);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'B' && typeof value.B === 'string') {
    return { B: new Base64Binary(value.B) };
  }
  if (keys.length === 1 && keys[0] === 'BS' && isStringArray(value.BS)) {
    return { BS: value.BS.map((text) => new Base64Binary(text)) };
  }
  return Object.fromEntries(keys.map((key) => [key, markBinaryValues(value[key])]));
}

const isStringArray = (value) => Array.isArray(value) && value.every((x) => typeof x === 'string');

function containsBinary(value) {
  if (value instanceof Base64Binary) return true;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(containsBinary);
}

// ---------------------------------------------------------------------------------------------
// Literals: one layout for JS object literals, Python dicts and JSON, each with its own syntax.
// A container goes on one line when that fits in LINE_WIDTH, else one entry per line.

const LINE_WIDTH = 80;

const isContainer = (value) =>
  value !== null && typeof value === 'object' && !(value instanceof Base64Binary);

// `column` is where the literal starts on its first line; `indent` is that line's indentation.
function renderLiteral(value, syntax, indent, column) {
  const inline = renderInline(value, syntax);
  if (!isContainer(value) || column + inline.length <= LINE_WIDTH) return inline;
  const isList = Array.isArray(value);
  const entries = isList ? value.map((item) => ['', item]) : Object.entries(value);
  if (entries.length === 0) return inline;
  const inner = indent + syntax.indentUnit;
  const lines = entries.map(([key, item]) => {
    const prefix = isList ? '' : syntax.key(key) + syntax.keySeparator;
    return inner + prefix + renderLiteral(item, syntax, inner, inner.length + prefix.length);
  });
  const [open, close] = isList ? ['[', ']'] : ['{', '}'];
  const separator = ',\n';
  const last = syntax.trailingComma ? ',' : '';
  return `${open}\n${lines.join(separator)}${last}\n${indent}${close}`;
}

function renderInline(value, syntax) {
  if (!isContainer(value)) return syntax.scalar(value);
  if (Array.isArray(value)) {
    return `[${value.map((item) => renderInline(item, syntax)).join(', ')}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const body = entries
    .map(([key, item]) => syntax.key(key) + syntax.keySeparator + renderInline(item, syntax))
    .join(', ');
  return `{${syntax.bracePadding}${body}${syntax.bracePadding}}`;
}

// A string literal valid in both JavaScript and Python (they share these escapes): in single
// quotes, or double ones when that saves escaping an apostrophe. Characters an editor would hide
// or treat as a line end are escaped, and so are lone surrogates, which UTF-8 cannot hold.
function quoteString(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0);
    if (char === '\\' || char === quote) out += '\\' + char;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += '\\x' + hex(code, 2);
    else if (isInvisibleOrUnencodable(code)) out += '\\u' + hex(code, 4);
    else out += char;
  }
  return out + quote;
}

// Line and paragraph separators, the byte-order mark, and lone surrogates.
const isInvisibleOrUnencodable = (code) =>
  code === 0x2028 || code === 0x2029 || code === 0xfeff || (code >= 0xd800 && code <= 0xdfff);

const hex = (code, digits) => code.toString(16).padStart(digits, '0');

const JS_SYNTAX = {
  indentUnit: '  ',
  keySeparator: ': ',
  bracePadding: ' ',
  trailingComma: true,
  key(name) {
    // `__proto__: x` in a literal, quoted or not, sets the prototype instead of a property.
    if (name === '__proto__') return `[${quoteString(name)}]`;
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quoteString(name);
  },
  scalar(value) {
    if (value instanceof Base64Binary) return `Buffer.from(${quoteString(value.text)}, 'base64')`;
    return typeof value === 'string' ? quoteString(value) : String(value);
  },
};

const PYTHON_SYNTAX = {
  indentUnit: '    ',
  keySeparator: ': ',
  bracePadding: '',
  trailingComma: true,
  key: quoteString,
  scalar(value) {
    if (value instanceof Base64Binary) return `b64decode(${quoteString(value.text)})`;
    if (typeof value === 'string') return quoteString(value);
    if (value === true) return 'True';
    if (value === false) return 'False';
    if (value === null) return 'None';
    return String(value);
  },
};

const JSON_SYNTAX = {
  indentUnit: '    ',
  keySeparator: ': ',
  bracePadding: '',
  trailingComma: false,
  key: (name) => JSON.stringify(name),
  scalar: (value) => JSON.stringify(value instanceof Base64Binary ? value.text : value),
};

// ---------------------------------------------------------------------------------------------
// The three programs.

const CREDENTIALS_NOTE = 'The playground accepts any credentials; AWS itself needs real ones.';
const CLI_CREDENTIALS_NOTE =
  'The playground accepts any credentials, e.g. AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x.';

function javascriptProgram({ service, name, members, endpoint, region }) {
  const command = `${name}Command`;
  const input = Object.fromEntries(members);
  return [
    `// Node.js 18 or later, saved as an ES module (.mjs): npm install ${service.jsPackage}`,
    `import { ${service.jsClient}, ${command} } from '${service.jsPackage}';`,
    '',
    `const client = new ${service.jsClient}({`,
    `  endpoint: ${quoteString(endpoint)},`,
    `  region: ${quoteString(region)},`,
    `  // ${CREDENTIALS_NOTE}`,
    "  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },",
    '});',
    '',
    `const input = ${renderLiteral(input, JS_SYNTAX, '', 'const input = '.length)};`,
    `const output = await client.send(new ${command}(input));`,
    'console.log(JSON.stringify(output, null, 2));',
    '',
  ].join('\n');
}

function pythonProgram({ service, name, members, endpoint, region, hasBinary }) {
  const method = pythonicName(name, '_');
  return [
    '# pip install boto3',
    'import json',
    ...(hasBinary ? ['from base64 import b64decode'] : []),
    '',
    'import boto3',
    '',
    'client = boto3.client(',
    `    ${quoteString(service.awsName)},`,
    `    endpoint_url=${quoteString(endpoint)},`,
    `    region_name=${quoteString(region)},`,
    `    # ${CREDENTIALS_NOTE}`,
    "    aws_access_key_id='x',",
    "    aws_secret_access_key='x',",
    ')',
    '',
    `response = client.${method}(${pythonArguments(members)})`,
    // default=str: responses hold datetimes (stream records, table descriptions) and bytes.
    'print(json.dumps(response, indent=2, default=str))',
    '',
  ].join('\n');
}

const PYTHON_KEYWORDS = new Set(['True', 'False', 'None']);

// Keyword arguments, one per line; `**{...}` when a member name cannot be a keyword (boto3 then
// refuses it by name, as it would any unknown parameter).
function pythonArguments(members) {
  if (members.length === 0) return '';
  const indent = '    ';
  const isKeyword = (key) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !PYTHON_KEYWORDS.has(key);
  if (!members.every(([key]) => isKeyword(key))) {
    const dict = renderLiteral(Object.fromEntries(members), PYTHON_SYNTAX, indent, indent.length);
    return `\n${indent}**${dict},\n`;
  }
  const lines = members.map(([key, value]) => {
    const literal = renderLiteral(value, PYTHON_SYNTAX, indent, indent.length + key.length + 1);
    return `${indent}${key}=${literal},`;
  });
  return `\n${lines.join('\n')}\n`;
}

// `aws <service> <operation> \` with one flag per line. Top-level booleans are the CLI's
// `--flag` / `--no-flag` switches; lists, maps and structures go as JSON in single quotes.
function cliCommand({ service, name, members, endpoint, region, hasBinary }) {
  const indent = '    ';
  const flags = members.map(([key, value]) => {
    const flag = `--${pythonicName(key, '-')}`;
    if (typeof value === 'boolean') return value ? flag : `--no-${flag.slice(2)}`;
    if (isContainer(value)) {
      const json = renderLiteral(value, JSON_SYNTAX, indent, indent.length + flag.length + 2);
      return `${flag} ${shellQuote(json)}`;
    }
    const text = String(value);
    // A value starting with '-' would be read as a flag unless attached with '='.
    return text.startsWith('-') ? `${flag}=${shellWord(text)}` : `${flag} ${shellWord(text)}`;
  });
  // AWS CLI v2 reads blobs as base64 unless a config file says `raw-in-base64-out`; the flag
  // overrides that. v1 always reads them raw and has no such flag: it fails on it, loudly,
  // instead of storing the base64 text as the bytes.
  if (hasBinary) flags.push('--cli-binary-format base64');
  flags.push(`--region ${shellWord(region)}`, `--endpoint-url ${shellWord(endpoint)}`);
  return [
    `# ${CLI_CREDENTIALS_NOTE}`,
    `aws ${service.awsName} ${pythonicName(name, '-')} \\`,
    ...flags.map((flag, i) => indent + flag + (i < flags.length - 1 ? ' \\' : '')),
    '',
  ].join('\n');
}

// Unquoted when every character is safe in any position of a shell word, else single-quoted.
function shellWord(text) {
  return /^[A-Za-z0-9_.,:/@%+=-]+$/.test(text) ? text : shellQuote(text);
}

// Inside single quotes only the quote itself is special; it is closed, escaped and reopened.
function shellQuote(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

const WRITERS = { javascript: javascriptProgram, python: pythonProgram, cli: cliCommand };
