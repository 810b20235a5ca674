// A setupFiles entry of `preset: 'dynamodb-playground'`: points process.env.DYNAMODB_ENDPOINT at
// this Jest worker's own endpoint (wasm/jest/global_setup.mjs started one per worker).
'use strict';

const endpoints = (process.env.DYNAMODB_PLAYGROUND_ENDPOINTS ?? '').split(',').filter(Boolean);
const worker = Number(process.env.JEST_WORKER_ID ?? 1);
if (endpoints.length) process.env.DYNAMODB_ENDPOINT = endpoints[(worker - 1) % endpoints.length];
