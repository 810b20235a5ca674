// scripts/wasm_function_sizes.js, the module-size breakdown of issue #15: it reads a real wasm
// binary (assembled here byte by byte and checked valid by V8) with an imported function, two
// defined ones and a name section that names only one of them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { bytesByNamespace, functionSizes, namespaceOf } from '../../scripts/wasm_function_sizes.js';

const utf8 = (text) => [...Buffer.from(text, 'utf8')];
const vector = (items) => [items.length, ...items.flat()];
const string = (text) => [utf8(text).length, ...utf8(text)];
const section = (id, content) => [id, content.length, ...content];

// () -> () imported as env.f (index 0), then two functions defined: index 1, a body of 2 bytes,
// named "ddbpg::api::Small()"; index 2, a body of 6 bytes (four nops), without a name.
const SMALL_BODY = [0x00, 0x0b];
const LARGE_BODY = [0x00, 0x01, 0x01, 0x01, 0x01, 0x0b];
const MODULE = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vector([[0x60, 0x00, 0x00]])),
  ...section(2, vector([[...string('env'), ...string('f'), 0x00, 0x00]])),
  ...section(3, vector([[0x00], [0x00]])),
  ...section(10, vector([[SMALL_BODY.length, ...SMALL_BODY], [LARGE_BODY.length, ...LARGE_BODY]])),
  ...section(0, [...string('name'), ...section(1, vector([[0x01, ...string('ddbpg::api::Small()')]]))]),
]);

describe('wasm_function_sizes', () => {
  it('is given a valid module to read', () => {
    assert.equal(WebAssembly.validate(MODULE), true);
  });

  it('lists the defined functions, largest first, numbered after the imports', () => {
    assert.deepEqual(functionSizes(MODULE), [
      { index: 2, name: 'function[2]', bytes: LARGE_BODY.length },
      { index: 1, name: 'ddbpg::api::Small()', bytes: SMALL_BODY.length },
    ]);
  });

  it('refuses what is not a wasm module', () => {
    assert.throws(() => functionSizes(Buffer.from('{"not":"wasm"}')), /not a wasm module/);
    assert.throws(() => functionSizes(new Uint8Array(3)), /not a wasm module/);
  });

  it('sums code by namespace', () => {
    assert.deepEqual(bytesByNamespace(functionSizes(MODULE)), [
      { namespace: '(unnamed)', bytes: LARGE_BODY.length, functions: 1 },
      { namespace: 'ddbpg::api', bytes: SMALL_BODY.length, functions: 1 },
    ]);
  });

  it('names a function\'s namespace past template arguments, parameters and return types', () => {
    const cases = [
      ['ddbpg::api::UpdateTable(ddbpg::core::EngineState&, nlohmann::json const&)', 'ddbpg::api'],
      ['ddbpg::value::(anonymous namespace)::Decode(nlohmann::json const&)', 'ddbpg::value'],
      ['ddbpg::(anonymous namespace)::LoadSections(std::vector<int> const&)', 'ddbpg'],
      ['void std::__2::__sort<ddbpg::capacity::Less&, ddbpg::capacity::KeyTraffic*>(int*, int*)', 'std'],
      ['bool ddbpg::value::ReadObjectMembers<ddbpg::api::Read::$_2>(ddbpg::value::JsonCursor&)', 'ddbpg::value'],
      ['nlohmann::json_abi_v3_11_2::detail::serializer<int>::dump(bool)', 'nlohmann'],
      ['strtod', '(C)'],
      ['function[17]', '(unnamed)'],
    ];
    for (const [name, expected] of cases) assert.equal(namespaceOf(name), expected, name);
  });
});
