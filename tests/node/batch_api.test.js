// BatchWriteItem and BatchGetItem through the in-process JS API.
import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';

import { createDynamoDB, DynamoDBError } from '../../wasm/index.js';

const booksTable = {
  TableName: 'Books',
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [{ AttributeName: 'isbn', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'isbn', AttributeType: 'S' }],
};

// 25 small items (well under 1 KB each): one write unit apiece, one read unit strongly
// consistent, half a unit eventually consistent.
const books = Array.from({ length: 25 }, (_, i) => ({
  isbn: { S: `978-${String(i).padStart(4, '0')}` },
  title: { S: `Book ${i}` },
  pages: { N: String(100 + i) },
}));
const keyOf = (book) => ({ isbn: book.isbn });
const byIsbn = (a, b) => a.isbn.S.localeCompare(b.isbn.S);
const putAll = (items) => items.map((Item) => ({ PutRequest: { Item } }));

describe('BatchWriteItem and BatchGetItem', () => {
  let db;
  before(async () => {
    db = await createDynamoDB();
    await db.send('CreateTable', booksTable);
  });
  after(() => db.close());

  describe('behaviour', () => {
    it('writes 25 items and reads them back, with consumed capacity per table', async () => {
      const written = await db.send('BatchWriteItem', {
        RequestItems: { Books: putAll(books) },
        ReturnConsumedCapacity: 'TOTAL',
      });
      assert.deepEqual(written, {
        UnprocessedItems: {},
        ConsumedCapacity: [{ TableName: 'Books', CapacityUnits: 25 }],
      });

      const got = await db.send('BatchGetItem', {
        RequestItems: { Books: { Keys: books.map(keyOf), ConsistentRead: true } },
        ReturnConsumedCapacity: 'INDEXES',
      });
      assert.deepEqual([...got.Responses.Books].sort(byIsbn), books);
      assert.deepEqual(got.UnprocessedKeys, {});
      assert.deepEqual(got.ConsumedCapacity, [
        { TableName: 'Books', CapacityUnits: 25, Table: { CapacityUnits: 25 } },
      ]);
    });

    it('halves eventually consistent reads, charges missing keys and projects', async () => {
      await db.send('BatchWriteItem', { RequestItems: { Books: putAll(books.slice(0, 3)) } });
      const got = await db.send('BatchGetItem', {
        RequestItems: {
          Books: {
            Keys: [...books.slice(0, 3).map(keyOf), { isbn: { S: 'not-a-book' } }],
            ProjectionExpression: '#t',
            ExpressionAttributeNames: { '#t': 'title' },
          },
        },
        ReturnConsumedCapacity: 'TOTAL',
      });
      assert.deepEqual(
        [...got.Responses.Books].sort((a, b) => a.title.S.localeCompare(b.title.S)),
        [{ title: { S: 'Book 0' } }, { title: { S: 'Book 1' } }, { title: { S: 'Book 2' } }],
      );
      // Four reads of half a unit each: the missing key costs as much as a small item.
      assert.deepEqual(got.ConsumedCapacity, [{ TableName: 'Books', CapacityUnits: 2 }]);
    });

    it('puts and deletes in one request', async () => {
      const extra = { isbn: { S: 'extra' }, title: { S: 'Extra' } };
      const written = await db.send('BatchWriteItem', {
        RequestItems: {
          Books: [{ DeleteRequest: { Key: keyOf(books[0]) } }, { PutRequest: { Item: extra } }],
        },
      });
      assert.deepEqual(written, { UnprocessedItems: {} });
      assert.deepEqual(await db.send('GetItem', { TableName: 'Books', Key: keyOf(books[0]) }), {});
      assert.deepEqual((await db.send('GetItem', { TableName: 'Books', Key: keyOf(extra) })).Item, extra);
    });
  });

  describe('validation', () => {
    it('refuses more than 25 write requests for one table', async () => {
      const tooMany = putAll([...books, { isbn: { S: 'one-more' } }]);
      await assert.rejects(db.send('BatchWriteItem', { RequestItems: { Books: tooMany } }), (error) => {
        assert.ok(error instanceof DynamoDBError);
        assert.equal(error.name, 'ValidationException');
        assert.match(
          error.message,
          /^1 validation error detected: Value '\{Books=\[.+\]\}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: \[Member must have length less than or equal to 25, Member must have length greater than or equal to 1\]$/s,
        );
        return true;
      });
    });

    it('refuses more than 100 keys for one table', async () => {
      const keys = Array.from({ length: 101 }, (_, i) => ({ isbn: { S: `k${i}` } }));
      await assert.rejects(db.send('BatchGetItem', { RequestItems: { Books: { Keys: keys } } }), {
        name: 'ValidationException',
        message:
          "1 validation error detected: Value at 'RequestItems.Books.member.Keys' failed to satisfy constraint: Member must have length less than or equal to 100",
      });
    });

    it('refuses two requests for one item, and writes nothing', async () => {
      const item = { isbn: { S: 'twice' } };
      await assert.rejects(
        db.send('BatchWriteItem', {
          RequestItems: { Books: [{ PutRequest: { Item: item } }, { DeleteRequest: { Key: item } }] },
        }),
        { name: 'ValidationException', message: 'Provided list of item keys contains duplicates' },
      );
      assert.deepEqual(await db.send('GetItem', { TableName: 'Books', Key: item }), {});
      await assert.rejects(
        db.send('BatchGetItem', { RequestItems: { Books: { Keys: [item, item] } } }),
        { name: 'ValidationException', message: 'Provided list of item keys contains duplicates' },
      );
    });

    it('refuses a write request holding both a put and a delete', async () => {
      const item = { isbn: { S: 'both' } };
      await assert.rejects(
        db.send('BatchWriteItem', {
          RequestItems: { Books: [{ PutRequest: { Item: item }, DeleteRequest: { Key: item } }] },
        }),
        {
          name: 'ValidationException',
          message:
            'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
        },
      );
    });

    it('refuses empty RequestItems', async () => {
      for (const operation of ['BatchGetItem', 'BatchWriteItem']) {
        await assert.rejects(db.send(operation, { RequestItems: {} }), {
          name: 'ValidationException',
          message:
            "1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
        });
      }
    });

    it('reports a missing table as ResourceNotFoundException', async () => {
      await assert.rejects(
        db.send('BatchWriteItem', {
          RequestItems: { Books: putAll([{ isbn: { S: 'orphan' } }]), Nope: putAll([{ isbn: { S: 'x' } }]) },
        }),
        { name: 'ResourceNotFoundException', message: 'Requested resource not found' },
      );
      assert.deepEqual(await db.send('GetItem', { TableName: 'Books', Key: { isbn: { S: 'orphan' } } }), {});
      await assert.rejects(
        db.send('BatchGetItem', { RequestItems: { Nope: { Keys: [{ isbn: { S: 'x' } }] } } }),
        { name: 'ResourceNotFoundException', message: 'Requested resource not found' },
      );
    });
  });

  describe('serialization', () => {
    it('rejects RequestItems of the wrong JSON type', async () => {
      await assert.rejects(db.send('BatchGetItem', { RequestItems: [] }), {
        name: 'SerializationException',
        message:
          'Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.KeysAndAttributes>',
      });
      await assert.rejects(db.send('BatchWriteItem', { RequestItems: { Books: {} } }), {
        name: 'SerializationException',
        message: 'Start of structure or map found where not expected',
      });
    });
  });
});
