// The HTTP ceiling: a node server answering `{}` to every request without reading it (the body is
// drained, never parsed). No node-based DynamoDB endpoint can answer faster on this machine with
// the same client, so the playground's PutItem and GetItem figures are compared with it.
//
//   node tests/bench/ceiling_server.js [--port 0] [--host 127.0.0.1]   (prints its URL once listening)

import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const BODY = Buffer.from('{}');
const HEADERS = { 'Content-Type': 'application/x-amz-json-1.0', 'Content-Length': BODY.length };

/** Resolves with the listening server and its URL. */
export function startCeilingServer({ port = 0, host = '127.0.0.1' } = {}) {
  const server = http.createServer((request, response) => {
    request.on('end', () => response.writeHead(200, HEADERS).end(BODY));
    request.resume();
  });
  // Keep connections open between a load generator's bursts, as the endpoints it is compared with do.
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, url: `http://${host}:${server.address().port}` }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, host: { type: 'string', default: '127.0.0.1' } } });
  const { server, url } = await startCeilingServer({ port: Number(values.port), host: values.host });
  process.stdout.write(`${url}\n`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      server.closeAllConnections();
      server.close(() => process.exit(0));
    });
  }
}
