// requestRegion (wasm/request_region.js): the region a request was signed for, read from the
// Authorization header's credential scope (node's lower-case headers and the SDK's in any case)
// or a presigned URL's X-Amz-Credential; '' when there is none.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { requestRegion } from '../../wasm/request_region.js';

const authorization = (scope) =>
  `AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;

test('the third field of the credential scope, from node\'s lower-case header', () => {
  assert.equal(requestRegion({ authorization: authorization('AKID/20261206/eu-west-1/dynamodb/aws4_request') }), 'eu-west-1');
});

test('the SDK\'s headers in any case', () => {
  assert.equal(requestRegion({ Authorization: authorization('AKID/20261206/ap-south-1/dynamodb/aws4_request') }), 'ap-south-1');
  assert.equal(requestRegion({ AUTHORIZATION: [authorization('AKID/20261206/us-west-2/dynamodb/aws4_request')] }), 'us-west-2');
});

test('Credential anywhere among the parameters, separated by commas or spaces', () => {
  const header = 'AWS4-HMAC-SHA256 SignedHeaders=host,Credential=AKID/20261206/sa-east-1/dynamodb/aws4_request Signature=00';
  assert.equal(requestRegion({ authorization: header }), 'sa-east-1');
});

test('a name that only ends in Credential= is not the parameter', () => {
  const header = 'AWS4-HMAC-SHA256 XCredential=AKID/20261206/eu-north-1/dynamodb/aws4_request, Signature=00';
  assert.equal(requestRegion({ authorization: header }), '');
});

test('a presigned URL\'s X-Amz-Credential when there is no Authorization header', () => {
  const url = '/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20261206%2Fca-central-1%2Fdynamodb%2Faws4_request';
  assert.equal(requestRegion({}, url), 'ca-central-1');
});

test('no region: unsigned, a SigV4A scope, a malformed scope', () => {
  assert.equal(requestRegion({}), '');
  assert.equal(requestRegion(undefined), '');
  assert.equal(requestRegion({ authorization: authorization('AKID/20261206/dynamodb/aws4_request') }), '');
  assert.equal(requestRegion({ authorization: authorization('AKID/2026/us-east-2/dynamodb/aws4_request') }), '');
  assert.equal(requestRegion({ authorization: 'Bearer token' }), '');
});
