// Loads the Emscripten module in node or in the browser from the same build:
// wasm/generated/ddbpg_engine.{js,wasm}, or in the page ddbpg_page.{js,wasm}, the same engine
// with the Dear ImGui heat view linked in.

const MODULES = {
  engine: 'ddbpg_engine',
  page: 'ddbpg_page',
};

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

function moduleUrls(variant) {
  const name = MODULES[variant];
  if (!name) throw new Error(`unknown engine module variant: ${variant}`);
  return {
    js: new URL(`./generated/${name}.js`, import.meta.url),
    wasm: new URL(`./generated/${name}.wasm`, import.meta.url),
  };
}

async function loadFactoryInNode(urls) {
  const { createRequire } = await import('node:module');
  const { readFile } = await import('node:fs/promises');
  const { fileURLToPath } = await import('node:url');
  const require = createRequire(import.meta.url);
  const factory = require(fileURLToPath(urls.js));
  // Node's global fetch cannot read file paths, so hand the module its bytes directly.
  const wasmBinary = await readFile(fileURLToPath(urls.wasm));
  return { factory, moduleArgs: { wasmBinary } };
}

// Both variants define the same global factory name, so each script is loaded at most once and
// its factory kept before another can replace it.
const browserFactories = new Map();

function loadFactoryInBrowser(urls) {
  if (!browserFactories.has(urls.js.href)) {
    browserFactories.set(
      urls.js.href,
      new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = urls.js.href;
        script.onload = () => resolve(globalThis.createDdbpgModule);
        script.onerror = () => reject(new Error(`could not load ${urls.js.href}`));
        document.head.appendChild(script);
      }),
    );
  }
  return browserFactories.get(urls.js.href).then((factory) => ({
    factory,
    moduleArgs: { locateFile: () => urls.wasm.href },
  }));
}

// One instance of the plain engine module per process (or page), shared by every engine that
// needs no canvas: a new engine is then an object in the same wasm memory, created in well under
// a millisecond, and closing it returns its memory to that instance's allocator.
let sharedEngineModule = null;

/** The process's shared instance of the plain engine module. */
export function sharedEngineModuleInstance() {
  sharedEngineModule ??= instantiateEngineModule('engine').catch((error) => {
    sharedEngineModule = null; // let a later call try again
    throw error;
  });
  return sharedEngineModule;
}

/**
 * Instantiates a fresh wasm module and returns it. `variant` is "engine" (default) or "page";
 * `extraArgs` are added to the module's arguments (the page passes its canvas).
 */
export async function instantiateEngineModule(variant = 'engine', extraArgs = {}) {
  const urls = moduleUrls(variant);
  const { factory, moduleArgs } = isNode
    ? await loadFactoryInNode(urls)
    : await loadFactoryInBrowser(urls);
  return factory({ ...moduleArgs, ...extraArgs });
}
