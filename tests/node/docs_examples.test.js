// Every example in README.md and docs/ runs as written. For each Markdown file:
//   - its ```js blocks run in order, from the repository root (so './wasm/index.js' and the
//     package's own name resolve as they do for a reader there), with a playground endpoint
//     listening on any localhost port the blocks name. A block with its own `import` starts a
//     new program; a block without continues the one before (it uses the `db` set up there);
//   - its ```sh lines that run `aws dynamodb ...` run with that endpoint listening, with the
//     credentials they set themselves and no user profile. Lines that start the endpoint
//     (`node wasm/cli.js`) or run the project's scripts (`scripts/*.sh`, the quick start this
//     suite is part of) are not run again here.
// A block preceded by `<!-- example: not run (reason) -->` is skipped; the reason is required.

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startServer } from '../../wasm/http_server.js';
import { AWS_ENV, awsCliAvailable, runFile as run } from './support/aws_cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The fenced blocks of a Markdown text: `{ language, code, line, skipReason }`. */
export function codeBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  let open = null;
  for (let i = 0; i < lines.length; i++) {
    const fence = lines[i].match(/^```(\w*)\s*$/);
    if (!fence) {
      if (open) open.code.push(lines[i]);
      continue;
    }
    if (open) {
      blocks.push({ ...open, code: open.code.join('\n') });
      open = null;
      continue;
    }
    let previous = i - 1;
    while (previous >= 0 && lines[previous].trim() === '') previous--;
    const marker = previous >= 0 && lines[previous].match(/<!-- example: not run \((.+)\) -->/);
    open = { language: fence[1], code: [], line: i + 1, skipReason: marker ? marker[1] : null };
  }
  return blocks;
}

/** JS blocks grouped into programs: a block that imports starts one, others continue it. */
export function programs(blocks) {
  const groups = [];
  for (const block of blocks) {
    if (groups.length === 0 || /^import\s/m.test(block.code)) groups.push([]);
    groups.at(-1).push(block);
  }
  return groups;
}

/** Shell lines with their `\` continuations joined, comments and blank lines dropped. */
export function shellCommands(code) {
  const commands = [];
  let current = '';
  for (const line of code.split('\n')) {
    const withoutComment = line.replace(/\s+#.*$/, '').replace(/^#.*$/, '');
    if (withoutComment.trimEnd().endsWith('\\')) {
      current += withoutComment.trimEnd().slice(0, -1) + ' ';
      continue;
    }
    current += withoutComment;
    if (current.trim() !== '') commands.push(current.trim().replace(/\s+/g, ' '));
    current = '';
  }
  return commands;
}

async function markdownFiles() {
  const files = ['README.md'];
  async function walk(dir) {
    for (const entry of await readdir(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(relative);
      else if (entry.name.endsWith('.md')) files.push(relative);
    }
  }
  await walk('docs');
  return files.sort();
}

// The ports of `localhost:N` / `127.0.0.1:N` endpoints the examples talk to.
function endpointPorts(text) {
  return [...new Set([...text.matchAll(/\/\/(?:localhost|127\.0\.0\.1):(\d+)/g)].map((m) => Number(m[1])))];
}

const hasAwsCli = await awsCliAvailable();

// The examples set their own credentials and region, as a reader's shell would need them to.
function awsEnvironmentWithoutCredentials() {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION, ...rest } = AWS_ENV;
  return rest;
}

describe('README and docs examples', async () => {
  const files = await markdownFiles();

  it('the extractor finds blocks, joins continuations and honours skip markers', () => {
    const blocks = codeBlocks(
      'text\n```js\nconst a = 1;\n```\n<!-- example: not run (needs a GPU) -->\n```sh\nx \\\n  y # note\n```\n',
    );
    assert.deepEqual(blocks.map((b) => [b.language, b.skipReason]), [['js', null], ['sh', 'needs a GPU']]);
    assert.deepEqual(shellCommands(blocks[1].code), ['x y']);
    const js = [{ code: "import a from 'a';" }, { code: 'a();' }, { code: "import b from 'b';" }];
    assert.deepEqual(programs(js).map((group) => group.length), [2, 1]);
  });

  for (const file of files) {
    const markdown = await readFile(path.join(ROOT, file), 'utf8');
    const blocks = codeBlocks(markdown).filter((block) => block.skipReason === null);
    const js = blocks.filter((block) => ['js', 'javascript', 'mjs'].includes(block.language));
    const shell = blocks
      .filter((block) => ['sh', 'bash', 'shell'].includes(block.language))
      .flatMap((block) => shellCommands(block.code).map((command) => ({ command, line: block.line })));
    const awsCommands = shell.filter(({ command }) => /(^|\s)aws dynamodb\s/.test(command));
    const unrecognised = shell.filter(
      ({ command }) =>
        !awsCommands.some((aws) => aws.command === command) &&
        !/^node wasm\/cli\.js(\s|$)/.test(command) &&
        !/^scripts\/[\w-]+\.sh(\s|$)/.test(command),
    );
    if (js.length === 0 && shell.length === 0) continue;

    it(`${file}: every shell line is one the runner knows`, () => {
      assert.deepEqual(
        unrecognised.map(({ command, line }) => `${file}:${line}: ${command}`),
        [],
        'mark a block <!-- example: not run (reason) --> or teach this runner the command',
      );
    });

    const ports = endpointPorts([...js.map((b) => b.code), ...awsCommands.map((c) => c.command)].join('\n'));
    const withEndpoints = async (body) => {
      const servers = [];
      try {
        for (const port of ports) servers.push(await startServer({ port }));
        await body();
      } finally {
        for (const server of servers) await server.close();
      }
    };

    for (const program of programs(js)) {
      const lines = program.map((b) => b.line).join(', ');
      it(`${file}: the JavaScript at lines ${lines} runs`, async () => {
        const module = program.map((b) => `// ${file}:${b.line}\n${b.code}`).join('\n\n');
        await withEndpoints(async () => {
          try {
            await run(process.execPath, ['--input-type=module', '--eval', module], {
              cwd: ROOT,
              timeout: 60000,
            });
          } catch (error) {
            assert.fail(`${file}:${lines}: example failed (exit ${error.code}):\n${error.stderr}`);
          }
        });
      });
    }

    if (awsCommands.length > 0) {
      it(`${file}: the aws dynamodb lines run`, { skip: hasAwsCli ? false : 'the AWS CLI is not installed' }, async () => {
        await withEndpoints(async () => {
          for (const { command, line } of awsCommands) {
            try {
              await run('sh', ['-c', command], { cwd: ROOT, env: awsEnvironmentWithoutCredentials(), timeout: 60000 });
            } catch (error) {
              assert.fail(`${file}:${line}: \`${command}\` failed (exit ${error.code}):\n${error.stderr}`);
            }
          }
        });
      });
    }
  }
});
