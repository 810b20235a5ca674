// `preset: 'dynamodb-playground'` in a Jest config: a playground endpoint per Jest worker for the
// whole run (wasm/jest/global_setup.mjs), reachable at process.env.DYNAMODB_ENDPOINT. Add
// `setupFilesAfterEnv: ['dynamodb-playground/jest/clear-between-tests']` to start every test from
// the tables config again.
module.exports = {
  globalSetup: require.resolve('./wasm/jest/global_setup.mjs'),
  globalTeardown: require.resolve('./wasm/jest/global_teardown.mjs'),
  setupFiles: [require.resolve('./wasm/jest/worker_endpoint.cjs')],
};
