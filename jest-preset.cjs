// `preset: 'dynamodb-playground'` in a Jest config: a playground endpoint for the whole run
// (wasm/jest/global_setup.mjs), reachable at process.env.DYNAMODB_ENDPOINT.
module.exports = {
  globalSetup: require.resolve('./wasm/jest/global_setup.mjs'),
  globalTeardown: require.resolve('./wasm/jest/global_teardown.mjs'),
};
