// PartiQL through real clients: the AWS SDK for JavaScript v3 (and its document client) against
// the in-process engine (db.requestHandler()) and the HTTP endpoint, and boto3 against the
// endpoint. The engine's own tests (tests/engine/api/partiql_test.cc) cover every rule; these
// check that clients send, read and type what the engine answers.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  BatchExecuteStatementCommand,
  CreateTableCommand,
  DuplicateItemException,
  ExecuteStatementCommand,
  ExecuteTransactionCommand,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ExecuteStatementCommand as DocumentExecuteStatementCommand } from '@aws-sdk/lib-dynamodb';

import { BOTO3_SKIP, closeFront, openFront, runBoto3, SDK_FRONTS } from './support/sdk_fronts.js';
import { rejection } from './support/sdk_requests.js';

const MUSIC = {
  TableName: 'Music',
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'Artist', AttributeType: 'S' },
    { AttributeName: 'SongTitle', AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: 'Artist', KeyType: 'HASH' },
    { AttributeName: 'SongTitle', KeyType: 'RANGE' },
  ],
};

for (const front of SDK_FRONTS) {
  describe(`PartiQL with the SDK v3 (${front})`, () => {
    let db;
    let server;
    let client;

    before(async () => {
      ({ client, server, db } = await openFront(front));
      await client.send(new CreateTableCommand(MUSIC));
    });

    after(async () => {
      await closeFront({ client, server, db });
    });

    test('INSERT, SELECT with parameters, UPDATE and DELETE', async () => {
      const inserted = await client.send(
        new ExecuteStatementCommand({ Statement: "INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'Hi', 'Plays': 1}" }),
      );
      assert.deepEqual(inserted.Items, []);
      await client.send(
        new ExecuteStatementCommand({
          Statement: 'INSERT INTO Music VALUE {\'Artist\': ?, \'SongTitle\': ?}',
          Parameters: [{ S: 'Acme' }, { S: 'Yo' }],
        }),
      );
      const selected = await client.send(
        new ExecuteStatementCommand({ Statement: 'SELECT SongTitle FROM Music WHERE Artist = ?', Parameters: [{ S: 'Acme' }] }),
      );
      assert.deepEqual(selected.Items, [{ SongTitle: { S: 'Hi' } }, { SongTitle: { S: 'Yo' } }]);

      const updated = await client.send(
        new ExecuteStatementCommand({
          Statement: "UPDATE Music SET Plays = Plays + 1 WHERE Artist = 'Acme' AND SongTitle = 'Hi' RETURNING ALL NEW *",
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      assert.deepEqual(updated.Items[0].Plays, { N: '2' });
      assert.equal(updated.ConsumedCapacity.TableName, 'Music');

      await client.send(new ExecuteStatementCommand({ Statement: "DELETE FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Yo'" }));
      const left = await client.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM Music', ConsistentRead: true }));
      assert.equal(left.Items.length, 1);
    });

    test('Limit and NextToken page through a scan', async () => {
      for (const title of ['a', 'b', 'c']) {
        await client.send(new ExecuteStatementCommand({ Statement: `INSERT INTO Music VALUE {'Artist': 'Paged', 'SongTitle': '${title}'}` }));
      }
      const titles = [];
      let NextToken;
      do {
        const page = await client.send(
          new ExecuteStatementCommand({ Statement: "SELECT * FROM Music WHERE Artist = 'Paged'", Limit: 2, NextToken }),
        );
        titles.push(...page.Items.map((item) => item.SongTitle.S));
        NextToken = page.NextToken;
      } while (NextToken);
      assert.deepEqual(titles, ['a', 'b', 'c']);
    });

    test('the document client sends and reads native values', async () => {
      const documents = DynamoDBDocumentClient.from(client);
      const answer = await documents.send(
        new DocumentExecuteStatementCommand({ Statement: 'SELECT * FROM Music WHERE Artist = ? AND SongTitle = ?', Parameters: ['Acme', 'Hi'] }),
      );
      assert.deepEqual(answer.Items, [{ Artist: 'Acme', SongTitle: 'Hi', Plays: 2 }]);
    });

    test('errors are the typed exceptions', async () => {
      const duplicate = await rejection(
        client.send(new ExecuteStatementCommand({ Statement: "INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'Hi'}" })),
      );
      assert.ok(duplicate instanceof DuplicateItemException);
      assert.equal(duplicate.message, 'Duplicate primary key exists in table');

      const malformed = await rejection(client.send(new ExecuteStatementCommand({ Statement: 'SELECT * FORM Music' })));
      assert.equal(malformed.name, 'ValidationException');
      assert.equal(malformed.message, "Statement wasn't well formed, can't be processed: Unexpected token FORM at position 10");

      const missing = await rejection(
        client.send(new ExecuteStatementCommand({ Statement: "UPDATE Music SET Plays = 1 WHERE Artist = 'No' AND SongTitle = 'No'" })),
      );
      assert.equal(missing.name, 'ConditionalCheckFailedException');
    });

    test('BatchExecuteStatement answers each statement in place', async () => {
      const answer = await client.send(
        new BatchExecuteStatementCommand({
          Statements: [
            { Statement: "INSERT INTO Music VALUE {'Artist': 'Batch', 'SongTitle': 'One'}" },
            { Statement: "INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'Hi'}" },
          ],
        }),
      );
      assert.deepEqual(answer.Responses[0], { TableName: 'Music' });
      assert.deepEqual(answer.Responses[1].Error, { Code: 'DuplicateItem', Message: 'Duplicate primary key exists in table' });
      const read = await client.send(
        new BatchExecuteStatementCommand({ Statements: [{ Statement: "SELECT * FROM Music WHERE Artist = 'Batch' AND SongTitle = 'One'" }] }),
      );
      assert.deepEqual(read.Responses[0].Item, { Artist: { S: 'Batch' }, SongTitle: { S: 'One' } });
    });

    test('ExecuteTransaction writes all or nothing', async () => {
      await client.send(
        new ExecuteTransactionCommand({
          TransactStatements: [
            { Statement: "INSERT INTO Music VALUE {'Artist': 'Tx', 'SongTitle': 'One'}" },
            { Statement: "UPDATE Music SET Plays = 10 WHERE Artist = 'Acme' AND SongTitle = 'Hi'" },
          ],
        }),
      );
      const cancelled = await rejection(
        client.send(
          new ExecuteTransactionCommand({
            TransactStatements: [
              { Statement: "INSERT INTO Music VALUE {'Artist': 'Tx', 'SongTitle': 'Two'}" },
              { Statement: "INSERT INTO Music VALUE {'Artist': 'Tx', 'SongTitle': 'One'}" },
            ],
          }),
        ),
      );
      assert.ok(cancelled instanceof TransactionCanceledException);
      assert.deepEqual(
        cancelled.CancellationReasons.map((reason) => reason.Code),
        ['None', 'DuplicateItem'],
      );
      const read = await client.send(
        new ExecuteTransactionCommand({
          TransactStatements: [
            { Statement: "SELECT Plays FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Hi'" },
            { Statement: "SELECT * FROM Music WHERE Artist = 'Tx' AND SongTitle = 'Two'" },
          ],
        }),
      );
      assert.deepEqual(read.Responses, [{ Item: { Plays: { N: '10' } } }, {}]);
    });
  });
}

// boto3 through the endpoint.
const BOTO3_SCRIPT = `
import json, sys, boto3
from botocore.exceptions import ClientError
client = boto3.client('dynamodb', endpoint_url=sys.argv[1], region_name='us-east-1',
                      aws_access_key_id='x', aws_secret_access_key='x')
client.create_table(TableName='Python', BillingMode='PAY_PER_REQUEST',
    KeySchema=[{'AttributeName': 'p', 'KeyType': 'HASH'}],
    AttributeDefinitions=[{'AttributeName': 'p', 'AttributeType': 'S'}])
out = {}
client.execute_statement(Statement="INSERT INTO Python VALUE {'p': 'a', 'n': 1}")
out['items'] = client.execute_statement(Statement='SELECT * FROM Python WHERE p = ?',
                                        Parameters=[{'S': 'a'}])['Items']
try:
    client.execute_statement(Statement="INSERT INTO Python VALUE {'p': 'a'}")
    out['duplicate'] = 'no error'
except ClientError as e:
    out['duplicate'] = e.response['Error']['Code'] + ': ' + e.response['Error']['Message']
print(json.dumps(out))
`;

describe('PartiQL with boto3 (HTTP endpoint)', () => {
  test('inserts, selects and reads DuplicateItemException', { skip: BOTO3_SKIP }, async () => {
    const stdout = await runBoto3(BOTO3_SCRIPT);
    const out = JSON.parse(stdout);
    assert.deepEqual(out.items, [{ p: { S: 'a' }, n: { N: '1' } }]);
    assert.equal(out.duplicate, 'DuplicateItemException: Duplicate primary key exists in table');
  });
});
