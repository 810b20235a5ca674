// The CommonJS entry: `require('dynamodb-playground')` from code that cannot import ES modules
// (node 20, Jest without --experimental-vm-modules). The engine is an ES module, so each
// function here loads it on first use and returns what the ES entry returns.
'use strict';

module.exports = {
  /** As `createDynamoDB` of the ES entry (wasm/index.js). */
  createDynamoDB: (options) => import('./index.js').then((api) => api.createDynamoDB(options)),
  /** As `startServer` of wasm/http_server.js: the DynamoDB endpoint on a local port. */
  startServer: (options) => import('./http_server.js').then((server) => server.startServer(options)),
};
