// BucketDirectory: the simulated S3 of a node playground with a data directory, as files
// (docs/export-import.md). The engine keeps the buckets' objects with its state; this mirrors
// them to DIR/s3/<bucket>/<key> so that exports can be read with any tool, and brings files put
// there (an export from AWS, a CSV) into the engine before an ImportTable reads them.
//
//   DIR/s3/<bucket>/<prefix>/AWSDynamoDB/<ExportId>/manifest-summary.json   ... as AWS writes them
//
// Node only: index.js loads it with the data directory.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function md5Hex(bytes) {
  return crypto.createHash('md5').update(bytes).digest('hex');
}

export class BucketDirectory {
  #root;

  /** `root` is DIR/s3. */
  constructor(root) {
    this.#root = root;
  }

  get root() {
    return this.#root;
  }

  // The file of `key` in `bucket`, or null for a key that would leave the bucket's folder
  // ("../x", an absolute path): such objects stay in the engine only.
  #fileOf(bucket, key) {
    const folder = path.join(this.#root, bucket);
    const file = path.resolve(folder, key);
    return file.startsWith(path.resolve(folder) + path.sep) ? file : null;
  }

  /**
   * After a successful ExportTableToPointInTime: writes the export's objects out as files;
   * `serve(target, bodyText)` answers a request as the engine does.
   */
  afterExport(serve, responseBody) {
    const { ExportDescription: description } = JSON.parse(responseBody);
    const prefix = description.S3Prefix ? `${description.S3Prefix.replace(/\/$/, '')}/` : '';
    const bucket = description.S3Bucket;
    const listed = JSON.parse(serve('Playground.ListObjects', JSON.stringify({ Bucket: bucket, Prefix: `${prefix}AWSDynamoDB/` })).body);
    for (const { Key, ETag } of listed.Objects ?? []) {
      const file = this.#fileOf(bucket, Key);
      if (!file) continue;
      if (fs.existsSync(file) && `"${md5Hex(fs.readFileSync(file))}"` === ETag) continue;
      const { Body } = JSON.parse(serve('Playground.GetObject', JSON.stringify({ Bucket: bucket, Key })).body);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, Buffer.from(Body, 'base64'));
    }
  }

  /**
   * Before an ImportTable: puts every file under DIR/s3/<bucket>/ whose key starts with the
   * request's S3KeyPrefix into the engine (journaled, through `serve`), unless the engine holds
   * the same bytes already. Returns the refusal when a file could not be put (too large for a
   * request, say), which the import then answers with; otherwise nothing.
   */
  beforeImport(serve, requestBody) {
    let source;
    try {
      source = JSON.parse(requestBody).S3BucketSource;
    } catch {
      return null; // the engine answers the request's own error
    }
    if (typeof source?.S3Bucket !== 'string' || /[\\/]|^\.\.?$/.test(source.S3Bucket)) return null;
    const folder = path.join(this.#root, source.S3Bucket);
    if (!fs.existsSync(folder)) return null;
    const prefix = typeof source.S3KeyPrefix === 'string' ? source.S3KeyPrefix : '';
    const listed = JSON.parse(serve('Playground.ListObjects', JSON.stringify({ Bucket: source.S3Bucket, Prefix: prefix })).body);
    const held = new Map((listed.Objects ?? []).map(({ Key, ETag }) => [Key, ETag]));
    for (const file of fs.readdirSync(folder, { recursive: true })) {
      const key = file.split(path.sep).join('/');
      const full = path.join(folder, file);
      if (!key.startsWith(prefix) || !fs.statSync(full).isFile()) continue;
      const bytes = fs.readFileSync(full);
      if (held.get(key) === `"${md5Hex(bytes)}"`) continue;
      const put = serve('Playground.PutObject', JSON.stringify({ Bucket: source.S3Bucket, Key: key, Body: bytes.toString('base64') }));
      if (put.status !== 200) {
        const { message } = JSON.parse(put.body);
        return {
          status: 400,
          body: JSON.stringify({
            __type: 'com.amazonaws.dynamodb.v20120810#ValidationException',
            message: `The file ${path.join(folder, file)} could not be brought into the bucket: ${message}`,
          }),
        };
      }
    }
    return null;
  }
}
