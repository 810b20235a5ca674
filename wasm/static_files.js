// Serves the repository's files (the playground page in web/, the engine in wasm/) over HTTP, so
// `node wasm/cli.js` gives a working page without a separate web server.
//
// Only files under the root are reachable: `..` segments are refused, hidden names (.git,
// .gitignore) are treated as absent, and symbolic links must resolve inside the root too.

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

// Where `/` sends the browser: the page lives in web/, next to the wasm/ it imports.
const PAGE_PATH = '/web/';

// The types the page needs. `application/wasm` matters most: WebAssembly.instantiateStreaming
// refuses any other type.
const CONTENT_TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.wasm', 'application/wasm'],
  ['.json', 'application/json; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.png', 'image/png'],
  ['.svg', 'image/svg+xml'],
  ['.ico', 'image/x-icon'],
  ['.txt', 'text/plain; charset=utf-8'],
]);

/**
 * Returns the Content-Type for a file name by its extension (case-insensitive);
 * `application/octet-stream` for extensions not in the table.
 * @param {string} fileName
 * @returns {string}
 */
export function contentTypeFor(fileName) {
  return CONTENT_TYPES.get(path.extname(fileName).toLowerCase()) ?? 'application/octet-stream';
}

/**
 * Maps a request target (`/web/index.html?x=1`) to a path under `root` without touching the disk.
 * Returns `{ filePath }`, or `{ status }` when the request must be refused: 400 for a path that
 * is not valid percent-encoding or holds a NUL, 403 for a `..` segment, 404 for a hidden name.
 * @param {string} root absolute directory the files are served from
 * @param {string} requestTarget the raw request URL (path and optional query)
 * @returns {{ filePath: string } | { status: number }}
 */
export function resolveStaticPath(root, requestTarget) {
  const rawPath = requestTarget.split(/[?#]/, 1)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0')) return { status: 400 };
  // Split on both separators: on Windows a backslash would otherwise smuggle in a `..`.
  const segments = decoded.split(/[\\/]/).filter((segment) => segment !== '');
  if (segments.includes('..')) return { status: 403 };
  if (segments.some((segment) => segment.startsWith('.'))) return { status: 404 };
  return { filePath: path.join(root, ...segments) };
}

/**
 * Answers a GET or HEAD request from the files under `root`. Headers already set on `res` (CORS,
 * request id) are kept. `/` redirects (302) to the page in /web/; a directory redirects to its
 * name with a trailing `/`, then serves its index.html. Answers 404 for a missing file, and
 * 400/403 as resolveStaticPath() says. Never rejects: read errors end the response.
 * @param {string} root absolute directory to serve
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @returns {Promise<void>}
 */
export async function serveStaticFile(root, req, res) {
  const target = req.url ?? '/';
  const [rawPath, query] = splitQuery(target);
  if (rawPath === '/') return redirect(res, PAGE_PATH + query);

  const resolved = resolveStaticPath(root, target);
  if (resolved.status) return sendText(res, resolved.status, req.method);

  const file = await findServableFile(root, resolved.filePath);
  if (file === null) return sendText(res, 404, req.method);
  // Relative links inside index.html only resolve against a URL that ends in `/`.
  // Collapse leading slashes (browsers read `\` as `/`) so `//host` can never become a redirect
  // to another site.
  if (file.isDirectory && !rawPath.endsWith('/')) {
    return redirect(res, '/' + rawPath.replace(/^[\\/]+/, '') + '/' + query);
  }

  res.writeHead(200, {
    'Content-Type': contentTypeFor(file.path),
    'Content-Length': file.size,
    // The page and the engine change on every rebuild; make the browser check each time.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  try {
    await pipeline(createReadStream(file.path), res);
  } catch {
    // The client went away or the file vanished mid-read; the response is already broken off.
    res.destroy();
  }
}

// Returns {path, size, isDirectory} for a regular file (or a directory's index.html) that
// really lives under root after following symbolic links; null for anything else.
async function findServableFile(root, filePath) {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(filePath)]);
    if (realFile !== realRoot && !realFile.startsWith(realRoot + path.sep)) return null;
    let info = await stat(realFile);
    let servedPath = realFile;
    const isDirectory = info.isDirectory();
    if (isDirectory) {
      servedPath = path.join(realFile, 'index.html');
      info = await stat(servedPath);
    }
    if (!info.isFile()) return null;
    return { path: servedPath, size: info.size, isDirectory };
  } catch {
    return null;
  }
}

function splitQuery(target) {
  const at = target.search(/[?#]/);
  return at === -1 ? [target, ''] : [target.slice(0, at), target.slice(at)];
}

function redirect(res, location) {
  res.writeHead(302, { Location: location, 'Content-Length': 0 });
  res.end();
}

const STATUS_TEXT = { 400: 'Bad Request\n', 403: 'Forbidden\n', 404: 'Not Found\n' };

function sendText(res, status, method) {
  const body = STATUS_TEXT[status];
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(method === 'HEAD' ? undefined : body);
}
