// AWS CLI command lines pasted into the page (web/js/cli_command.js): the requests they stand
// for, the errors that name what is wrong, the shell word splitting (against bash itself), and
// fidelity with the real AWS CLI: each command line runs through bash and `aws` against a
// recording server, and the parsed request must equal the body the CLI sent. The fidelity part
// is skipped when `aws` is not installed.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { after, before, describe, test } from 'node:test';

import { looksLikeCliCommand, parseCliCommand } from '../../web/js/cli_command.js';
import { splitShellCommands } from '../../web/js/shell_words.js';
import { AWS_ENV, awsCliAvailable } from './support/aws_cli.js';
import { seededRandom } from './support/seeded_random.js';
import { EXPLAINER_CREATE_TABLE, EXPLAINER_PUT_ITEM, EXPLAINER_QUERY } from '../fixtures/explainer_cli_examples.js';

const run = promisify(execFile);

describe('looksLikeCliCommand', () => {
  test('is true for aws dynamodb and aws dynamodbstreams, after comments and blank lines', () => {
    assert.equal(looksLikeCliCommand(EXPLAINER_CREATE_TABLE), true);
    assert.equal(looksLikeCliCommand('\n  # list them\n\naws dynamodb list-tables'), true);
    assert.equal(looksLikeCliCommand('aws dynamodbstreams list-streams'), true);
    assert.equal(looksLikeCliCommand('aws \\\n  --region us-east-1 dynamodb scan --table-name T'), true);
    assert.equal(looksLikeCliCommand('aws dynamodb'), true);
  });

  test('is false for JSON, other services and other words', () => {
    assert.equal(looksLikeCliCommand('{"TableName": "aws dynamodb"}'), false);
    assert.equal(looksLikeCliCommand('aws s3 ls'), false);
    assert.equal(looksLikeCliCommand('aws dynamodbx list-tables'), false);
    assert.equal(looksLikeCliCommand('# aws dynamodb list-tables'), false);
    assert.equal(looksLikeCliCommand(''), false);
  });
});

describe('parseCliCommand', () => {
  describe('behaviour', () => {
    test('the explainer create-table: shorthand lists over continued lines', () => {
      assert.deepEqual(parseCliCommand(EXPLAINER_CREATE_TABLE), {
        service: 'dynamodb',
        operation: 'CreateTable',
        target: 'DynamoDB_20120810.CreateTable',
        input: {
          TableName: 'Users',
          AttributeDefinitions: [{ AttributeName: 'user_id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'user_id', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        },
        ignored: [],
      });
    });

    test('the explainer put-item: JSON across lines in single quotes', () => {
      const { operation, input } = parseCliCommand(EXPLAINER_PUT_ITEM);
      assert.equal(operation, 'PutItem');
      assert.deepEqual(input, {
        TableName: 'Users',
        Item: { user_id: { S: 'user_123' }, name: { S: 'John' }, email: { S: 'john@example.com' } },
      });
    });

    test('the explainer query: a double-quoted expression and JSON values', () => {
      const { operation, input } = parseCliCommand(EXPLAINER_QUERY);
      assert.equal(operation, 'Query');
      assert.deepEqual(input, {
        TableName: 'Users',
        KeyConditionExpression: 'user_id = :uid',
        ExpressionAttributeValues: { ':uid': { S: 'user_123' } },
      });
    });

    test('boolean members are flags: --consistent-read and --no-consistent-read, the last wins', () => {
      const on = parseCliCommand('aws dynamodb get-item --table-name T --key id={S=1} --consistent-read');
      assert.deepEqual(on.input, { TableName: 'T', Key: { id: { S: '1' } }, ConsistentRead: true });
      const off = parseCliCommand(
        'aws dynamodb get-item --table-name T --key id={S=1} --consistent-read --no-consistent-read',
      );
      assert.equal(off.input.ConsistentRead, false);
    });

    test('shorthand values take their shape: integers, booleans, one value for a list', () => {
      const { input } = parseCliCommand(
        'aws dynamodb create-table --table-name T ' +
          '--key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE ' +
          '--provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=10 ' +
          '--stream-specification StreamEnabled=true,StreamViewType=KEYS_ONLY ' +
          '--local-secondary-indexes IndexName=by-date,KeySchema=[{AttributeName=pk,KeyType=HASH}],' +
          'Projection={ProjectionType=INCLUDE,NonKeyAttributes=date}',
      );
      assert.deepEqual(input.KeySchema, [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      assert.deepEqual(input.ProvisionedThroughput, { ReadCapacityUnits: 5, WriteCapacityUnits: 10 });
      assert.deepEqual(input.StreamSpecification, { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
      assert.deepEqual(input.LocalSecondaryIndexes[0].Projection, {
        ProjectionType: 'INCLUDE',
        NonKeyAttributes: ['date'],
      });
    });

    test('--cli-input-json is the input; options given beside it win', () => {
      const { input } = parseCliCommand(
        `aws dynamodb scan --cli-input-json '{"TableName": "A", "Limit": 2}' --table-name B`,
      );
      assert.deepEqual(input, { TableName: 'B', Limit: 2 });
    });

    test('global options and --max-items are read, reported, and leave the request alone', () => {
      const parsed = parseCliCommand(
        'aws --region eu-west-1 dynamodb scan --table-name T --endpoint-url http://localhost:8000 ' +
          '--output json --no-cli-pager --debug --max-items 5 --page-size 2',
      );
      assert.deepEqual(parsed.input, { TableName: 'T', Limit: 2 });
      assert.deepEqual(parsed.ignored, [
        '--region', '--endpoint-url', '--output', '--no-cli-pager', '--debug', '--max-items',
      ]);
    });

    test('dynamodbstreams commands carry the streams target', () => {
      const parsed = parseCliCommand('aws dynamodbstreams get-records --shard-iterator abc --limit 10');
      assert.deepEqual(parsed, {
        service: 'dynamodbstreams',
        operation: 'GetRecords',
        target: 'DynamoDBStreams_20120810.GetRecords',
        input: { ShardIterator: 'abc', Limit: 10 },
        ignored: [],
      });
    });

    test('every command maps to its operation name', () => {
      const operations = {
        'put-item': 'PutItem',
        'create-table': 'CreateTable',
        'batch-write-item': 'BatchWriteItem',
        'describe-time-to-live': 'DescribeTimeToLive',
        'update-time-to-live': 'UpdateTimeToLive',
        'list-tables': 'ListTables',
        'transact-write-items': 'TransactWriteItems',
      };
      for (const [command, operation] of Object.entries(operations)) {
        assert.equal(parseCliCommand(`aws dynamodb ${command} --cli-input-json {}`).operation, operation);
      }
      assert.equal(parseCliCommand('aws dynamodbstreams list-streams').operation, 'ListStreams');
    });

    test('timestamps are sent as epoch seconds', () => {
      const { input } = parseCliCommand('aws dynamodb list-backups --time-range-lower-bound 2024-01-02T03:04:05Z');
      assert.equal(input.TimeRangeLowerBound, 1704164645);
    });
  });

  describe('errors', () => {
    const cases = [
      ['aws dynamodb put-itme --table-name T', 'Unknown command: aws dynamodb put-itme; did you mean put-item?'],
      [
        'aws dynamodb get-item --tabel-name T',
        'Unknown option --tabel-name for aws dynamodb get-item; did you mean --table-name?',
      ],
      ['aws dynamodb describe-table --table-name', 'Missing value: --table-name expects one argument'],
      ['aws dynamodb describe-table --table-name --region x', 'Missing value: --table-name expects one argument'],
      [
        `aws dynamodb put-item --table-name T --item '{"a": 1}`,
        "Unterminated single quote: the ' on line 1 is never closed",
      ],
      [
        'aws dynamodb describe-table \\\n --table-name "T',
        'Unterminated double quote: the " on line 2 is never closed',
      ],
      [
        `aws dynamodb put-item --table-name T --item '{"a": {"S": "x"},}'`,
        /^Error parsing parameter '--item': Invalid JSON: .*\nJSON received: \{"a": \{"S": "x"\},\}$/,
      ],
      ['aws dynamodb put-item --table-name T', 'aws dynamodb put-item needs --item (the CLI requires it)'],
      [
        'aws dynamodb put-item --item file://item.json --table-name T',
        "Error parsing parameter '--item': file://item.json: the page cannot read files; " +
          "paste the file's content as the value",
      ],
      [
        'aws dynamodb list-tables\naws dynamodb describe-table --table-name T',
        'One command at a time: the text holds 2 commands, on line 1 and line 2; run them one by one',
      ],
      [
        'aws dynamodb describe-table\n  --table-name T',
        /^One command at a time: .* Line 2 starts with --table-name: the line before it ends the command/,
      ],
      [
        'aws s3 ls',
        'aws s3 is not supported: the playground runs aws dynamodb and aws dynamodbstreams commands',
      ],
      ['dynamodb list-tables', "Not an AWS CLI command: it starts with 'dynamodb', not 'aws'"],
      ['# nothing here\n', 'No command: the text holds only blank lines and comments'],
      [
        'aws dynamodb describe-table --table-name $TABLE',
        'Line 1: shell expansion ($TABLE) is not supported; write the value itself',
      ],
      [
        'aws dynamodb scan --table-name T | jq .',
        'Line 1: a pipe (|) is not supported; paste the aws command alone',
      ],
      [
        'aws dynamodb create-table --table-name T --key-schema AttributeName',
        "Error parsing parameter '--key-schema': Expected: '=', received: 'EOF' for input:\n" +
          'AttributeName\n             ^',
      ],
      [
        'aws dynamodb create-table --table-name T --key-schema AttributeName=a,KeyTyp=HASH',
        'Parameter validation failed:\n' +
          'Unknown parameter in KeySchema[0]: "KeyTyp", must be one of: AttributeName, KeyType',
      ],
      [
        'aws dynamodb scan --table-name T --limit ten',
        "Error parsing parameter '--limit': --limit expects an integer, received 'ten'",
      ],
      [
        'aws dynamodb get-item --table-name T --key id={S=1} --consistent-read=true',
        '--consistent-read is a flag and takes no value (found --consistent-read=true); ' +
          'write --consistent-read or --no-consistent-read',
      ],
      [
        'aws dynamodb put-item --table-name T --item {"a": 1}',
        "Unexpected word '1}' after the value of --item: " +
          'a value holding spaces (JSON, an expression) needs quotes around it',
      ],
      [
        'aws dynamodb scan --table-name T --limit 5 --page-size 2',
        'Cannot specify --no-paginate along with pagination arguments: --page-size',
      ],
      [
        'aws dynamodb wait table-exists --table-name T',
        'aws dynamodb wait polls the service until a condition holds; send describe-table instead',
      ],
    ];
    for (const [text, message] of cases) {
      test(`${JSON.stringify(text.slice(0, 60))} fails saying what is wrong`, () => {
        assert.throws(
          () => parseCliCommand(text),
          (error) => {
            if (message instanceof RegExp) assert.match(error.message, message);
            else assert.equal(error.message, message);
            return true;
          },
        );
      });
    }
  });
});

describe('splitShellCommands', () => {
  test('quotes, escapes, continuations and comments as bash reads them', () => {
    const text = String.raw`aws a\ b 'c "d"' "e \"f\" \\ \$ \g" h\
i # a comment
   # a comment line
next 'it'\''s' "" x#y`;
    assert.deepEqual(splitShellCommands(text), [
      { words: ['aws', 'a b', 'c "d"', 'e "f" \\ $ \\g', 'hi'], line: 1 },
      { words: ['next', "it's", '', 'x#y'], line: 4 },
    ]);
  });

  test('semicolons and && separate commands; a literal $ stays', () => {
    assert.deepEqual(splitShellCommands('a $ b; c && d'), [
      { words: ['a', '$', 'b'], line: 1 },
      { words: ['c'], line: 1 },
      { words: ['d'], line: 1 },
    ]);
  });

  test('random quoted words split back to themselves, as bash splits them', async () => {
    const random = seededRandom(20261202);
    const texts = [];
    for (let round = 0; round < 300; round++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 6) }, () => randomWord(random));
      const text = quoteCommand(words, random);
      assert.deepEqual(
        splitShellCommands(text),
        [{ words: ['printf', ...words], line: text.startsWith('#') ? 2 : 1 }],
        `text: ${JSON.stringify(text)}`,
      );
      texts.push({ text, words });
    }
    // bash itself agrees on every tenth text: printf writes each argument it gets, NUL-ended
    // (set -f: no file names in place of a `*`).
    for (const { text, words } of texts.filter((_, index) => index % 10 === 0)) {
      const { stdout } = await run('bash', ['-c', `set -f; ${text.replace('printf', "printf '%s\\0'")}`]);
      assert.deepEqual(stdout.split('\0').slice(0, -1), words, `text: ${JSON.stringify(text)}`);
    }
  });
});

// Characters that need care in a shell, and some that do not.
const WORD_CHARACTERS = [...'aZ09_-.,:/=+@%^', ...' \t\n\'"\\$`#;&|<>(){}[]*?~!é'];

function randomWord(random) {
  const length = Math.floor(random() * 8);
  let word = '';
  for (let i = 0; i < length; i++) word += WORD_CHARACTERS[Math.floor(random() * WORD_CHARACTERS.length)];
  return word;
}

// A printf command passing `words`, each quoted in a random way (or several, chunk by chunk),
// separated by blanks or `\` line continuations, with comments before and after at random.
function quoteCommand(words, random) {
  const pick = (choices) => choices[Math.floor(random() * choices.length)];
  let text = random() < 0.3 ? '# a comment first\n' : '';
  text += 'printf';
  for (const word of words) {
    text += pick([' ', '\t', ' \\\n  ', '  ']);
    text += quoteWord(word, random, pick);
  }
  if (random() < 0.3) text += ' # a comment last';
  return text;
}

function quoteWord(word, random, pick) {
  if (word === '') return pick(["''", '""']);
  const chunks = [];
  for (let at = 0; at < word.length; ) {
    const length = 1 + Math.floor(random() * word.length);
    chunks.push(word.slice(at, at + length));
    at += length;
  }
  return chunks.map((chunk) => pick([singleQuoted, doubleQuoted, backslashed])(chunk)).join('');
}

function singleQuoted(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function doubleQuoted(text) {
  return `"${text.replace(/["\\$`]/g, '\\$&')}"`;
}

// Every character but a safe few behind a backslash; a newline cannot be (`\` + newline is a
// continuation), so it goes in single quotes.
function backslashed(text) {
  return [...text]
    .map((c) => (c === '\n' ? "'\n'" : /[A-Za-z0-9_.,:/=+@%^é-]/.test(c) ? c : `\\${c}`))
    .join('');
}


// Command lines for the real CLI. Each runs as typed, through bash, with --endpoint-url added.
const FIDELITY_CASES = {
  'explainer create-table': EXPLAINER_CREATE_TABLE,
  'explainer put-item': EXPLAINER_PUT_ITEM,
  'explainer query': EXPLAINER_QUERY,
  'query with --consistent-read': String.raw`aws dynamodb query --table-name Music \
    --key-condition-expression "Artist = :a AND begins_with(SongTitle, :t)" \
    --expression-attribute-values '{":a": {"S": "No One You Know"}, ":t": {"S": "Call"}}' \
    --consistent-read --return-consumed-capacity TOTAL`,
  'query with shorthand names and values, --no-scan-index-forward': String.raw`aws dynamodb query \
    --table-name Music --index-name AlbumTitle-index \
    --key-condition-expression "#t = :v" \
    --expression-attribute-names '#t=AlbumTitle' \
    --expression-attribute-values ':v={S="Somewhat Famous"}' \
    --no-scan-index-forward --select ALL_PROJECTED_ATTRIBUTES`,
  'query with a list of scalars and legacy key conditions': String.raw`aws dynamodb query --table-name Music \
    --select SPECIFIC_ATTRIBUTES --attributes-to-get Artist SongTitle \
    --key-conditions 'Artist={ComparisonOperator=EQ,AttributeValueList=[{S=Acme}]}'`,
  'scan with --limit and --filter-expression': String.raw`aws dynamodb scan --table-name Music \
    --filter-expression "Awards > :n" \
    --expression-attribute-values '{":n": {"N": "1"}}' \
    --limit 10`,
  'scan with --page-size': 'aws dynamodb scan --table-name Music --page-size 3 --max-items 7',
  'update-item with --update-expression and --return-values': String.raw`aws dynamodb update-item \
    --table-name Music \
    --key '{"Artist": {"S": "Acme Band"}, "SongTitle": {"S": "Happy Day"}}' \
    --update-expression "SET AlbumTitle = :t ADD Plays :one" \
    --expression-attribute-values '{":t": {"S": "Updated Album Title"}, ":one": {"N": "1"}}' \
    --return-values ALL_NEW`,
  'create-table with shorthand and a JSON --global-secondary-indexes': String.raw`aws dynamodb create-table \
    --table-name Music \
    --attribute-definitions \
        AttributeName=Artist,AttributeType=S \
        AttributeName=SongTitle,AttributeType=S \
        AttributeName=AlbumTitle,AttributeType=S \
    --key-schema AttributeName=Artist,KeyType=HASH AttributeName=SongTitle,KeyType=RANGE \
    --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5 \
    --global-secondary-indexes '[
        {
          "IndexName": "AlbumTitle-index",
          "KeySchema": [{"AttributeName": "AlbumTitle", "KeyType": "HASH"}],
          "Projection": {"ProjectionType": "ALL"},
          "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}
        }
      ]' \
    --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES \
    --tags Key=env,Value=test 'Key=team,Value="data, platform"' \
    --table-class STANDARD --no-deletion-protection-enabled`,
  'batch-write-item with JSON --request-items': String.raw`aws dynamodb batch-write-item --request-items '{
    "Music": [
      {"PutRequest": {"Item": {"Artist": {"S": "A"}, "SongTitle": {"S": "One"}, "Tags": {"SS": ["x", "y"]}}}},
      {"DeleteRequest": {"Key": {"Artist": {"S": "B"}, "SongTitle": {"S": "Two"}}}}
    ]
  }' --return-consumed-capacity INDEXES --return-item-collection-metrics SIZE`,
  'delete-item with a shorthand key and a condition': String.raw`aws dynamodb delete-item --table-name Music \
    --key 'Artist={S=Acme},SongTitle={S="Hello, World"}' \
    --condition-expression "attribute_exists(Artist)" --return-values ALL_OLD \
    --return-values-on-condition-check-failure ALL_OLD`,
  'get-item with --projection-expression': String.raw`aws dynamodb get-item --table-name Music \
    --key '{"Artist": {"S": "Acme"}, "SongTitle": {"S": "Happy Day"}}' \
    --projection-expression "#a, Plays, Awards" \
    --expression-attribute-names '{"#a": "AlbumTitle"}' --no-consistent-read`,
  'put-item with double-quoted JSON and escapes': String.raw`aws dynamodb put-item --table-name Music \
    --item "{\"Artist\": {\"S\": \"Acme \$5\"}, \"SongTitle\": {\"S\": \"it's \\\"live\\\"\"}, \"Price\": {\"N\": \"1.50\"}}" \
    --condition-expression 'attribute_not_exists(Artist)'`,
  'update-time-to-live with shorthand': String.raw`aws dynamodb update-time-to-live --table-name Music \
    --time-to-live-specification Enabled=true,AttributeName=ttl`,
  'describe-table': 'aws dynamodb describe-table --table-name Music',
  'list-tables': 'aws dynamodb list-tables',
  'list-tables with --limit': 'aws dynamodb list-tables --limit 5 --exclusive-start-table-name Music',
  'get-item from --cli-input-json with an option over it': String.raw`aws dynamodb get-item \
    --cli-input-json '{"TableName": "Other", "Key": {"id": {"S": "1"}}, "ConsistentRead": true}' \
    --table-name Music`,
  'transact-write-items (the CLI adds a ClientRequestToken)': String.raw`aws dynamodb transact-write-items --transact-items '[
    {"Put": {"TableName": "Music", "Item": {"Artist": {"S": "A"}, "SongTitle": {"S": "B"}}}},
    {"Update": {"TableName": "Music", "Key": {"Artist": {"S": "C"}, "SongTitle": {"S": "D"}},
                "UpdateExpression": "SET Plays = Plays + :one", "ExpressionAttributeValues": {":one": {"N": "1"}}}}
  ]'`,
  'list-backups with a timestamp':
    'aws dynamodb list-backups --time-range-lower-bound 2024-01-02T03:04:05Z --backup-type USER',
  'dynamodbstreams list-streams': 'aws dynamodbstreams list-streams --table-name Music --limit 2',
};

const skipFidelity = (await awsCliAvailable()) ? false : 'the AWS CLI (`aws`) is not installed';

describe('fidelity with the AWS CLI', { skip: skipFidelity }, () => {
  const sent = new Map(); // case number -> { target, body }
  const outcomes = new Map(); // case number -> { code, stderr }
  let server;

  before(async () => {
    server = await startRecordingServer(sent);
    const endpoint = `http://127.0.0.1:${server.address().port}`;
    const names = Object.keys(FIDELITY_CASES);
    // Each CLI run spends a second or more starting Python and botocore: one per core at a time.
    const runs = names.map((name, index) => async () => {
      const command = `${FIDELITY_CASES[name]} --endpoint-url ${endpoint}/case${index}`;
      try {
        await run('bash', ['-c', command], { env: AWS_ENV, timeout: 120000 });
        outcomes.set(index, { code: 0 });
      } catch (error) {
        outcomes.set(index, { code: error.code, stderr: error.stderr });
      }
    });
    await inBatches(runs, availableParallelism());
  });

  after(() => server?.close());

  Object.entries(FIDELITY_CASES).forEach(([name, text], index) => {
    test(name, (t) => {
      const outcome = outcomes.get(index);
      // An older CLI (Debian's 2.9) has an older model: members added since are unknown to it.
      const parsed = parseCliCommand(text);
      const newer = /^Unknown options: (--[\w-]+)/m.exec(outcome.stderr ?? '');
      if (newer) return t.skip(`this aws predates ${newer[1]}`);
      assert.equal(outcome.code, 0, `aws failed: ${outcome.stderr}`);
      const request = sent.get(index);
      assert.ok(request, 'the CLI sent no request');
      assert.equal(parsed.target, request.target);
      assert.equal(parsed.operation, request.target.split('.')[1]);
      const body = structuredClone(request.body);
      if (parsed.operation === 'TransactWriteItems') {
        // botocore fills idempotency tokens with a fresh UUID; the page sends none, which
        // DynamoDB treats the same way (there is no earlier request to match).
        assert.match(body.ClientRequestToken, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        delete body.ClientRequestToken;
      }
      assert.deepEqual(parsed.input, body);
    });
  });
});

// Answers every request with `{}`, as DynamoDB would with an empty output, and records the
// first request of each path. botocore checks x-amz-crc32 and retries on a mismatch.
async function startRecordingServer(sent) {
  const server = http.createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => {
      const index = Number(request.url.match(/^\/case(\d+)/)?.[1]);
      if (!sent.has(index)) sent.set(index, { target: request.headers['x-amz-target'], body: JSON.parse(text) });
      const body = '{}';
      response.writeHead(200, {
        'Content-Type': 'application/x-amz-json-1.0',
        'x-amz-crc32': String(crc32(body)),
      });
      response.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function inBatches(tasks, size) {
  for (let at = 0; at < tasks.length; at += size) {
    await Promise.all(tasks.slice(at, at + size).map((task) => task()));
  }
}
