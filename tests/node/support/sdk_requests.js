// Small pieces the SDK tests share: an on-demand table keyed on `pk`, and the error a request
// fails with.

import assert from 'node:assert/strict';

export const CREDENTIALS = { accessKeyId: 'x', secretAccessKey: 'x' };

export function tableInput(name, extra = {}) {
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    ...extra,
  };
}

export async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the request to fail');
}
