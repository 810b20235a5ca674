// "Copy as" (web/js/code_export.js): the text of each program, and each program run for real
// against the HTTP endpoint (node with the AWS SDK, python3 with boto3, bash with the AWS CLI),
// its effect read back from the engine, so a generator that writes a wrong value fails here.
// The boto3 and CLI runs are skipped when those are not installed.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startServer } from '../../wasm/http_server.js';
import { CODE_LANGUAGES, DEFAULT_ENDPOINT, codeFor, pythonicName } from '../../web/js/code_export.js';
import { AWS_ENV, awsCliAvailable, runFile } from './support/aws_cli.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Debian's python3 has boto3 and botocore; a pyenv python earlier on PATH may not.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

async function pythonHas(module) {
  try {
    await runFile(PYTHON, ['-c', `import ${module}`], { timeout: 30000 });
    return true;
  } catch {
    return false;
  }
}

const SKIP = {
  javascript: false,
  python: (await pythonHas('boto3')) ? false : `boto3 is not installed for ${PYTHON}`,
  cli: (await awsCliAvailable()) ? false : 'the AWS CLI (`aws`) is not installed',
};

const BOTOCORE_SKIP = (await pythonHas('botocore')) ? false : `botocore is not installed for ${PYTHON}`;

// AWS CLI v1 has no --cli-binary-format, which the command for a Binary value carries.
const CLI_IS_V1 = !SKIP.cli && /^aws-cli\/1\./.test(await cliVersion());

async function cliVersion() {
  const { stdout, stderr } = await runFile('aws', ['--version'], { env: AWS_ENV, timeout: 30000 });
  return (stdout || stderr).trim();
}

// ---------------------------------------------------------------------------------------------
// The text.

describe('CODE_LANGUAGES', () => {
  test('lists the SDK for JavaScript, boto3 and the CLI', () => {
    assert.deepEqual(
      CODE_LANGUAGES.map(({ id, label }) => `${id}: ${label}`),
      ['javascript: AWS SDK for JavaScript v3', 'python: boto3 (Python)', 'cli: AWS CLI'],
    );
  });
});

describe('codeFor', () => {
  describe('operations', () => {
    test("the playground's own operations have no equivalent", () => {
      for (const { id } of CODE_LANGUAGES) {
        assert.equal(codeFor(id, 'Playground.SetClock', { Mode: 'VIRTUAL' }), null);
        assert.equal(codeFor(id, 'Playground.GetMetrics', {}), null);
      }
    });

    test('an unknown target prefix or a name that is not an operation has none either', () => {
      assert.equal(codeFor('cli', 'Kinesis_20131202.ListStreams', {}), null);
      assert.equal(codeFor('cli', 'put item', {}), null);
      assert.equal(codeFor('cli', '', {}), null);
    });

    test('a full DynamoDB target is the same operation', () => {
      assert.equal(
        codeFor('python', 'DynamoDB_20120810.ListTables', {}),
        codeFor('python', 'ListTables', {}),
      );
    });

    test('the DynamoDB Streams operations use that service, with or without the prefix', () => {
      for (const operation of ['DynamoDBStreams_20120810.ListStreams', 'ListStreams']) {
        const input = { TableName: 'Music' };
        assert.match(
          codeFor('javascript', operation, input),
          /import \{ DynamoDBStreamsClient, ListStreamsCommand \} from '@aws-sdk\/client-dynamodb-streams';/,
        );
        assert.match(codeFor('python', operation, input), /boto3\.client\(\n {4}'dynamodbstreams',/);
        assert.match(codeFor('cli', operation, input), /^aws dynamodbstreams list-streams \\$/m);
      }
      assert.match(codeFor('cli', 'GetShardIterator', {}), /^aws dynamodbstreams get-shard-iterator /m);
    });

    test('an unknown language or an input that is not an object throws', () => {
      assert.throws(() => codeFor('ruby', 'ListTables', {}), /unknown language "ruby"/);
      assert.throws(() => codeFor('cli', 'ListTables', []), TypeError);
      assert.throws(() => codeFor('cli', 'ListTables', null), TypeError);
    });

    test('the endpoint defaults to localhost:8000 and can be given', () => {
      assert.equal(DEFAULT_ENDPOINT, 'http://localhost:8000');
      assert.match(codeFor('javascript', 'ListTables', {}), /endpoint: 'http:\/\/localhost:8000',/);
      const code = (language) =>
        codeFor(language, 'ListTables', {}, { endpoint: 'http://127.0.0.1:4567' });
      assert.match(code('javascript'), /endpoint: 'http:\/\/127\.0\.0\.1:4567',/);
      assert.match(code('python'), /endpoint_url='http:\/\/127\.0\.0\.1:4567',/);
      assert.match(code('cli'), /--endpoint-url http:\/\/127\.0\.0\.1:4567$/m);
    });
  });

  describe('javascript', () => {
    test('is a whole ES module: client, input literal, send, print', () => {
      const code = codeFor('javascript', 'GetItem', {
        TableName: 'Music',
        Key: { Artist: { S: 'Acme Band' }, SongTitle: { S: 'Happy Day' } },
        ConsistentRead: true,
      });
      assert.equal(
        code,
        [
          '// Node.js 18 or later, saved as an ES module (.mjs): npm install @aws-sdk/client-dynamodb',
          "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
          '',
          'const client = new DynamoDBClient({',
          "  endpoint: 'http://localhost:8000',",
          "  region: 'us-east-1',",
          '  // The playground accepts any credentials; AWS itself needs real ones.',
          "  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },",
          '});',
          '',
          'const input = {',
          "  TableName: 'Music',",
          "  Key: { Artist: { S: 'Acme Band' }, SongTitle: { S: 'Happy Day' } },",
          '  ConsistentRead: true,',
          '};',
          'const output = await client.send(new GetItemCommand(input));',
          'console.log(JSON.stringify(output, null, 2));',
          '',
        ].join('\n'),
      );
    });

    test('quotes keys that are not identifiers, and writes Binary as bytes', () => {
      const code = codeFor('javascript', 'PutItem', {
        TableName: 'T',
        Item: { 'my key': { B: 'AAE=' }, __proto__x: { BS: ['AQ=='] } },
      });
      assert.match(code, /'my key': \{ B: Buffer\.from\('AAE=', 'base64'\) \}/);
      assert.match(code, /__proto__x: \{ BS: \[Buffer\.from\('AQ==', 'base64'\)\] \}/);
    });

    test('an attribute named __proto__ stays a property', () => {
      const input = JSON.parse('{"TableName": "T", "Item": {"__proto__": {"S": "x"}}}');
      assert.match(codeFor('javascript', 'PutItem', input), /\['__proto__'\]: \{ S: 'x' \}/);
    });

    test('top-level nulls are left out, as DynamoDB reads them as absent', () => {
      const code = codeFor('javascript', 'Scan', { TableName: 'T', ExclusiveStartKey: null });
      assert.doesNotMatch(code, /ExclusiveStartKey/);
    });
  });

  describe('python', () => {
    test('is a whole program: boto3 client, keyword arguments, print', () => {
      const code = codeFor('python', 'UpdateTimeToLive', {
        TableName: 'Music',
        TimeToLiveSpecification: { AttributeName: 'ExpiresAt', Enabled: true },
      });
      assert.equal(
        code,
        [
          '# pip install boto3',
          'import json',
          '',
          'import boto3',
          '',
          'client = boto3.client(',
          "    'dynamodb',",
          "    endpoint_url='http://localhost:8000',",
          "    region_name='us-east-1',",
          '    # The playground accepts any credentials; AWS itself needs real ones.',
          "    aws_access_key_id='x',",
          "    aws_secret_access_key='x',",
          ')',
          '',
          'response = client.update_time_to_live(',
          "    TableName='Music',",
          "    TimeToLiveSpecification={'AttributeName': 'ExpiresAt', 'Enabled': True},",
          ')',
          'print(json.dumps(response, indent=2, default=str))',
          '',
        ].join('\n'),
      );
    });

    test('method names are snake_case and JSON literals are Python', () => {
      const code = codeFor('python', 'BatchWriteItem', {
        RequestItems: { T: [{ PutRequest: { Item: { a: { NULL: true }, b: { BOOL: false } } } }] },
      });
      assert.match(code, /client\.batch_write_item\(/);
      assert.match(code, /'a': \{'NULL': True\}, 'b': \{'BOOL': False\}/);
      assert.match(codeFor('python', 'ListTables', {}), /response = client\.list_tables\(\)\n/);
    });

    test('Binary values are decoded to bytes, importing b64decode only then', () => {
      const code = codeFor('python', 'GetItem', { TableName: 'T', Key: { k: { B: 'AAE=' } } });
      assert.match(code, /^from base64 import b64decode$/m);
      assert.match(code, /Key=\{'k': \{'B': b64decode\('AAE='\)\}\},/);
      assert.doesNotMatch(codeFor('python', 'GetItem', { TableName: 'T' }), /b64decode/);
    });

    test('strings are escaped', () => {
      const code = codeFor('python', 'GetItem', {
        TableName: 'T',
        Key: { k: { S: 'a\'b"c\\d\ne\u0001\u2028é🎉' }, "it's": { S: "it's" } },
      });
      assert.match(code, /'k': \{'S': 'a\\'b"c\\\\d\\ne\\x01\\u2028é🎉'\}/);
      assert.match(code, /"it's": \{'S': "it's"\}/);
    });

    test('member names that cannot be keywords go through **{...}', () => {
      const code = codeFor('python', 'ListTables', { 'Not a name': 1 });
      assert.match(code, /client\.list_tables\(\n {4}\*\*\{'Not a name': 1\},\n\)/);
    });
  });

  describe('cli', () => {
    test('is one flag per line in the CLI spelling', () => {
      const code = codeFor('cli', 'Query', {
        TableName: 'Music',
        KeyConditionExpression: 'Artist = :a',
        ExpressionAttributeValues: { ':a': { S: "Bob's Band" } },
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: 2,
        ReturnConsumedCapacity: 'TOTAL',
      });
      assert.equal(
        code,
        [
          '# The playground accepts any credentials, e.g. AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x.',
          'aws dynamodb query \\',
          '    --table-name Music \\',
          "    --key-condition-expression 'Artist = :a' \\",
          `    --expression-attribute-values '{":a": {"S": "Bob'\\''s Band"}}' \\`,
          '    --no-scan-index-forward \\',
          '    --consistent-read \\',
          '    --limit 2 \\',
          '    --return-consumed-capacity TOTAL \\',
          '    --region us-east-1 \\',
          '    --endpoint-url http://localhost:8000',
          '',
        ].join('\n'),
      );
    });

    test('names with acronyms follow the CLI', () => {
      const code = codeFor('cli', 'UpdateTable', {
        SSESpecification: { Enabled: true },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        GlobalSecondaryIndexUpdates: [],
      });
      assert.match(code, /^ {4}--sse-specification '\{"Enabled": true\}' \\$/m);
      assert.match(code, /^ {4}--return-values-on-condition-check-failure ALL_OLD \\$/m);
      assert.match(code, /^ {4}--global-secondary-index-updates '\[\]' \\$/m);
    });

    test('long JSON breaks over lines inside its quotes', () => {
      const code = codeFor('cli', 'PutItem', {
        TableName: 'Music',
        Item: {
          Artist: { S: 'No One You Know' },
          SongTitle: { S: 'Call Me Today' },
          AlbumTitle: { S: 'Somewhat Famous' },
        },
      });
      assert.match(
        code,
        new RegExp(
          [
            " {4}--item '\\{",
            ' {8}"Artist": \\{"S": "No One You Know"\\},',
            ' {8}"SongTitle": \\{"S": "Call Me Today"\\},',
            ' {8}"AlbumTitle": \\{"S": "Somewhat Famous"\\}',
            " {4}\\}' \\\\",
          ].join('\n'),
        ),
      );
    });

    test('a value starting with a dash is attached with =, and awkward scalars are quoted', () => {
      const code = codeFor('cli', 'Scan', { TableName: 'T', Limit: -1, FilterExpression: "a = 'b'" });
      assert.match(code, /^ {4}--limit=-1 \\$/m);
      assert.match(code, /^ {4}--filter-expression 'a = '\\''b'\\''' \\$/m);
    });

    test('a Binary value asks for --cli-binary-format base64', () => {
      assert.match(
        codeFor('cli', 'GetItem', { TableName: 'T', Key: { k: { B: 'AAE=' } } }),
        /--key '\{"k": \{"B": "AAE="\}\}' \\\n {4}--cli-binary-format base64 \\\n/,
      );
      assert.doesNotMatch(codeFor('cli', 'GetItem', { TableName: 'T' }), /cli-binary-format/);
    });
  });
});

// botocore's own names for every operation and input member of both services, when Debian's
// botocore is there to ask.
const BOTOCORE_NAMES_SCRIPT = `
import glob, json
from botocore import xform_name
names = set()
for path in glob.glob('/usr/lib/python3/dist-packages/botocore/data/dynamodb*/*/service-2.json'):
    model = json.load(open(path))
    names.update(model['operations'])
    for shape in model['shapes'].values():
        names.update(shape.get('members', {}))
print(json.dumps({name: [xform_name(name), xform_name(name, '-')] for name in sorted(names)}))
`;

describe('pythonicName', () => {
  const skip = BOTOCORE_SKIP;
  test("matches botocore's xform_name on every DynamoDB and Streams name", { skip }, async () => {
    const { stdout } = await runFile(PYTHON, ['-c', BOTOCORE_NAMES_SCRIPT], { timeout: 60000 });
    const expected = JSON.parse(stdout);
    assert.ok(Object.keys(expected).length > 300, 'the service models were found');
    const mine = Object.fromEntries(
      Object.keys(expected).map((name) => [name, [pythonicName(name, '_'), pythonicName(name, '-')]]),
    );
    assert.deepEqual(mine, expected);
  });

  test('splits acronyms, digits and plural acronyms as botocore does', () => {
    assert.equal(pythonicName('SSESpecificationOverride', '-'), 'sse-specification-override');
    assert.equal(pythonicName('S3BucketOwner', '_'), 's3_bucket_owner');
    assert.equal(pythonicName('ListARNs', '_'), 'list_arns');
  });
});

// ---------------------------------------------------------------------------------------------
// Random items. DDBPG_CODE_EXPORT_SEED replays one seed.

const RANDOM_SEEDS = process.env.DDBPG_CODE_EXPORT_SEED
  ? [Number(process.env.DDBPG_CODE_EXPORT_SEED)]
  : [1, 2, 3];

// Characters each language and the shell treat specially, and text beyond ASCII.
const AWKWARD_PIECES = [
  "'", '"', '\\', '\n', '\r\n', '\t', '$HOME', '`id`', '$(id)', '!!', '%s', '{}', '[]', "'\\''",
  '\\u0041', '\u0000', '\u0001', '\u007f', '\u0085', '\u2028', '\ufeff', 'é', '日本語', '🎉',
  ' ', '--flag', '#', ';', '*', '=', ',', ':', 'plain', 'B', 'S',
];

// xorshift32: small, and the same sequence on every machine for a seed.
function seededRandom(seed) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
  const int = (n) => Math.floor(next() * n);
  return { int, pick: (list) => list[int(list.length)], chance: (p) => next() < p };
}

function randomText(random, { allowEmpty = true } = {}) {
  const length = random.int(5) + (allowEmpty ? 0 : 1);
  return Array.from({ length }, () => random.pick(AWKWARD_PIECES)).join('');
}

// Numbers in the engine's canonical spelling, so they read back unchanged.
function randomNumber(random) {
  if (random.chance(0.1)) return '12345678901234567890123456789012345678';
  const whole = String(random.int(2000001) - 1000000);
  if (random.chance(0.5)) return whole;
  // No trailing zero in the fraction: the engine would drop it.
  return `${whole}.${String(random.int(1000)).padStart(3, '0')}${random.int(9) + 1}`;
}

function randomBytes(random, { allowEmpty }) {
  const length = random.int(8) + (allowEmpty ? 0 : 1);
  return Buffer.from(Array.from({ length }, () => random.int(256))).toString('base64');
}

function uniqueList(random, make) {
  return [...new Set(Array.from({ length: random.int(3) + 1 }, make))];
}

function randomValue(random, depth, options) {
  const kinds = ['S', 'N', 'BOOL', 'NULL', 'SS', 'NS'];
  if (options.binary) kinds.push('B', 'BS');
  if (depth < 3) kinds.push('L', 'M', 'M');
  switch (random.pick(kinds)) {
    case 'S':
      return { S: randomText(random) };
    case 'N':
      return { N: randomNumber(random) };
    case 'BOOL':
      return { BOOL: random.chance(0.5) };
    case 'NULL':
      return { NULL: true };
    case 'SS':
      return { SS: uniqueList(random, () => randomText(random, { allowEmpty: false })) };
    case 'NS':
      return { NS: uniqueList(random, () => randomNumber(random)) };
    case 'B':
      return { B: randomBytes(random, { allowEmpty: true }) };
    case 'BS':
      return { BS: uniqueList(random, () => randomBytes(random, { allowEmpty: false })) };
    case 'L':
      return {
        L: Array.from({ length: random.int(4) }, () => randomValue(random, depth + 1, options)),
      };
    default:
      return { M: randomAttributes(random, depth + 1, options) };
  }
}

function randomAttributes(random, depth, options) {
  const attributes = {};
  const count = random.int(4) + (depth === 0 ? 1 : 0);
  for (let i = 0; i < count; i++) {
    attributes[`a${i}${randomText(random)}`] = randomValue(random, depth, options);
  }
  return attributes;
}

function randomItem(random, label, options) {
  return { pk: { S: `${label} ${randomText(random)}` }, ...randomAttributes(random, 0, options) };
}

// ---------------------------------------------------------------------------------------------
// The programs, run.

let server;
let scratch;
let programCount = 0;

before(async () => {
  server = await startServer({ port: 0 });
  // Under the repository, so the programs' `import '@aws-sdk/...'` finds its node_modules.
  const cache = path.join(REPO_ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  scratch = mkdtempSync(path.join(cache, 'code-export-'));
});

after(async () => {
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const PROGRAM_FILE_EXTENSIONS = { javascript: '.mjs', python: '.py' };

// Runs the program for `operation`; resolves to {code, stdout, stderr}, never rejects for a
// non-zero exit. The environment is the one the CLI tests use: no user config, any credentials.
async function runProgram(language, operation, input) {
  const code = codeFor(language, operation, input, { endpoint: server.url });
  assert.notEqual(code, null);
  let command;
  if (language === 'cli') {
    command = ['bash', ['-c', code]];
  } else {
    const file = path.join(scratch, `program_${++programCount}${PROGRAM_FILE_EXTENSIONS[language]}`);
    writeFileSync(file, code);
    command = [language === 'python' ? PYTHON : process.execPath, [file]];
  }
  try {
    const { stdout, stderr } = await runFile(...command, { env: AWS_ENV, timeout: 90000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

// The program's printed output, which must have succeeded. The CLI prints nothing for an empty
// answer (PutItem without ReturnValues).
async function outputOf(language, operation, input) {
  const run = await runProgram(language, operation, input);
  assert.equal(run.code, 0, `${language} ${operation} failed:\n${run.stderr}`);
  return run.stdout.trim() === '' ? {} : JSON.parse(run.stdout);
}

// Sets come back in the engine's order; everything else must match exactly.
function normalized(value) {
  if (Array.isArray(value)) return value.map(normalized);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      ['SS', 'NS', 'BS'].includes(key) && Array.isArray(inner) ? [...inner].sort() : normalized(inner),
    ]),
  );
}

async function storedItem(tableName, key) {
  const input = { TableName: tableName, Key: key, ConsistentRead: true };
  return (await server.db.send('GetItem', input)).Item;
}

const AWKWARD_TEXT =
  'It\'s "quoted" \\ back\\slash\nnew line\ttab $HOME `id` !! %s \'\\\'\' é 日本語 🎉 \u2028';

const SONG_ITEM = {
  Artist: { S: 'Acme Band' },
  SongTitle: { S: 'Happy Day' },
  Plays: { N: '12' },
  Price: { N: '-0.25' },
  Live: { BOOL: false },
  Notes: { NULL: true },
  Genres: { SS: ['pop', 'rock'] },
  Charts: { NS: ['1', '38'] },
  Credits: { L: [{ S: 'vocals' }, { M: { name: { S: 'Bob' }, years: { N: '3' } } }] },
  Obsolete: { S: 'to be removed' },
};

for (const { id: language, label } of CODE_LANGUAGES) {
  describe(`${label} programs against the endpoint`, { skip: SKIP[language] }, () => {
    const table = `Songs_${language}`;
    const binaryTable = `Blobs_${language}`;
    const songKey = (title) => ({ Artist: { S: 'Acme Band' }, SongTitle: { S: title } });

    test('CreateTable creates the table with its key schema', async () => {
      const output = await outputOf(language, 'CreateTable', {
        TableName: table,
        AttributeDefinitions: [
          { AttributeName: 'Artist', AttributeType: 'S' },
          { AttributeName: 'SongTitle', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'Artist', KeyType: 'HASH' },
          { AttributeName: 'SongTitle', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      });
      assert.equal(output.TableDescription.TableName, table);
      const { Table } = await server.db.send('DescribeTable', { TableName: table });
      assert.deepEqual(Table.KeySchema, [
        { AttributeName: 'Artist', KeyType: 'HASH' },
        { AttributeName: 'SongTitle', KeyType: 'RANGE' },
      ]);
      assert.equal(Table.BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST');
    });

    test('PutItem stores exactly the item, condition and capacity options included', async () => {
      const output = await outputOf(language, 'PutItem', {
        TableName: table,
        Item: SONG_ITEM,
        ConditionExpression: 'attribute_not_exists(Artist)',
        ReturnConsumedCapacity: 'TOTAL',
      });
      assert.equal(output.ConsumedCapacity.TableName, table);
      const stored = await storedItem(table, songKey('Happy Day'));
      assert.deepEqual(normalized(stored), normalized(SONG_ITEM));
    });

    test('PutItem keeps quotes, apostrophes, backslashes, newlines and non-ASCII', async () => {
      const item = {
        ...songKey(AWKWARD_TEXT),
        [`name with 'quotes' "and" spaces ${AWKWARD_TEXT}`]: { S: AWKWARD_TEXT },
        Lyrics: { SS: [AWKWARD_TEXT, "l'été"] },
        Nested: { M: { [AWKWARD_TEXT]: { L: [{ S: AWKWARD_TEXT }, { S: '' }] } } },
      };
      await outputOf(language, 'PutItem', {
        TableName: table,
        Item: item,
        ConditionExpression: 'attribute_not_exists(#a) AND :text <> :other',
        ExpressionAttributeNames: { '#a': 'Artist' },
        ExpressionAttributeValues: { ':text': { S: AWKWARD_TEXT }, ':other': { S: "l'été" } },
      });
      assert.deepEqual(normalized(await storedItem(table, songKey(AWKWARD_TEXT))), normalized(item));
    });

    test('Query with a descending, limited, consistent read returns those items', async () => {
      await server.db.send('PutItem', { TableName: table, Item: songKey('Happy Night') });
      await server.db.send('PutItem', { TableName: table, Item: songKey('Sad Day') });
      const output = await outputOf(language, 'Query', {
        TableName: table,
        KeyConditionExpression: '#artist = :artist AND begins_with(SongTitle, :prefix)',
        ExpressionAttributeNames: { '#artist': 'Artist' },
        ExpressionAttributeValues: { ':artist': { S: 'Acme Band' }, ':prefix': { S: 'Happy' } },
        ProjectionExpression: 'SongTitle',
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: 1,
      });
      assert.deepEqual(output.Items, [{ SongTitle: { S: 'Happy Night' } }]);
      assert.deepEqual(output.LastEvaluatedKey, songKey('Happy Night'));
    });

    test('UpdateItem applies its expression and returns the new item', async () => {
      const output = await outputOf(language, 'UpdateItem', {
        TableName: table,
        Key: songKey('Happy Day'),
        UpdateExpression: 'SET #plays = #plays + :one, Live = :yes ADD Genres :genre REMOVE Obsolete',
        ConditionExpression: 'Plays = :twelve',
        ExpressionAttributeNames: { '#plays': 'Plays' },
        ExpressionAttributeValues: {
          ':one': { N: '1' },
          ':yes': { BOOL: true },
          ':genre': { SS: ["children's"] },
          ':twelve': { N: '12' },
        },
        ReturnValues: 'UPDATED_NEW',
      });
      assert.deepEqual(normalized(output.Attributes), {
        Plays: { N: '13' },
        Live: { BOOL: true },
        Genres: { SS: ["children's", 'pop', 'rock'] },
      });
      const { Obsolete, ...kept } = SONG_ITEM;
      assert.deepEqual(
        normalized(await storedItem(table, songKey('Happy Day'))),
        normalized({ ...kept, ...output.Attributes }),
      );
    });

    // AWS CLI v1 has no --cli-binary-format, so it fails on the command instead of storing the
    // base64 text as the bytes; v2 (and the SDKs) must round-trip the bytes.
    const binaryItem = {
      Id: { B: Buffer.from([0, 1, 2, 250, 255]).toString('base64') },
      Chunks: { BS: [Buffer.from('hi').toString('base64'), Buffer.from([0xff]).toString('base64')] },
      Nested: { L: [{ B: '' }] },
    };
    const binaryKey = { Id: binaryItem.Id };

    test('PutItem and GetItem round-trip Binary values (also as the key)', async () => {
      await server.db.send('CreateTable', {
        TableName: binaryTable,
        AttributeDefinitions: [{ AttributeName: 'Id', AttributeType: 'B' }],
        KeySchema: [{ AttributeName: 'Id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      });
      if (language === 'cli' && CLI_IS_V1) {
        const run = await runProgram(language, 'PutItem', { TableName: binaryTable, Item: binaryItem });
        assert.notEqual(run.code, 0);
        assert.match(run.stderr, /Unknown options: --cli-binary-format, base64/);
        assert.equal(await storedItem(binaryTable, binaryKey), undefined);
        return;
      }
      await outputOf(language, 'PutItem', { TableName: binaryTable, Item: binaryItem });
      assert.deepEqual(normalized(await storedItem(binaryTable, binaryKey)), normalized(binaryItem));
      const output = await outputOf(language, 'GetItem', { TableName: binaryTable, Key: binaryKey });
      assert.ok(output.Item, 'GetItem found the item by its Binary key');
      assert.deepEqual(Object.keys(output.Item).sort(), ['Chunks', 'Id', 'Nested']);
    });

    test('DynamoDB Streams: ListStreams goes to the Streams client', async () => {
      const streamTable = `Streamed_${language}`;
      const { TableDescription } = await server.db.send('CreateTable', {
        TableName: streamTable,
        AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      });
      const output = await outputOf(language, 'DynamoDBStreams_20120810.ListStreams', {
        TableName: streamTable,
      });
      assert.deepEqual(
        output.Streams.map((stream) => stream.StreamArn),
        [TableDescription.LatestStreamArn],
      );
    });

    const binaryInRandomItems = !(language === 'cli' && CLI_IS_V1);
    const randomTitle = `random items survive BatchWriteItem${
      binaryInRandomItems ? '' : ' (no Binary: AWS CLI v1)'
    }`;
    test(randomTitle, async () => {
      const randomTable = `Random_${language}`;
      await server.db.send('CreateTable', {
        TableName: randomTable,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      });
      for (const seed of RANDOM_SEEDS) {
        const random = seededRandom(seed);
        const items = Array.from({ length: 8 }, (_, index) =>
          randomItem(random, `seed ${seed} item ${index}`, { binary: binaryInRandomItems }),
        );
        const output = await outputOf(language, 'BatchWriteItem', {
          RequestItems: { [randomTable]: items.map((item) => ({ PutRequest: { Item: item } })) },
        });
        assert.deepEqual(output.UnprocessedItems, {}, `seed ${seed}`);
        for (const item of items) {
          const stored = await storedItem(randomTable, { pk: item.pk });
          const where = `seed ${seed}, ${JSON.stringify(item.pk)}`;
          assert.deepEqual(normalized(stored), normalized(item), where);
        }
      }
    });
  });
}
