// The page's side of the simulated S3 (web/js/export_bucket.js) against a real engine: uploaded
// files come back byte for byte, and the ImportTable request made for them names the format,
// compression, prefix and table their names imply.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { createDynamoDB } from '../../wasm/index.js';
import { UPLOAD_BUCKET, bucketFiles, importRequestFor, uploadFiles } from '../../web/js/export_bucket.js';

const KEY = { keySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], attributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] };

describe('export_bucket', () => {
  test('uploads files and reads them back unchanged', async () => {
    const db = await createDynamoDB();
    try {
      const binary = Uint8Array.from({ length: 70000 }, (_, i) => (i * 13) % 256);
      await uploadFiles(db, UPLOAD_BUCKET, [new File([binary], 'blob.bin'), new File(['id\nx\n'], 'a.csv')]);
      const files = await bucketFiles(db, UPLOAD_BUCKET);
      assert.deepEqual(files.map((file) => file.path), [`${UPLOAD_BUCKET}/a.csv`, `${UPLOAD_BUCKET}/blob.bin`]);
      assert.deepEqual(files[1].bytes, binary);
    } finally {
      await db.close();
    }
  });

  test('the import request follows the file names', () => {
    const csv = importRequestFor(['people.csv'], KEY);
    assert.deepEqual(csv.S3BucketSource, { S3Bucket: UPLOAD_BUCKET, S3KeyPrefix: 'people.csv' });
    assert.equal(csv.InputFormat, 'CSV');
    assert.equal(csv.InputCompressionType, 'NONE');
    assert.equal(csv.TableCreationParameters.TableName, 'people');
    assert.deepEqual(csv.TableCreationParameters.KeySchema, KEY.keySchema);
    const parts = importRequestFor(['part-1.ion.gz', 'part-2.ion.gz'], KEY);
    assert.equal(parts.S3BucketSource.S3KeyPrefix, 'part-');
    assert.equal(parts.InputFormat, 'ION');
    assert.equal(parts.InputCompressionType, 'GZIP');
    assert.equal(importRequestFor(['x y.json'], KEY).TableCreationParameters.TableName, 'x_y');
    assert.equal(importRequestFor(['a.json.gz'], KEY).InputFormat, 'DYNAMODB_JSON');
  });
});
