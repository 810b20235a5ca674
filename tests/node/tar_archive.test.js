// The page's export download: archives that Debian's own tar lists and unpacks byte for byte,
// long S3 keys included, and paths tar cannot hold refused.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

import { tarArchive } from '../../web/js/tar_archive.js';

describe('tarArchive', () => {
  test('unpacks with tar into the same files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ddbpg-tar-'));
    try {
      const longKey = `exports/${'nightly/'.repeat(12)}AWSDynamoDB/01767225600000-ba2762dc/data/evwyq5akqmhcvujqf66utxpf7a.json.gz`;
      const files = [
        { path: 'exports/AWSDynamoDB/01767225600000-ba2762dc/_started', bytes: new Uint8Array(0) },
        { path: 'exports/a.json', bytes: new TextEncoder().encode('{"Item":{}}\n') },
        { path: longKey, bytes: Uint8Array.from({ length: 1300 }, (_, i) => (i * 7) % 256) },
      ];
      const archive = path.join(dir, 'bucket.tar');
      writeFileSync(archive, tarArchive(files, 1767225600));
      const listed = execFileSync('tar', ['-tf', archive], { encoding: 'utf8' }).trim().split('\n');
      assert.deepEqual(listed, files.map((file) => file.path));
      execFileSync('tar', ['-xf', archive, '-C', dir]);
      for (const file of files) {
        assert.deepEqual(new Uint8Array(readFileSync(path.join(dir, file.path))), file.bytes, file.path);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses a path longer than ustar can hold', () => {
    assert.throws(() => tarArchive([{ path: 'x'.repeat(300), bytes: new Uint8Array(1) }]), /too long/);
  });
});
