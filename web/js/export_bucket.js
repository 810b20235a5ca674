// The page's bucket in the playground's simulated S3: where the Recovery panel and the archive
// scenario export tables to, and how its files are read back for a download.

export const EXPORT_BUCKET = 'playground-exports';
// Where files the user uploads go, for ImportTable to read.
export const UPLOAD_BUCKET = 'playground-uploads';

/** Every object of `bucket` as `{ path: '<bucket>/<key>', bytes }`, in key order. */
export async function bucketFiles(db, bucket) {
  const { Objects } = await db.send('Playground.ListObjects', { Bucket: bucket });
  const files = [];
  for (const { Key } of Objects) {
    const { Body } = await db.send('Playground.GetObject', { Bucket: bucket, Key });
    files.push({ path: `${bucket}/${Key}`, bytes: Uint8Array.from(atob(Body), (c) => c.charCodeAt(0)) });
  }
  return files;
}

/** Puts each File of `files` into `bucket` under its own name; resolves to the keys. */
export async function uploadFiles(db, bucket, files) {
  const keys = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
    await db.send('Playground.PutObject', { Bucket: bucket, Key: file.name, Body: btoa(binary) });
    keys.push(file.name);
  }
  return keys;
}

/**
 * An ImportTable request for uploaded `keys`: the format and compression from the first key's
 * extension (.csv, .ion, .json, each maybe .gz), the prefix they share, and a new table named
 * after the first with `keySchema` and `attributeDefinitions` (the current table's).
 */
export function importRequestFor(keys, { keySchema, attributeDefinitions }) {
  const [first] = keys;
  let prefix = first;
  for (const key of keys) while (!key.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const plain = first.replace(/\.gz$/i, '');
  const format = /\.csv$/i.test(plain) ? 'CSV' : /\.ion$/i.test(plain) ? 'ION' : 'DYNAMODB_JSON';
  const tableName = (plain.replace(/\.[^.]*$/, '').replace(/[^a-zA-Z0-9_.-]/g, '_') || 'Imported').padEnd(3, '_').slice(0, 255);
  return {
    S3BucketSource: { S3Bucket: UPLOAD_BUCKET, S3KeyPrefix: prefix },
    InputFormat: format,
    InputCompressionType: /\.gz$/i.test(first) ? 'GZIP' : 'NONE',
    TableCreationParameters: {
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: attributeDefinitions,
      KeySchema: keySchema,
    },
  };
}
