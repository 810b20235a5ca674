// Creating the tables of a tables config (wasm/testing.js): shared by the ES helpers, which send
// to an engine in process, and Jest's CommonJS setup files, which send to an endpoint.
'use strict';

/**
 * Creates every table of `tables` (CreateTable inputs, each with optional `Items` in DynamoDB
 * JSON) with `send(operation, input)`, which resolves to the output, and writes their items 25
 * to a BatchWriteItem until none is left unprocessed.
 */
async function createTablesWith(send, tables) {
  for (const { Items = [], ...input } of tables) {
    await send('CreateTable', input);
    for (let start = 0; start < Items.length; start += 25) {
      let pending = { [input.TableName]: Items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })) };
      while (Object.keys(pending).length) {
        pending = (await send('BatchWriteItem', { RequestItems: pending })).UnprocessedItems ?? {};
      }
    }
  }
}

module.exports = { createTablesWith };
