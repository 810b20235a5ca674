// A POSIX ustar archive of files, built in memory: how the page hands over the simulated S3's
// objects (an export's manifests and data files) as one download that `tar -xf` unpacks into the
// bucket's folders.

const BLOCK = 512;
const encoder = new TextEncoder();

function writeText(header, offset, length, text) {
  const bytes = encoder.encode(text);
  if (bytes.length > length) throw new Error(`"${text}" does not fit a tar header field of ${length} bytes`);
  header.set(bytes, offset);
}

// An octal number in a field of `length` bytes: digits, then a NUL.
function writeOctal(header, offset, length, value) {
  writeText(header, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

// ustar keeps a path of up to 255 bytes as a prefix (at most 155) and a name (at most 100),
// split at a slash.
function splitPath(path) {
  if (encoder.encode(path).length <= 100) return { prefix: '', name: path };
  for (let cut = path.indexOf('/'); cut !== -1; cut = path.indexOf('/', cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(name).length <= 100) return { prefix, name };
  }
  throw new Error(`${path} is too long for a tar archive`);
}

function header(path, size, mtimeSeconds) {
  const block = new Uint8Array(BLOCK);
  const { prefix, name } = splitPath(path);
  writeText(block, 0, 100, name);
  writeOctal(block, 100, 8, 0o644);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, size);
  writeOctal(block, 136, 12, Math.max(0, Math.floor(mtimeSeconds)));
  block.fill(0x20, 148, 156); // the checksum counts its own field as spaces
  block[156] = 0x30; // '0': a regular file
  writeText(block, 257, 6, 'ustar\0');
  writeText(block, 263, 2, '00');
  writeText(block, 345, 155, prefix);
  const checksum = block.reduce((sum, byte) => sum + byte, 0);
  writeText(block, 148, 8, `${checksum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

/**
 * The archive of `files` ([{ path, bytes: Uint8Array }], in order), each dated `mtimeSeconds`,
 * as a Uint8Array.
 */
export function tarArchive(files, mtimeSeconds = 0) {
  const parts = [];
  let length = 0;
  for (const { path, bytes } of files) {
    const padded = Math.ceil(bytes.length / BLOCK) * BLOCK;
    parts.push(header(path, bytes.length, mtimeSeconds), bytes, new Uint8Array(padded - bytes.length));
    length += BLOCK + padded;
  }
  parts.push(new Uint8Array(2 * BLOCK)); // the end: two empty blocks
  length += 2 * BLOCK;
  const archive = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    archive.set(part, at);
    at += part.length;
  }
  return archive;
}
