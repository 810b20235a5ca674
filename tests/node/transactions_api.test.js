// TransactWriteItems and TransactGetItems through the in-process JS API.
import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';

import { createDynamoDB } from '../../wasm/index.js';

const accountsTable = {
  TableName: 'Accounts',
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
};

const key = (id) => ({ id: { S: id } });

// Moves `amount` from one account to another, only if the payer can cover it.
const transfer = (from, to, amount) => [
  {
    Update: {
      TableName: 'Accounts',
      Key: key(from),
      UpdateExpression: 'SET balance = balance - :amount',
      ConditionExpression: 'balance >= :amount',
      ExpressionAttributeValues: { ':amount': { N: String(amount) } },
    },
  },
  {
    Update: {
      TableName: 'Accounts',
      Key: key(to),
      UpdateExpression: 'SET balance = balance + :amount',
      ConditionExpression: 'attribute_exists(id)',
      ExpressionAttributeValues: { ':amount': { N: String(amount) } },
    },
  },
];

// The raw error body, CancellationReasons included (DynamoDBError carries type and message only).
function errorBody(db, operation, input) {
  const { status, body } = db.handle(`DynamoDB_20120810.${operation}`, JSON.stringify(input));
  assert.equal(status, 400);
  return JSON.parse(body);
}

async function balances(db) {
  const { Responses } = await db.send('TransactGetItems', {
    TransactItems: [
      { Get: { TableName: 'Accounts', Key: key('alice') } },
      { Get: { TableName: 'Accounts', Key: key('bob') } },
    ],
  });
  return Responses.map((response) => response.Item?.balance.N);
}

describe('TransactWriteItems', () => {
  let db;
  before(async () => {
    db = await createDynamoDB();
    await db.send('CreateTable', accountsTable);
  });
  after(() => db.close());

  describe('behaviour', () => {
    it('transfers between two items when the condition holds', async () => {
      for (const [id, balance] of [['alice', '100'], ['bob', '0']]) {
        const item = { ...key(id), balance: { N: balance } };
        await db.send('PutItem', { TableName: 'Accounts', Item: item });
      }
      const output = await db.send('TransactWriteItems', {
        TransactItems: transfer('alice', 'bob', 60),
        ReturnConsumedCapacity: 'TOTAL',
      });
      assert.deepEqual(output, {
        ConsumedCapacity: [{ TableName: 'Accounts', CapacityUnits: 4, WriteCapacityUnits: 4 }],
      });
      assert.deepEqual(await balances(db), ['40', '60']);
    });

    it('cancels the whole transfer when the payer cannot cover it', async () => {
      const input = { TransactItems: transfer('alice', 'bob', 60) };
      await assert.rejects(db.send('TransactWriteItems', input), {
        name: 'TransactionCanceledException',
        message:
          'Transaction cancelled, please refer cancellation reasons for specific reasons ' +
          '[ConditionalCheckFailed, None]',
      });
      const body = errorBody(db, 'TransactWriteItems', input);
      assert.equal(body.__type, 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException');
      assert.deepEqual(body.CancellationReasons, [
        { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
        { Code: 'None' },
      ]);
      assert.deepEqual(await balances(db), ['40', '60']);
    });

    it('returns the item that failed its condition when asked', async () => {
      const items = transfer('alice', 'bob', 1000);
      items[0].Update.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
      const body = errorBody(db, 'TransactWriteItems', { TransactItems: items });
      assert.deepEqual(body.CancellationReasons[0].Item, { ...key('alice'), balance: { N: '40' } });
    });

    it('applies a repeat with the same ClientRequestToken once', async () => {
      const input = {
        TransactItems: transfer('alice', 'bob', 10),
        ClientRequestToken: 'node-transfer-1',
        ReturnConsumedCapacity: 'TOTAL',
      };
      await db.send('TransactWriteItems', input);
      const repeat = await db.send('TransactWriteItems', input);
      assert.deepEqual(repeat, {
        ConsumedCapacity: [{ TableName: 'Accounts', CapacityUnits: 4, ReadCapacityUnits: 4 }],
      });
      assert.deepEqual(await balances(db), ['30', '70']);
    });

    it('refuses the same ClientRequestToken on a different request', async () => {
      await assert.rejects(
        db.send('TransactWriteItems', {
          TransactItems: transfer('alice', 'bob', 20),
          ClientRequestToken: 'node-transfer-1',
        }),
        {
          name: 'IdempotentParameterMismatchException',
          message:
            'The request uses the same client token as a previous, but non-identical request.',
        },
      );
      assert.deepEqual(await balances(db), ['30', '70']);
    });
  });

  describe('validation', () => {
    it('refuses two actions on one item', async () => {
      const items = transfer('alice', 'bob', 1);
      items[1].Update.Key = key('alice');
      await assert.rejects(db.send('TransactWriteItems', { TransactItems: items }), {
        name: 'ValidationException',
        message: 'Transaction request cannot include multiple operations on one item',
      });
    });

    it('refuses an empty transaction', async () => {
      await assert.rejects(db.send('TransactWriteItems', { TransactItems: [] }), {
        name: 'ValidationException',
        message:
          "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy " +
          'constraint: Member must have length greater than or equal to 1',
      });
    });

    it('reports a missing table and writes nothing', async () => {
      const items = transfer('alice', 'bob', 1);
      items[1].Update.TableName = 'Nowhere';
      await assert.rejects(db.send('TransactWriteItems', { TransactItems: items }), {
        name: 'ResourceNotFoundException',
        message: 'Requested resource not found',
      });
      assert.deepEqual(await balances(db), ['30', '70']);
    });
  });

  describe('serialization', () => {
    it('refuses TransactItems that is not a list', async () => {
      await assert.rejects(db.send('TransactWriteItems', { TransactItems: 'transfer' }), {
        name: 'SerializationException',
        message: 'Unexpected field type',
      });
    });
  });
});

describe('TransactGetItems', () => {
  let db;
  before(async () => {
    db = await createDynamoDB();
    await db.send('CreateTable', accountsTable);
    await db.send('PutItem', {
      TableName: 'Accounts',
      Item: { ...key('alice'), balance: { N: '5' }, owner: { S: 'Alice' } },
    });
  });
  after(() => db.close());

  describe('behaviour', () => {
    it('answers in request order, with {} for a missing item', async () => {
      const output = await db.send('TransactGetItems', {
        TransactItems: [
          { Get: { TableName: 'Accounts', Key: key('nobody') } },
          { Get: { TableName: 'Accounts', Key: key('alice'), ProjectionExpression: 'balance' } },
        ],
        ReturnConsumedCapacity: 'TOTAL',
      });
      assert.deepEqual(output, {
        Responses: [{}, { Item: { balance: { N: '5' } } }],
        ConsumedCapacity: [{ TableName: 'Accounts', CapacityUnits: 4, ReadCapacityUnits: 4 }],
      });
    });
  });

  describe('validation', () => {
    it('cancels when a key does not match the schema', async () => {
      const body = errorBody(db, 'TransactGetItems', {
        TransactItems: [{ Get: { TableName: 'Accounts', Key: { id: { N: '1' } } } }],
      });
      assert.equal(
        body.message ?? body.Message,
        'Transaction cancelled, please refer cancellation reasons for specific reasons ' +
          '[ValidationError]',
      );
      assert.deepEqual(body.CancellationReasons, [
        { Code: 'ValidationError', Message: 'The provided key element does not match the schema' },
      ]);
    });
  });
});
