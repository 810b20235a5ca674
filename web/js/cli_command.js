// `aws dynamodb ...` and `aws dynamodbstreams ...` command lines, as pasted from the AWS docs
// or a terminal, turned into the request the AWS CLI would send: the operation and its input,
// which deep-equals the body the CLI puts on the wire (tests/node/cli_command.test.js compares
// them with the real CLI). No DOM: the console decides what to do with the result.
//
// The steps are the CLI's: bash splits the text into words (shell_words.js), the CLI finds
// the service and the command, reads each option by its member's shape (cli_option_value.js,
// with the shapes from botocore's models in cli_operations.js), merges --cli-input-json under
// the options, and botocore refuses unknown parameters (cli_request_body.js).

import { CLI_SERVICES } from './cli_operations.js';
import { optionValue, shapeKind } from './cli_option_value.js';
import { requestBody } from './cli_request_body.js';
import { splitShellCommands } from './shell_words.js';

// The CLI's global options: where and how it sends, not what. 1 if the option takes a value.
// The page has one endpoint and shows JSON, so they are accepted and reported as ignored.
const GLOBAL_OPTIONS = {
  'endpoint-url': 1, region: 1, output: 1, profile: 1, query: 1, color: 1, 'ca-bundle': 1,
  'cli-read-timeout': 1, 'cli-connect-timeout': 1, 'cli-binary-format': 1,
  debug: 0, 'no-cli-pager': 0, 'no-verify-ssl': 0, 'no-sign-request': 0, 'no-paginate': 0,
  'cli-auto-prompt': 0, 'no-cli-auto-prompt': 0,
};

// Options the CLI has but that do not make a request the page could send.
const REFUSED_OPTIONS = {
  'generate-cli-skeleton': 'prints a request skeleton instead of sending a request',
  'cli-input-yaml': 'is not supported here; write the input as --cli-input-json',
  version: 'prints the CLI version instead of sending a request',
  'starting-token': 'resumes the CLI\'s own pagination; pass the key itself, e.g. --exclusive-start-key',
};

// `aws dynamodb <command>` commands that are the CLI's own, not operations.
const CLI_ONLY_COMMANDS = {
  wait: 'polls the service until a condition holds; send describe-table instead',
  wizard: 'is an interactive CLI wizard',
  help: 'shows the CLI\'s manual; the links beside the request editor lead to the API Reference',
};

/**
 * True when `text`, after blank lines and `#` comment lines, starts with `aws dynamodb` or
 * `aws dynamodbstreams` (global options such as `--region x` may come between). Cheap and
 * never throws: the console calls it on every edit to choose between JSON and a command line.
 */
export function looksLikeCliCommand(text) {
  const start = String(text)
    .replace(/\r\n?/g, '\n')
    .replace(/\\\n/g, ' ')
    .replace(/^(?:[ \t]*(?:#[^\n]*)?\n)*/, '');
  return /^[ \t]*aws(?:[ \t]+--[\w-]+(?:=\S*|[ \t]+[^-\s]\S*)?)*[ \t]+dynamodb(?:streams)?(?:\s|$)/.test(start);
}

/**
 * The request the AWS CLI would send for the one command in `text`:
 * `{ service, operation, target, input, ignored }`, e.g. for `aws dynamodb put-item ...`
 * service 'dynamodb', operation 'PutItem', target 'DynamoDB_20120810.PutItem', input the
 * body, ignored the global options read but not applied (['--region', ...]). `target` is what
 * `db.send()` takes for either service.
 *
 * Throws an Error whose message names the problem: shell syntax (an unterminated quote, an
 * expansion), more than one command, a service other than dynamodb or dynamodbstreams, an
 * unknown command or option (with the nearest spelling), a missing value or required option,
 * bad JSON or shorthand in a value (with the parser's own message), a `file://` value, and
 * unknown parameters botocore would refuse. The engine's own validation is not repeated here.
 */
export function parseCliCommand(text) {
  const commands = splitShellCommands(String(text));
  if (commands.length === 0) throw new Error('No command: the text holds only blank lines and comments');
  if (commands.length > 1) throw severalCommandsError(commands);
  return readCommand(withoutAssignments(commands[0].words));
}

function severalCommandsError(commands) {
  const [first, second] = commands;
  const message =
    `One command at a time: the text holds ${commands.length} commands, ` +
    `on line ${first.line} and line ${second.line}`;
  if (second.words[0].startsWith('-')) {
    return new Error(
      `${message}. Line ${second.line} starts with ${second.words[0]}: the line before it ends ` +
        'the command (a line needs a \\ at its end to go on, and a comment line ends a command)',
    );
  }
  return new Error(`${message}; run them one by one`);
}

// `AWS_PAGER= aws dynamodb ...` sets a variable for one command; it does not change the request.
function withoutAssignments(words) {
  let at = 0;
  while (at < words.length - 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[at])) at++;
  return words.slice(at);
}

function readCommand(words) {
  if (words[0] !== 'aws') {
    throw new Error(`Not an AWS CLI command: it starts with '${words[0]}', not 'aws'`);
  }
  const cursor = new WordCursor(words, 1);
  // What the CLI's own options say: the ones read but ignored, --no-paginate, --page-size,
  // --max-items and --cli-input-json.
  const cliOptions = { ignored: [], noPaginate: false };
  readGlobalOptions(cursor, cliOptions, 'aws');
  const serviceName = cursor.next();
  const known = serviceName !== undefined && Object.hasOwn(CLI_SERVICES, serviceName);
  const service = known ? CLI_SERVICES[serviceName] : null;
  if (service === null) {
    throw new Error(
      serviceName === undefined
        ? 'aws needs a service and a command, e.g. aws dynamodb list-tables'
        : `aws ${serviceName} is not supported: the playground runs aws dynamodb and aws dynamodbstreams commands`,
    );
  }
  readGlobalOptions(cursor, cliOptions, `aws ${serviceName}`);
  const commandName = cursor.next();
  const command = findCommand(serviceName, service, commandName);
  const line = `aws ${serviceName} ${commandName}`;
  const given = readOptions(cursor, command, cliOptions, line);
  const input = buildInput(command, given, cliOptions, line);
  return {
    service: serviceName,
    operation: command.operation,
    target: `${service.target}.${command.operation}`,
    input,
    ignored: cliOptions.ignored,
  };
}

function findCommand(serviceName, service, commandName) {
  if (commandName === undefined) {
    const example = serviceName === 'dynamodb' ? 'list-tables' : 'list-streams';
    throw new Error(`aws ${serviceName} needs a command, e.g. aws ${serviceName} ${example}`);
  }
  if (Object.hasOwn(service.commands, commandName)) return service.commands[commandName];
  if (Object.hasOwn(CLI_ONLY_COMMANDS, commandName)) {
    throw new Error(`aws ${serviceName} ${commandName} ${CLI_ONLY_COMMANDS[commandName]}`);
  }
  const hint = suggestion(commandName, Object.keys(service.commands));
  throw new Error(`Unknown command: aws ${serviceName} ${commandName}${hint}`);
}

// Global options may come before the service, before the command, or among the options.
function readGlobalOptions(cursor, cliOptions, where) {
  while (cursor.peek()?.startsWith('--')) {
    const { name, inline } = splitOption(cursor.peek());
    if (!Object.hasOwn(GLOBAL_OPTIONS, name)) {
      if (Object.hasOwn(REFUSED_OPTIONS, name)) throw refusedOption(name);
      throw new Error(`Unknown option --${name} after ${where}${suggestion(`--${name}`, globalNames())}`);
    }
    cursor.next();
    readGlobalOption(cursor, cliOptions, name, inline);
  }
}

function readGlobalOption(cursor, cliOptions, name, inline) {
  if (GLOBAL_OPTIONS[name] === 1) {
    cursor.value(`--${name}`, inline);
  } else if (inline !== undefined) {
    throw new Error(`--${name} is a flag and takes no value (found --${name}=${inline})`);
  }
  if (name === 'no-paginate') cliOptions.noPaginate = true;
  if (!cliOptions.ignored.includes(`--${name}`)) cliOptions.ignored.push(`--${name}`);
}

// The command's options as { name -> words, word or boolean }, the last of a repeated option
// winning as with the CLI's argparse; the CLI's own options go into `cliOptions`.
function readOptions(cursor, command, cliOptions, line) {
  const given = new Map();
  let lastOption = null;
  while (!cursor.done()) {
    const word = cursor.next();
    if (!looksLikeOption(word)) throw unexpectedWord(word, lastOption, line);
    const { name, inline } = splitOption(word);
    lastOption = `--${name}`;
    const option = Object.hasOwn(command.options, name) ? command.options[name] : null;
    const negated = name.startsWith('no-') && Object.hasOwn(command.options, name.slice(3))
      ? command.options[name.slice(3)]
      : null;
    if (option !== null && shapeKind(option[1]) === 'list') {
      given.set(name, inline !== undefined ? [inline] : cursor.valuesUntilOption());
    } else if (option !== null && shapeKind(option[1]) === 'boolean') {
      if (inline !== undefined) throw flagWithValue(name, inline);
      given.set(name, true);
    } else if (option !== null) {
      given.set(name, cursor.value(`--${name}`, inline));
    } else if (negated !== null && shapeKind(negated[1]) === 'boolean') {
      if (inline !== undefined) throw flagWithValue(name, inline);
      given.set(name.slice(3), false);
    } else if (command.paging && (name === 'page-size' || name === 'max-items')) {
      cliOptions[name] = cursor.value(`--${name}`, inline);
    } else if (name === 'cli-input-json') {
      cliOptions.cliInputJson = cursor.value('--cli-input-json', inline);
    } else if (Object.hasOwn(GLOBAL_OPTIONS, name)) {
      readGlobalOption(cursor, cliOptions, name, inline);
    } else if (Object.hasOwn(REFUSED_OPTIONS, name)) {
      throw refusedOption(name);
    } else {
      const hint = suggestion(`--${name}`, optionNames(command));
      throw new Error(`Unknown option ${word.split('=')[0]} for ${line}${hint}`);
    }
  }
  return given;
}

function buildInput(command, given, cliOptions, line) {
  const input = {};
  for (const [name, value] of given) {
    const [member, shape] = command.options[name];
    input[member] = typeof value === 'boolean' ? value : optionValue(`--${name}`, shape, value);
  }
  if (command.paging) applyPaging(command, given, cliOptions, input);
  if (cliOptions.cliInputJson !== undefined) {
    mergeCliInputJson(input, cliOptions.cliInputJson);
  } else {
    const missing = Object.entries(command.options)
      .filter(([, [member, , required]]) => required && !Object.hasOwn(input, member))
      .map(([name]) => `--${name}`);
    if (missing.length > 0) {
      const them = missing.length > 1 ? 'them' : 'it';
      throw new Error(`${line} needs ${missing.join(', ')} (the CLI requires ${them})`);
    }
  }
  const members = Object.fromEntries(Object.values(command.options).map(([member, shape]) => [member, shape]));
  return requestBody(input, members);
}

// The CLI pages through Query, Scan and the List operations itself. --page-size is the request's
// Limit; --max-items only cuts the CLI's output, so the request does not change. Giving the
// operation's own paging members (--limit, --exclusive-start-key) turns the CLI's paging off,
// and then its paging options are an error, as they are with --no-paginate.
function applyPaging(command, given, cliOptions, input) {
  const { tokens, pageSize } = command.paging;
  const manual = [...tokens, pageSize].some(
    (member) => member && [...given.keys()].some((name) => command.options[name][0] === member),
  );
  const used = ['page-size', 'max-items'].filter((name) => cliOptions[name] !== undefined);
  if ((manual || cliOptions.noPaginate) && used.length > 0) {
    const names = used.map((name) => `--${name}`).join(', ');
    throw new Error(`Cannot specify --no-paginate along with pagination arguments: ${names}`);
  }
  if (cliOptions['max-items'] !== undefined) {
    optionValue('--max-items', 'integer', cliOptions['max-items']);
    cliOptions.ignored.push('--max-items');
  }
  if (cliOptions['page-size'] !== undefined && pageSize) {
    input[pageSize] = optionValue('--page-size', 'integer', cliOptions['page-size']);
  }
}

// The JSON fills in what the options did not give; an option wins over the same member in it.
function mergeCliInputJson(input, text) {
  if (/^fileb?:\/\//.test(text)) {
    throw new Error(
      `Error parsing parameter '--cli-input-json': ${text}: the page cannot read files; paste the JSON itself`,
    );
  }
  let loaded;
  try {
    loaded = JSON.parse(text);
  } catch (error) {
    throw new Error(`Error parsing parameter '--cli-input-json': Invalid JSON received: ${error.message}`);
  }
  if (typeof loaded !== 'object' || loaded === null || Array.isArray(loaded)) {
    throw new Error("Error parsing parameter '--cli-input-json': Invalid type: expecting map");
  }
  for (const [member, value] of Object.entries(loaded)) {
    // defineProperty: a member named "__proto__" stays a member (and is reported as unknown).
    if (!Object.hasOwn(input, member)) {
      Object.defineProperty(input, member, { value, enumerable: true, writable: true, configurable: true });
    }
  }
}

// The words after `aws`, read left to right.
class WordCursor {
  constructor(words, at) {
    this.words = words;
    this.at = at;
  }

  done() {
    return this.at >= this.words.length;
  }

  peek() {
    return this.words[this.at];
  }

  next() {
    return this.words[this.at++];
  }

  // The one value of `option`: its `=value`, or the next word unless that is an option.
  value(option, inline) {
    if (inline !== undefined) return inline;
    if (this.done() || looksLikeOption(this.peek())) {
      throw new Error(`Missing value: ${option} expects one argument`);
    }
    return this.next();
  }

  // A list option takes every word up to the next option, possibly none.
  valuesUntilOption() {
    const values = [];
    while (!this.done() && !looksLikeOption(this.peek())) values.push(this.next());
    return values;
  }
}

// As the CLI's argparse decides: a word starting with '-' is an option unless it is a negative
// number or holds a space.
function looksLikeOption(word) {
  return word.length > 1 && word[0] === '-' && !/^-\d+$|^-\d*\.\d+$/.test(word) && !word.includes(' ');
}

function splitOption(word) {
  const body = word.replace(/^--?/, '');
  const equals = body.indexOf('=');
  return equals < 0 ? { name: body } : { name: body.slice(0, equals), inline: body.slice(equals + 1) };
}

function unexpectedWord(word, lastOption, line) {
  const shown = word.length > 40 ? `${word.slice(0, 40)}...` : word;
  if (lastOption === null) {
    return new Error(`Unexpected word '${shown}' after ${line}: options start with --`);
  }
  return new Error(
    `Unexpected word '${shown}' after the value of ${lastOption}: ` +
      'a value holding spaces (JSON, an expression) needs quotes around it',
  );
}

function flagWithValue(name, value) {
  const positive = name.replace(/^no-/, '');
  return new Error(
    `--${name} is a flag and takes no value (found --${name}=${value}); write --${positive} or --no-${positive}`,
  );
}

function refusedOption(name) {
  return new Error(`--${name} ${REFUSED_OPTIONS[name]}`);
}

function optionNames(command) {
  const names = Object.keys(command.options).map((name) => `--${name}`);
  if (command.paging) names.push('--page-size', '--max-items');
  return [...names, '--cli-input-json', ...globalNames()];
}

function globalNames() {
  return Object.keys(GLOBAL_OPTIONS).map((name) => `--${name}`);
}

// "; did you mean --table-name?" when one spelling is close (edit distance at most a third of
// the word, and at least 2), else ''.
function suggestion(word, candidates) {
  let best = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === null ? '' : `; did you mean ${best}?`;
}

function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
