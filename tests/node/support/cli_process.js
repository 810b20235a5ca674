// Running `node wasm/cli.js` as a child process, as a user does, and talking to its endpoint.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Starts the CLI with `args` (plus --port 0) and resolves once it prints its endpoint, with
 * everything it printed so far. stderr is collected in `child.stderrText`.
 */
export async function startCli(args) {
  const child = spawn(process.execPath, ['wasm/cli.js', '--port', '0', ...args], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderrText = '';
  child.stderr.on('data', (chunk) => {
    child.stderrText += chunk;
  });
  let banner = '';
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`cli.js exited with ${code} before it listened: ${child.stderrText}`);
  });
  while (!/DynamoDB endpoint: +http:\/\/localhost:\d+/.test(banner)) {
    const [chunk] = await Promise.race([once(child.stdout, 'data'), exited]);
    banner += chunk;
  }
  exited.catch(() => {});
  const endpoint = banner.match(/DynamoDB endpoint: +(http:\/\/localhost:\d+)/)[1];
  return { child, endpoint, banner };
}

/** Sends one request in DynamoDB's JSON protocol; resolves to { status, body (parsed) }. */
export async function callEndpoint(endpoint, target, body) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': target },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
