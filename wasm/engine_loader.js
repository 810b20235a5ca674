// Loads the Emscripten module (wasm/generated/ddbpg_engine.{js,wasm}) in node or in the
// browser from the same build.

const ENGINE_JS = new URL('./generated/ddbpg_engine.js', import.meta.url);
const ENGINE_WASM = new URL('./generated/ddbpg_engine.wasm', import.meta.url);

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

async function loadFactoryInNode() {
  const { createRequire } = await import('node:module');
  const { readFile } = await import('node:fs/promises');
  const { fileURLToPath } = await import('node:url');
  const require = createRequire(import.meta.url);
  const factory = require(fileURLToPath(ENGINE_JS));
  // Node's global fetch cannot read file paths, so hand the module its bytes directly.
  const wasmBinary = await readFile(fileURLToPath(ENGINE_WASM));
  return { factory, moduleArgs: { wasmBinary } };
}

let browserFactoryPromise = null;

function loadFactoryInBrowser() {
  browserFactoryPromise ??= new Promise((resolve, reject) => {
    if (globalThis.createDdbpgModule) return resolve(globalThis.createDdbpgModule);
    const script = document.createElement('script');
    script.src = ENGINE_JS.href;
    script.onload = () => resolve(globalThis.createDdbpgModule);
    script.onerror = () => reject(new Error(`could not load ${ENGINE_JS.href}`));
    document.head.appendChild(script);
  });
  return browserFactoryPromise.then((factory) => ({
    factory,
    moduleArgs: { locateFile: () => ENGINE_WASM.href },
  }));
}

/** Instantiates a fresh wasm module and returns its raw engine constructor. */
export async function instantiateEngineModule() {
  const { factory, moduleArgs } = isNode ? await loadFactoryInNode() : await loadFactoryInBrowser();
  return factory(moduleArgs);
}
