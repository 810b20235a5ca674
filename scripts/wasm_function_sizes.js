// Where the engine module's bytes go (issue #15's size goal): the largest functions of a wasm
// module that carries function names, and their code summed by the namespace each function
// belongs to (ddbpg::api, ddbpg::expr, std, nlohmann, ...). The shipped module has no names;
// build one that has them in a tree of its own (README.md, "Building and benchmarks by hand"):
//
//   emcmake cmake -S . -B build/wasm-names -G Ninja -DDDBPG_WASM_FUNCTION_NAMES=ON
//   cmake --build build/wasm-names --target ddbpg_module
//   node scripts/wasm_function_sizes.js build/wasm-names/named/ddbpg_engine.wasm [--top N]
//
// A function's size is its body in the code section, as the module stores it (before gzip).

import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const SECTION = { custom: 0, import: 2, code: 10 };
const IMPORT_KIND_FUNCTION = 0;

/** A reader of a wasm binary's LEB128 integers, names and sections, front to back. */
class WasmReader {
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
  }
  byte() {
    return this.bytes[this.at++];
  }
  unsigned() {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  }
  name() {
    const length = this.unsigned();
    const text = Buffer.from(this.bytes.subarray(this.at, this.at + length)).toString('utf8');
    this.at += length;
    return text;
  }
  skipLimits() {
    const flags = this.byte();
    this.unsigned();
    if (flags & 1) this.unsigned();
  }
}

// An import's description, skipped: only function imports count, since they take the first
// function indexes and the name section numbers functions with them.
function readImportIsFunction(reader) {
  reader.name();
  reader.name();
  const kind = reader.byte();
  if (kind === IMPORT_KIND_FUNCTION) {
    reader.unsigned();
    return true;
  }
  if (kind === 1) {
    reader.byte(); // table: element type, then limits
    reader.skipLimits();
  } else if (kind === 2) {
    reader.skipLimits(); // memory
  } else if (kind === 3) {
    reader.at += 2; // global: value type and mutability
  } else if (kind === 4) {
    reader.byte(); // tag: attribute, then type index
    reader.unsigned();
  } else {
    throw new Error(`unknown import kind ${kind}`);
  }
  return false;
}

function readFunctionNames(reader, end, names) {
  while (reader.at < end) {
    const subsection = reader.byte();
    const size = reader.unsigned();
    const next = reader.at + size;
    if (subsection === 1) {
      const count = reader.unsigned();
      for (let i = 0; i < count; i++) names.set(reader.unsigned(), reader.name());
    }
    reader.at = next;
  }
}

/**
 * The module's defined functions: `[{ index, name, bytes }]`, largest first. A function the
 * name section does not name is called `function[<index>]`.
 * @param {Uint8Array} bytes a whole wasm binary
 */
export function functionSizes(bytes) {
  const magic = [0x00, 0x61, 0x73, 0x6d]; // "\0asm", then a four-byte version
  if (bytes.length < 8 || magic.some((b, i) => bytes[i] !== b)) throw new Error('not a wasm module');
  const reader = new WasmReader(bytes);
  reader.at = 8;
  let importedFunctions = 0;
  const bodySizes = [];
  const names = new Map();
  while (reader.at < bytes.length) {
    const id = reader.byte();
    const size = reader.unsigned();
    const end = reader.at + size;
    if (id === SECTION.import) {
      const count = reader.unsigned();
      for (let i = 0; i < count; i++) if (readImportIsFunction(reader)) importedFunctions++;
    } else if (id === SECTION.code) {
      const count = reader.unsigned();
      for (let i = 0; i < count; i++) {
        const bodySize = reader.unsigned();
        bodySizes.push(bodySize);
        reader.at += bodySize;
      }
    } else if (id === SECTION.custom && reader.name() === 'name') {
      readFunctionNames(reader, end, names);
    }
    reader.at = end;
  }
  return bodySizes
    .map((size, i) => {
      const index = importedFunctions + i;
      return { index, name: names.get(index) ?? `function[${index}]`, bytes: size };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * The namespace a demangled function name belongs to: `ddbpg::<folder>` for the engine's own
 * (anonymous namespaces looked through), else its outermost namespace (`std`, `nlohmann`,
 * `emscripten`), else `(C)` for the C library's and the runtime's plain names (`(unnamed)`
 * for a function the name section leaves out). Template
 * arguments and parameter lists are looked past: `std::__sort<ddbpg::...>` is `std`'s.
 */
export function namespaceOf(name) {
  if (name.startsWith('function[')) return '(unnamed)';
  let depth = 0;
  let head = '';
  for (const c of name.replaceAll('(anonymous namespace)::', '')) {
    if (c === '<') depth++;
    else if (c === '>') depth--;
    else if (c === '(' && depth === 0) break;
    else if (depth === 0) head += c;
  }
  const qualified = head.trim().split(' ').pop();
  const engine = /^ddbpg::(\w+)::/.exec(qualified);
  if (engine) return `ddbpg::${engine[1]}`;
  const outer = /^(\w+)::/.exec(qualified);
  if (outer) return outer[1];
  return '(C)';
}

/** Code bytes summed by namespace: `[{ namespace, bytes, functions }]`, largest first. */
export function bytesByNamespace(functions) {
  const totals = new Map();
  for (const { name, bytes } of functions) {
    const key = namespaceOf(name);
    const total = totals.get(key) ?? { namespace: key, bytes: 0, functions: 0 };
    total.bytes += bytes;
    total.functions += 1;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => b.bytes - a.bytes);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '40' } },
  });
  if (positionals.length !== 1) {
    console.error('usage: node scripts/wasm_function_sizes.js MODULE.wasm [--top N]');
    process.exit(2);
  }
  const functions = functionSizes(await readFile(positionals[0]));
  const total = functions.reduce((sum, f) => sum + f.bytes, 0);
  const named = functions.filter((f) => !f.name.startsWith('function[')).length;
  console.log(`${functions.length} functions (${named} named), ${total} bytes of code`);
  console.log('\nby namespace:');
  for (const { namespace, bytes, functions: count } of bytesByNamespace(functions)) {
    const share = ((100 * bytes) / total).toFixed(1);
    console.log(`${String(bytes).padStart(9)} ${share.padStart(5)}%  ${namespace} (${count})`);
  }
  console.log(`\nthe ${values.top} largest functions:`);
  for (const { bytes, name } of functions.slice(0, Number(values.top))) {
    console.log(`${String(bytes).padStart(9)}  ${name.length > 150 ? `${name.slice(0, 150)}...` : name}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
