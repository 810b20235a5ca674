// The engine's folders are layers: each includes only folders below it, so dependencies point
// one way and no folder cycle can come back unnoticed. The order is docs/architecture.md's.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ENGINE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'engine');

// Bottom first. A folder may include any folder listed before it.
const LAYERS = ['base', 'value', 'expr', 'partiql', 'partition', 'capacity', 'index', 'streams', 'store', 'ttl', 'sim', 'exchange', 'persist', 'core', 'api'];

function sources(folder) {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(h|cc)$/.test(name) ? [full] : [];
  });
}

/** Every `#include "engine/<folder>/..."` of `folder`'s files, as [file, included folder]. */
function engineIncludes(folder) {
  return sources(path.join(ENGINE, folder)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^#include "engine\/([a-z_]+)\//gm)].map((match) => [path.relative(ENGINE, file), match[1]]));
}

test('every engine folder has a place in the layers', () => {
  const folders = readdirSync(ENGINE).filter((name) => statSync(path.join(ENGINE, name)).isDirectory()).sort();
  assert.deepEqual(folders, [...LAYERS].sort());
});

test('each folder includes only folders below it', () => {
  const upward = [];
  for (const [at, folder] of LAYERS.entries()) {
    for (const [file, included] of engineIncludes(folder)) {
      const level = LAYERS.indexOf(included);
      if (included !== folder && !(level >= 0 && level < at)) upward.push(`${file} includes engine/${included}/`);
    }
  }
  assert.deepEqual(upward, []);
});

// The core (one write path, EngineState) works on items and tables, never on request or
// response trees: only api/ reads and writes DynamoDB JSON with nlohmann.
test('the core includes no JSON library', () => {
  const withJson = sources(path.join(ENGINE, 'core'))
    .filter((file) => /^#include <nlohmann\//m.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(ENGINE, file));
  assert.deepEqual(withJson, []);
});


// Namespaces follow folders: what engine/store/ declares is ddbpg::store::..., so a name says
// where it lives. Two kinds of block are exempt: the Engine facade's own member definitions,
// which live in api/ next to the handlers they call but belong to ddbpg::Engine, and forward
// declarations of the snapshot codec that lower folders befriend.
const ENGINE_DEFINITIONS = ['api/dispatcher.cc', 'api/journal.cc', 'api/snapshot.cc', 'api/state_snapshot.cc'];
const FORWARD_DECLARATION_BLOCK = /^namespace ddbpg::\w+ \{\n(?:class \w+;.*\n)+\}  \/\/ namespace ddbpg::\w+\n/gm;

test('each folder declares its names in its own namespace', () => {
  const strays = [];
  for (const folder of LAYERS) {
    for (const file of sources(path.join(ENGINE, folder))) {
      const relative = path.relative(ENGINE, file);
      const own = ENGINE_DEFINITIONS.includes(relative) ? 'ddbpg' : `ddbpg::${folder}`;
      const text = readFileSync(file, 'utf8').replace(FORWARD_DECLARATION_BLOCK, '');
      for (const [, name] of text.matchAll(/^namespace ([\w:]+) \{/gm)) {
        if (name !== own && !name.startsWith(`${own}::`)) strays.push(`${relative}: namespace ${name}`);
      }
    }
  }
  assert.deepEqual(strays, []);
});

// The standard streams bring the locale machinery with them (number parsing and formatting for
// every character type, money and time facets): one istringstream added 90 KB of code to the
// engine module, whose size issue #15 bounds. The engine formats and splits text by hand.
test('the engine includes no standard stream or locale header', () => {
  const withStreams = LAYERS.flatMap((folder) => sources(path.join(ENGINE, folder)))
    .filter((file) => /^#include <(sstream|iostream|istream|ostream|fstream|iomanip|locale|regex)>/m.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(ENGINE, file));
  assert.deepEqual(withStreams, []);
});
