// The page's bucket in the playground's simulated S3: where the Recovery panel and the archive
// scenario export tables to, and how its files are read back for a download.

export const EXPORT_BUCKET = 'playground-exports';

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
