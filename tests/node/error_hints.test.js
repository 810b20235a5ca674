// The editor's hints (web/js/error_hints.js): a hint for each newcomer mistake, checked on
// examples and against the engine's real errors, none for anything else, and the place of a
// JSON syntax error.
import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';

import { createDynamoDB } from '../../wasm/index.js';
import { EXAMPLES, exampleRequestText } from '../../web/js/examples.js';
import { hintFor, jsonErrorLocation } from '../../web/js/error_hints.js';
import { seededRandom } from './support/seeded_random.js';

const musicTable = {
  TableName: 'Music',
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [
    { AttributeName: 'Artist', KeyType: 'HASH' },
    { AttributeName: 'SongTitle', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'Artist', AttributeType: 'S' },
    { AttributeName: 'SongTitle', AttributeType: 'S' },
    { AttributeName: 'Year', AttributeType: 'N' },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: 'ByYear',
      KeySchema: [{ AttributeName: 'Year', KeyType: 'HASH' }],
      Projection: { ProjectionType: 'ALL' },
    },
  ],
};

const joga = { Artist: { S: 'Bjork' }, SongTitle: { S: 'Joga' } };

const validation = (message) => ({ errorName: 'ValidationException', message });
const serialization = (message) => ({ errorName: 'SerializationException', message });

describe('hintFor', () => {
  describe('plain JSON where DynamoDB JSON belongs', () => {
    it('names the attribute of an Item and shows it typed', () => {
      const hint = hintFor(
        'PutItem',
        { TableName: 'Music', Item: { Artist: 'Bjork', SongTitle: { S: 'Joga' } } },
        serialization('Unexpected value type in payload'),
      );
      assert.match(hint, /^Item needs DynamoDB JSON/);
      assert.ok(hint.includes('write "Artist": {"S": "Bjork"} instead of "Artist": "Bjork"'), hint);
    });

    it('writes numbers as strings, booleans, nulls, lists and maps in their types', () => {
      const item = { Year: 1999, Live: false, Label: null, Tags: ['a', 2], Info: { rating: 5 } };
      const cases = {
        Year: '"Year": {"N": "1999"}',
        Live: '"Live": {"BOOL": false}',
        Label: '"Label": {"NULL": true}',
        Tags: '"Tags": {"L": [{"S": "a"}, {"N": "2"}]}',
        Info: '"Info": {"M": {"rating": {"N": "5"}}}',
      };
      for (const [name, fix] of Object.entries(cases)) {
        const hint = hintFor('PutItem', { TableName: 'Music', Item: { ...joga, [name]: item[name] } }, serialization('x'));
        assert.ok(hint.includes(`write ${fix}`), hint);
      }
    });

    it('lists the other plain attributes of the same request', () => {
      const hint = hintFor('PutItem', { TableName: 'Music', Item: { Artist: 'Bjork', SongTitle: 'Joga', Year: 1999 } }, serialization('x'));
      assert.match(hint, /Do the same for "SongTitle", "Year"\.$/);
    });

    it('finds plain values in Key, ExpressionAttributeValues and ExclusiveStartKey', () => {
      assert.match(
        hintFor('GetItem', { TableName: 'Music', Key: { Artist: 'Bjork', SongTitle: { S: 'Joga' } } }, serialization('x')),
        /^Key needs DynamoDB JSON.*write "Artist": \{"S": "Bjork"\}/,
      );
      assert.match(
        hintFor('Query', { TableName: 'Music', KeyConditionExpression: 'Artist = :a', ExpressionAttributeValues: { ':a': 'Bjork' } }, serialization('x')),
        /^ExpressionAttributeValues needs DynamoDB JSON.*write ":a": \{"S": "Bjork"\} instead of ":a": "Bjork"/,
      );
      assert.match(
        hintFor('Scan', { TableName: 'Music', ExclusiveStartKey: { Artist: { S: 'Bjork' }, SongTitle: 'Joga' } }, validation('x')),
        /^ExclusiveStartKey needs DynamoDB JSON.*"SongTitle": \{"S": "Joga"\}/,
      );
    });

    it('finds plain values in batches and transactions', () => {
      const batch = { RequestItems: { Music: [{ PutRequest: { Item: joga } }, { PutRequest: { Item: { ...joga, Year: 1997 } } }] } };
      assert.match(
        hintFor('BatchWriteItem', batch, serialization('x')),
        /^RequestItems\.Music\[1\]\.PutRequest\.Item needs DynamoDB JSON.*"Year": \{"N": "1997"\}/,
      );
      const transaction = { TransactItems: [{ Put: { TableName: 'Music', Item: { Artist: 'Bjork', SongTitle: { S: 'Joga' } } } }] };
      assert.match(hintFor('TransactWriteItems', transaction, serialization('x')), /^TransactItems\[0\]\.Put\.Item needs DynamoDB JSON.*"Artist": \{"S": "Bjork"\}/);
      const gets = { RequestItems: { Music: { Keys: [{ Artist: 'Bjork', SongTitle: { S: 'Joga' } }] } } };
      assert.match(hintFor('BatchGetItem', gets, serialization('x')), /^RequestItems\.Music\.Keys\[0\] needs DynamoDB JSON/);
    });

    it('finds plain values inside maps and lists', () => {
      const item = { ...joga, Info: { M: { label: 'One Little Indian' } }, Tags: { L: ['pop'] } };
      assert.match(hintFor('PutItem', { TableName: 'Music', Item: item }, serialization('x')), /^Item\.Info needs DynamoDB JSON.*write "label": \{"S": "One Little Indian"\}.*Do the same for Item\.Tags\[0\]\.$/);
    });

    it('points out numbers that are not strings, lower-case types and quoted booleans', () => {
      const put = (extra) => ({ TableName: 'Music', Item: { ...joga, ...extra } });
      assert.ok(hintFor('PutItem', put({ Year: { N: 1999 } }), serialization('NUMBER_VALUE cannot be converted to String')).includes('write "Year": {"N": "1999"} instead of "Year": {"N": 1999}'));
      assert.ok(hintFor('PutItem', put({ Genre: { s: 'pop' } }), validation('x')).startsWith('Type names are upper case: in Item, write "Genre": {"S": "pop"}'));
      assert.ok(hintFor('PutItem', put({ Live: { BOOL: 'true' } }), serialization('x')).includes('write "Live": {"BOOL": true}'));
    });
  });

  describe('reserved words', () => {
    const message = 'Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: Year';

    it('suggests an ExpressionAttributeNames placeholder', () => {
      const hint = hintFor('Scan', { TableName: 'Music', FilterExpression: 'Year > :y' }, validation(message));
      assert.equal(
        hint,
        '"Year" is a reserved word in DynamoDB expressions, so it cannot be used as an attribute name there as it is. Write #Year in the expression instead and add "ExpressionAttributeNames": {"#Year": "Year"}.',
      );
    });

    it('adds to the ExpressionAttributeNames the request already has', () => {
      const hint = hintFor('Scan', { TableName: 'Music', ExpressionAttributeNames: { '#a': 'Artist' } }, validation(message));
      assert.match(hint, /add "#Year": "Year" to ExpressionAttributeNames\.$/);
    });
  });

  describe('keys', () => {
    const described = { tables: [{ TableName: 'Music', ...musicTable }] };

    it('names the key attribute and its declared type on a type mismatch', () => {
      const hint = hintFor(
        'PutItem',
        { TableName: 'Music', Item: { Artist: { N: '1999' }, SongTitle: { S: 'Joga' } } },
        validation('One or more parameter values were invalid: Type mismatch for key Artist expected: S actual: N'),
      );
      assert.match(hint, /key attribute "Artist" as S \(a string\).*gives N \(a number\)\. Write "Artist": \{"S": "1999"\}\.$/);
    });

    it('explains a key that does not match the schema from what the Key holds', () => {
      const hint = hintFor('GetItem', { TableName: 'Music', Key: { Artist: { S: 'Bjork' } } }, validation('The provided key element does not match the schema'));
      assert.match(hint, /^A key must hold exactly the table's key attributes/);
      assert.match(hint, /Key has "Artist" \(S\)\./);
    });

    it('names the missing, extra or mistyped key attribute when the table is described', () => {
      const mismatch = validation('The provided key element does not match the schema');
      assert.equal(
        hintFor('GetItem', { TableName: 'Music', Key: { Artist: { S: 'Bjork' } } }, mismatch, described),
        'In Key: Music\'s key is "Artist" (S) + "SongTitle" (S), and "SongTitle" is missing: add "SongTitle": {"S": "..."}.',
      );
      assert.match(hintFor('DeleteItem', { TableName: 'Music', Key: { ...joga, Year: { N: '1' } } }, mismatch, described), /remove "Year" from the key/);
      assert.match(hintFor('GetItem', { TableName: 'Music', Key: { ...joga, Artist: { N: '7' } } }, mismatch, described), /Music declares "Artist" as S \(a string\): write "Artist": \{"S": "7"\}/);
    });

    it('asks for the key attribute an item lacks, in its declared type', () => {
      const hint = hintFor('PutItem', { TableName: 'Music', Item: { SongTitle: { S: 'Joga' } } }, validation('One or more parameter values were invalid: Missing the key Artist in the item'), described);
      assert.match(hint, /Add "Artist": \{"S": "..."\} to Item\.$/);
    });
  });

  describe('placeholders', () => {
    it('asks to define a value placeholder the expression uses', () => {
      const hint = hintFor(
        'Scan',
        { TableName: 'Music', FilterExpression: 'Price > :min' },
        validation('Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: :min'),
      );
      assert.match(hint, /add "ExpressionAttributeValues": \{":min": \{"N": "..."\}\}/);
    });

    it('gives the value the type of the key it is compared with', () => {
      const hint = hintFor(
        'Query',
        { TableName: 'Music', KeyConditionExpression: 'Artist = :a AND begins_with(SongTitle, :t)', ExpressionAttributeValues: { ':a': { S: 'Bjork' } } },
        validation('Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :t'),
      );
      assert.match(hint, /add ":t": \{"S": "..."\} to ExpressionAttributeValues/);
    });

    it('gives a number to a placeholder used in arithmetic', () => {
      const hint = hintFor(
        'UpdateItem',
        { TableName: 'Music', Key: joga, UpdateExpression: 'SET Plays = Plays + :inc' },
        validation('Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :inc'),
      );
      assert.match(hint, /add "ExpressionAttributeValues": \{":inc": \{"N": "..."\}\}, with the value in DynamoDB JSON\.$/);
    });

    it('notices a placeholder spelled in another case', () => {
      const hint = hintFor(
        'Scan',
        { FilterExpression: 'Price > :min', ExpressionAttributeValues: { ':Min': { N: '1' } } },
        validation('Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: :min'),
      );
      assert.match(hint, /has ":Min": placeholders are case-sensitive/);
    });

    it('asks to define a name placeholder the expression uses', () => {
      const hint = hintFor(
        'Scan',
        { FilterExpression: '#yr > :y' },
        validation('Invalid FilterExpression: An expression attribute name used in the document path is not defined; attribute name: #yr'),
      );
      assert.match(hint, /add "ExpressionAttributeNames": \{"#yr": "yr"\}/);
    });

    it('explains unused entries and keys without their prefix', () => {
      assert.match(
        hintFor('Scan', {}, validation('Value provided in ExpressionAttributeValues unused in expressions: keys: {:max, :min}')),
        /^:max, :min are defined in ExpressionAttributeValues but no expression uses them/,
      );
      assert.match(hintFor('Scan', {}, validation('ExpressionAttributeNames contains invalid key: Syntax error; key: "yr"')), /write "#yr" instead of "yr"/);
    });
  });

  describe('missing tables', () => {
    it('says the table does not exist yet', () => {
      assert.equal(
        hintFor('DescribeTable', { TableName: 'Songs' }, { errorName: 'ResourceNotFoundException', message: 'Requested resource not found: Table: Songs not found' }),
        'The table "Songs" does not exist (yet): create it first with CreateTable, or check the name, which is case-sensitive.',
      );
    });

    it('names the table of a data-plane request and a table that differs only in case', () => {
      const error = { errorName: 'ResourceNotFoundException', message: 'Requested resource not found' };
      assert.match(hintFor('Query', { TableName: 'Songs' }, error), /^The table "Songs" does not exist/);
      assert.equal(hintFor('GetItem', { TableName: 'music' }, error, { tableNames: ['Music'] }), 'There is no table "music", but there is "Music": table names are case-sensitive.');
    });

    it('gives no table hint for a missing stream or shard', () => {
      assert.equal(hintFor('GetShardIterator', {}, { errorName: 'ResourceNotFoundException', message: 'Requested resource not found: Shard does not exist' }), null);
    });
  });

  describe('no false hints', () => {
    const unrelated = validation("1 validation error detected: Value 'SOME' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");

    it('gives none for the correct requests of the examples', () => {
      for (const { operation, input } of EXAMPLES) {
        assert.equal(hintFor(operation, input, unrelated), null, operation);
        assert.equal(hintFor(operation, input, serialization('Unexpected field type')), null, operation);
      }
    });

    it('gives none for other error types', () => {
      const item = { TableName: 'Music', Item: { Artist: 'Bjork' } };
      for (const errorName of ['ConditionalCheckFailedException', 'ProvisionedThroughputExceededException', 'InternalServerError', 'Invalid JSON']) {
        assert.equal(hintFor('PutItem', item, { errorName, message: 'The conditional request failed' }), null, errorName);
      }
    });

    it('never throws on inputs of any shape', () => {
      const inputs = [null, undefined, 42, 'text', [], { Item: [] }, { RequestItems: { Music: 7 } }, { TransactItems: [null, { Put: 3 }] }, { Key: { a: { M: null } } }];
      const errors = [null, {}, serialization('x'), validation('The provided key element does not match the schema'), validation('Type mismatch for key a expected: N actual: S'), { errorName: 'ResourceNotFoundException' }];
      for (const operation of ['PutItem', 'BatchWriteItem', 'BatchGetItem', 'TransactWriteItems', 'GetItem', 'Query', undefined]) {
        for (const input of inputs) for (const error of errors) hintFor(operation, input, error);
      }
    });
  });
});

// The same mistakes sent to the engine: the hint must follow its real error, whatever it says.
describe('hintFor against the engine', () => {
  let db;
  let described;
  before(async () => {
    db = await createDynamoDB();
    await db.send('CreateTable', musicTable);
    await db.send('PutItem', { TableName: 'Music', Item: { ...joga, Year: { N: '1997' } } });
    described = { tableNames: ['Music'], tables: [(await db.send('DescribeTable', { TableName: 'Music' })).Table] };
  });
  after(() => db.close());

  // The error the engine answers `input` with, as run_request.js reports it.
  async function engineError(operation, input) {
    const error = await db.send(operation, input).then(
      () => assert.fail(`${operation} succeeded`),
      (rejection) => rejection,
    );
    return { errorName: error.name, message: error.message };
  }

  async function hintOf(operation, input, context) {
    return hintFor(operation, input, await engineError(operation, input), context);
  }

  it('hints DynamoDB JSON for a plain Item', async () => {
    const input = { TableName: 'Music', Item: { Artist: 'Bjork', SongTitle: 'Joga', Year: 1997 } };
    assert.equal((await engineError('PutItem', input)).errorName, 'SerializationException');
    assert.match(await hintOf('PutItem', input), /^Item needs DynamoDB JSON.*write "Artist": \{"S": "Bjork"\}.*Do the same for "SongTitle", "Year"\./);
  });

  it('hints DynamoDB JSON for a plain Key, ExpressionAttributeValues and a batch put', async () => {
    assert.match(await hintOf('GetItem', { TableName: 'Music', Key: { Artist: 'Bjork', SongTitle: 'Joga' } }), /^Key needs DynamoDB JSON/);
    assert.match(
      await hintOf('UpdateItem', { TableName: 'Music', Key: joga, UpdateExpression: 'SET Plays = :p', ExpressionAttributeValues: { ':p': 1 } }),
      /write ":p": \{"N": "1"\} instead of ":p": 1/,
    );
    assert.match(
      await hintOf('BatchWriteItem', { RequestItems: { Music: [{ PutRequest: { Item: { ...joga, Label: 'One Little Indian' } } }] } }),
      /^RequestItems\.Music\[0\]\.PutRequest\.Item needs DynamoDB JSON/,
    );
    assert.match(
      await hintOf('TransactWriteItems', { TransactItems: [{ Put: { TableName: 'Music', Item: { ...joga, Year: 1997 } } }] }),
      /^TransactItems\[0\]\.Put\.Item needs DynamoDB JSON.*"Year": \{"N": "1997"\}/,
    );
  });

  it('hints DynamoDB JSON for a nested plain map, whose error is a ValidationException', async () => {
    const input = { TableName: 'Music', Item: { ...joga, Info: { rating: 5 } } };
    assert.equal((await engineError('PutItem', input)).errorName, 'ValidationException');
    assert.match(await hintOf('PutItem', input), /write "Info": \{"M": \{"rating": \{"N": "5"\}\}\}/);
  });

  it('hints quoting a number', async () => {
    const input = { TableName: 'Music', Item: { ...joga, Plays: { N: 12 } } };
    assert.match(await hintOf('PutItem', input), /write "Plays": \{"N": "12"\}/);
  });

  it('hints a placeholder for a reserved word', async () => {
    const input = { TableName: 'Music', FilterExpression: 'Year > :y', ExpressionAttributeValues: { ':y': { N: '1990' } } };
    const error = await engineError('Scan', input);
    assert.equal(error.message, 'Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: Year');
    assert.match(hintFor('Scan', input, error), /Write #Year in the expression instead and add "ExpressionAttributeNames": \{"#Year": "Year"\}\.$/);
  });

  it('hints the declared type of a mistyped key attribute', async () => {
    const put = { TableName: 'Music', Item: { Artist: { N: '1' }, SongTitle: { S: 'Joga' } } };
    assert.match(await hintOf('PutItem', put), /key attribute "Artist" as S \(a string\)/);
    const get = { TableName: 'Music', Key: { Artist: { N: '1' }, SongTitle: { S: 'Joga' } } };
    assert.match(await hintOf('GetItem', get), /^A key must hold exactly/);
    assert.match(await hintOf('GetItem', get, described), /Music declares "Artist" as S \(a string\): write "Artist": \{"S": "1"\}/);
    const indexed = { TableName: 'Music', Item: { ...joga, Year: { S: '1997' } } };
    assert.match(await hintOf('PutItem', indexed), /"Year" is a key of the index ByYear.*Write "Year": \{"N": "1997"\}/);
  });

  it('hints the key attribute a GetItem or an item lacks', async () => {
    assert.match(await hintOf('GetItem', { TableName: 'Music', Key: { Artist: { S: 'Bjork' } } }, described), /"SongTitle" is missing/);
    assert.match(await hintOf('PutItem', { TableName: 'Music', Item: { SongTitle: { S: 'Joga' } } }), /Add "Artist"/);
    assert.match(await hintOf('BatchWriteItem', { RequestItems: { Music: [{ PutRequest: { Item: { SongTitle: { S: 'Joga' } } } }] } }, described), /"Artist" is missing/);
  });

  it('hints defining placeholders, and removing unused ones', async () => {
    const query = { TableName: 'Music', KeyConditionExpression: 'Artist = :artist' };
    assert.match(await hintOf('Query', query, described), /add "ExpressionAttributeValues": \{":artist": \{"S": "..."\}\}/);
    assert.match(await hintOf('Scan', { TableName: 'Music', FilterExpression: 'Plays > :min' }), /add "ExpressionAttributeValues": \{":min": \{"N": "..."\}\}/);
    assert.match(
      await hintOf('Scan', { TableName: 'Music', FilterExpression: '#yr > :y', ExpressionAttributeValues: { ':y': { N: '1' } } }),
      /add "ExpressionAttributeNames": \{"#yr": "yr"\}/,
    );
    assert.match(
      await hintOf('Scan', { TableName: 'Music', FilterExpression: 'Plays > :min', ExpressionAttributeValues: { ':min': { N: '1' }, ':max': { N: '9' } } }),
      /^:max is defined in ExpressionAttributeValues but no expression uses it/,
    );
    assert.match(await hintOf('Scan', { TableName: 'Music', FilterExpression: 'Plays > :min', ExpressionAttributeValues: { min: { N: '1' } } }), /write ":min" instead of "min"/);
  });

  it('hints creating a missing table, or its right case', async () => {
    assert.match(await hintOf('DescribeTable', { TableName: 'Songs' }), /^The table "Songs" does not exist \(yet\): create it first with CreateTable/);
    assert.match(await hintOf('PutItem', { TableName: 'Songs', Item: joga }), /^The table "Songs" does not exist/);
    assert.match(await hintOf('GetItem', { TableName: 'music', Key: joga }, described), /but there is "Music"/);
  });

  it('hints Scan for a Query without a key condition', async () => {
    assert.match(await hintOf('Query', { TableName: 'Music' }), /To read every item, use Scan\.$/);
  });

  it('gives no hint for a correct request, nor for an unrelated error', async () => {
    const put = { TableName: 'Music', Item: { ...joga, Year: { N: '1997' } }, ConditionExpression: 'attribute_not_exists(Artist)' };
    const error = await engineError('PutItem', put);
    assert.equal(error.errorName, 'ConditionalCheckFailedException');
    assert.equal(hintFor('PutItem', put, error, described), null);
    await db.send('GetItem', { TableName: 'Music', Key: joga }); // the same item, asked correctly
    const badEnum = { TableName: 'Music', Key: joga, ReturnValues: 'SOME' };
    assert.equal((await engineError('DeleteItem', badEnum)).errorName, 'ValidationException');
    assert.equal(await hintOf('DeleteItem', badEnum, described), null);
    const duplicate = await engineError('CreateTable', musicTable);
    assert.equal(hintFor('CreateTable', musicTable, duplicate, described), null);
  });
});

describe('jsonErrorLocation', () => {
  // Each text with the line (and column) of its error, as JSON.parse of this node reports it.
  const broken = [
    ['{"TableName": "Music",}', 1, 23],
    ['{\n  "TableName": "Music"\n  "Item": {}\n}', 3, 3],
    ['{\n  "Item": {\n    "Artist": {"S": "Bjork"},\n  }\n}', 4, 3],
    ['{\n  "Item": {\n    "Artist": {"S": Bjork}\n  }\n}', 3, 21],
    ['{\n  "Year": tru\n}', 2, 14],
    ['{\n  "a": 1\n}\n}', 4, 1],
    ['{\n  "a": [1, 2\n}', 3, 1],
    ["{'TableName': 'Music'}", 1, 2],
    ['{\n  "Item": {\n    "Artist": {"S": "Bjork"}\n  }\n', 4, 4],
    ['{\n  "Item": {\n\n', 2, 12],
    ['{\r\n  "a": 1\r\n  "b": 2\r\n}', 3, 3],
  ];

  for (const [text, line, column] of broken) {
    it(`finds line ${line} in ${JSON.stringify(text)}`, () => {
      const error = parseError(text);
      const location = jsonErrorLocation(text, error);
      assert.deepEqual(location, { line, column, lineText: text.split('\n')[line - 1].replace(/\r$/, '') }, error.message);
      // The same place without the message's help, as for Safari's messages.
      assert.deepEqual(jsonErrorLocation(text, 'JSON Parse error: Unexpected identifier'), location);
    });
  }

  it('reads newer V8 and Firefox messages', () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    const at = { line: 3, column: 3, lineText: '  "b": 2' };
    assert.deepEqual(jsonErrorLocation(text, "Expected ',' or '}' after property value in JSON at position 13 (line 3 column 3)"), at);
    assert.deepEqual(jsonErrorLocation(text, "JSON.parse: expected ',' or '}' after property value in object at line 3 column 3 of the JSON data"), at);
    assert.deepEqual(jsonErrorLocation(text, new SyntaxError("Expected ',' or '}' after property value in JSON at position 13")), at);
  });

  it('points after the last character for an early end', () => {
    assert.deepEqual(jsonErrorLocation('{\n  "a": 1\n\n  ', 'Unexpected end of JSON input'), { line: 2, column: 9, lineText: '  "a": 1' });
    assert.deepEqual(jsonErrorLocation('', 'Unexpected end of JSON input'), { line: 1, column: 1, lineText: '' });
  });

  it('returns null when there is nothing to find', () => {
    assert.equal(jsonErrorLocation('{"a": 1}', 'Unexpected token'), null);
    assert.equal(jsonErrorLocation(undefined, 'Unexpected end of JSON input'), null);
    assert.equal(jsonErrorLocation('{}', "JSON.parse: bad at line 9 column 1 of the JSON data"), null);
  });

  it('places random one-character mistakes in the examples inside the text, at or after the mistake', () => {
    const random = seededRandom(20261202);
    const texts = EXAMPLES.map(exampleRequestText);
    const inserted = '{}[]:,"\\ \nx0-.e';
    let checked = 0;
    for (let round = 0; round < 4000; round++) {
      const text = texts[Math.floor(random() * texts.length)];
      const at = Math.floor(random() * text.length);
      const deleting = random() < 0.5;
      const mutated = deleting
        ? text.slice(0, at) + text.slice(at + 1)
        : text.slice(0, at) + inserted[Math.floor(random() * inserted.length)] + text.slice(at);
      let error;
      try {
        JSON.parse(mutated);
        continue;
      } catch (thrown) {
        error = thrown;
      }
      const what = `${deleting ? 'deleting' : 'inserting'} at ${at}: ${error.message}`;
      const location = jsonErrorLocation(mutated, error);
      assert.ok(location, what);
      const lines = mutated.split('\n');
      assert.ok(location.line >= 1 && location.line <= lines.length, what);
      assert.equal(location.lineText, lines[location.line - 1], what);
      assert.ok(location.column >= 1 && location.column <= location.lineText.length + 1, what);
      // The text before the mistake is a valid beginning, so the error is at the mistake or
      // later, unless the text ends early: then it is just after the last character left.
      const offset = offsetOf(lines, location);
      const lastLine = lastNonBlankLine(lines);
      const atEnd = location.line === lastLine && location.column === lines[lastLine - 1].trimEnd().length + 1;
      assert.ok(offset >= at || atEnd, what);
      if (deleting && at === text.length - 1) assert.ok(atEnd, `a deleted closing brace is marked at the end: ${what}`);
      // Where the message gives no position, the scan agrees with V8's token.
      const token = /^Unexpected token '([\s\S])'/.exec(error.message);
      if (token) assert.equal(mutated[offset] ?? '', token[1], what);
      // Where it does, the scan finds the same place.
      if (/at position/.test(error.message)) assert.deepEqual(jsonErrorLocation(mutated, 'SyntaxError'), location, what);
      checked++;
    }
    assert.ok(checked > 1000, `only ${checked} mutations broke the JSON`);
  });
});

function parseError(text) {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  assert.fail(`${JSON.stringify(text)} parses`);
}

function offsetOf(lines, { line, column }) {
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i].length + 1;
  return offset + column - 1;
}

function lastNonBlankLine(lines) {
  let line = lines.length;
  while (line > 1 && lines[line - 1].trim() === '') line--;
  return line;
}

