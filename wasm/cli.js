#!/usr/bin/env node
// `dynamodb-playground`: runs the DynamoDB endpoint and the playground page on one local port.
//
//   node wasm/cli.js [--port N] [--host H] [--no-page] [--no-throttling] [--data-dir DIR]
//                    [--credentials FILE]
//
// Without --data-dir everything lives in memory and stopping the process drops all tables; with
// it the playground is restored from DIR and every change is on disk before it is answered.
// Without --credentials any credentials work; with it requests must be signed (SigV4) with a key
// the file lists.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { readCredentialsFile, startServer } from './http_server.js';

const USAGE = `Usage: dynamodb-playground [--port N] [--host H] [--no-page] [--no-throttling]
                           [--data-dir DIR] [--import FILE] [--credentials FILE]

Runs a DynamoDB endpoint and the DynamoDB Playground page.

Options:
  --port N     TCP port to listen on (default 8000; 0 picks a free port)
  --host H     interface to bind (default 127.0.0.1; 0.0.0.0 exposes it to your network)
  --no-page    serve only the DynamoDB API; GET / answers DynamoDB's health check
  --no-throttling
               never refuse a request for capacity (for test suites); metrics still
               count what would have been throttled
  --data-dir DIR
               keep the playground in DIR (created if needed): restored on start, every
               change written and fsynced before it is answered; one process per DIR.
               Without it everything lives in memory and is gone when the process ends
  --compact-after BYTES
               with --data-dir: fold the journal into a new snapshot once it is larger
               than BYTES and than the last snapshot (default 16777216, 16 MiB)
  --import FILE
               start from a playground exported to FILE (db.exportSnapshot(), the page's
               Download); with --data-dir, DIR must be new
  --credentials FILE
               check every request's SigV4 signature against the access keys in FILE:
               ACCESS_KEY_ID:SECRET_ACCESS_KEY lines, or an AWS CLI credentials file.
               Unknown keys, wrong secrets and dates more than 15 minutes off are refused
               with DynamoDB's errors
  -h, --help   show this help

Without --credentials any credentials are accepted and signatures are not checked. Example:
  AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x \\
    aws dynamodb list-tables --endpoint-url http://localhost:8000 --region us-east-1
`;

// The page is web/index.html and imports ../wasm/, so the whole repository is the web root.
const REPOSITORY_ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function parseCommandLine(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8000' },
      host: { type: 'string', default: '127.0.0.1' },
      'no-page': { type: 'boolean', default: false },
      'no-throttling': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      import: { type: 'string' },
      'compact-after': { type: 'string' },
      credentials: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not '${values.port}'`);
  }
  const compactAfter = values['compact-after'];
  if (compactAfter !== undefined && !/^\d+$/.test(compactAfter)) {
    throw new Error(`--compact-after must be a number of bytes, not '${compactAfter}'`);
  }
  return {
    port,
    host: values.host,
    page: !values['no-page'],
    throttling: !values['no-throttling'],
    dataDir: values['data-dir'],
    importFile: values.import,
    compactAfterBytes: compactAfter === undefined ? undefined : Number(compactAfter),
    credentialsFile: values.credentials,
    help: values.help,
  };
}

// The address people type: `localhost` for the loopback and wildcard binds, else the host given.
function displayHost(host) {
  if (['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

async function main() {
  let options;
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`dynamodb-playground: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  let server;
  let credentials;
  try {
    const snapshot = options.importFile === undefined ? undefined : await readFile(options.importFile);
    credentials =
      options.credentialsFile === undefined ? undefined : await readCredentialsFile(options.credentialsFile);
    server = await startServer({
      port: options.port,
      host: options.host,
      staticRoot: options.page ? REPOSITORY_ROOT : undefined,
      throttling: options.throttling,
      dataDir: options.dataDir,
      snapshot,
      compactAfterBytes: options.compactAfterBytes,
      credentials,
    });
  } catch (error) {
    const reason =
      error.code === 'EADDRINUSE' ? `port ${options.port} is already in use (try --port N)`
      : error.code === 'EADDRNOTAVAIL' ? `cannot bind to host ${options.host}`
      : error.message;
    process.stderr.write(`dynamodb-playground: ${reason}\n`);
    return 1;
  }

  if (options.importFile !== undefined) {
    process.stdout.write(`Imported:            ${options.importFile}\n`);
  }
  const restored = server.db.restored;
  if (restored) {
    process.stdout.write(
      `Data directory:      ${restored.path}  (${restored.records} changes restored in ${restored.milliseconds} ms)\n`,
    );
    if (restored.damage) {
      process.stderr.write(
        `dynamodb-playground: the journal's end could not be read (${restored.damage}); ` +
          `everything before it was restored, and the unread bytes were kept in ${restored.damagedCopy}\n`,
      );
    }
  }
  if (credentials !== undefined) {
    const keys = credentials.length === 1 ? '1 access key' : `${credentials.length} access keys`;
    process.stdout.write(`Signatures:          checked (${keys} from ${options.credentialsFile})\n`);
  }
  const endpoint = `http://${displayHost(options.host)}:${server.port}`;
  if (options.page) process.stdout.write(`DynamoDB Playground: ${endpoint}/web/\n`);
  process.stdout.write(
    `DynamoDB endpoint:   ${endpoint}  (aws dynamodb --endpoint-url ${endpoint} ...)\n`,
  );

  const stop = () => {
    // A second Ctrl-C while closing means "now".
    process.once('SIGINT', () => process.exit(130));
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return undefined; // keep running until a signal
}

const exitCode = await main();
if (exitCode !== undefined) process.exitCode = exitCode;
