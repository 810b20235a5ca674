// The Stream panel: the newest records of a table's DynamoDB stream, read through the Streams
// API (DescribeStream, GetShardIterator, GetRecords) as any Streams client would read them.

import { toPlainItem } from './item_json.js';

const STREAMS = 'DynamoDBStreams_20120810.';
const SHOWN = 20;

/** Every record the stream still holds, oldest first, across its shards. */
export async function readStreamRecords(db, streamArn) {
  const { StreamDescription: stream } = await db.send(`${STREAMS}DescribeStream`, { StreamArn: streamArn });
  const records = [];
  for (const shard of stream.Shards) {
    let { ShardIterator: iterator } = await db.send(`${STREAMS}GetShardIterator`, {
      StreamArn: streamArn,
      ShardId: shard.ShardId,
      ShardIteratorType: 'TRIM_HORIZON',
    });
    while (iterator) {
      const page = await db.send(`${STREAMS}GetRecords`, { ShardIterator: iterator });
      records.push(...page.Records);
      if (page.Records.length === 0) break; // caught up with an open shard
      iterator = page.NextShardIterator;
    }
  }
  return records;
}

function keyText(keys) {
  return Object.entries(keys)
    .map(([name, value]) => `${name}=${Object.values(value)[0]}`)
    .join(', ');
}

function recordRow(record) {
  const row = document.createElement('li');
  row.dataset.testid = 'stream-record';
  row.className = `stream-record ${record.eventName.toLowerCase()}`;
  const name = document.createElement('strong');
  name.textContent = record.eventName;
  const keys = document.createElement('span');
  keys.className = 'stream-keys';
  keys.textContent = keyText(record.dynamodb.Keys);
  const meta = document.createElement('span');
  meta.className = 'stream-meta';
  const at = new Date(record.dynamodb.ApproximateCreationDateTime * 1000).toISOString();
  meta.textContent = `#${record.dynamodb.SequenceNumber.replace(/^10*/, '')} · ${at} · ${record.dynamodb.SizeBytes} B` +
    (record.userIdentity ? ' · by Time to Live' : '');
  row.append(name, ' ', keys, ' ', meta);
  // The images the stream's view type carries (NEW_IMAGE, OLD_IMAGE or both), in plain JSON.
  for (const [label, image] of [['new', record.dynamodb.NewImage], ['old', record.dynamodb.OldImage]]) {
    if (!image) continue;
    const line = document.createElement('code');
    line.className = 'stream-image';
    line.dataset.testid = `stream-${label}-image`;
    line.textContent = `${label}: ${JSON.stringify(toPlainItem(image).item)}`;
    row.append(line);
  }
  return row;
}

/** Returns `{ refresh(db, tableName) }`; a table without a stream says so. */
export function mountStreamPanel({ caption, list }) {
  function clear(text) {
    caption.textContent = text;
    list.replaceChildren();
  }

  async function refresh(db, tableName) {
    if (!tableName) return clear('No table yet: a table with a stream shows its newest records here.');
    let table;
    try {
      ({ Table: table } = await db.send('DescribeTable', { TableName: tableName }));
    } catch {
      return clear(`${tableName} is gone, and its stream with it.`);
    }
    if (!table.StreamSpecification) {
      caption.textContent = `${tableName} has no stream. Add StreamSpecification with CreateTable or UpdateTable.`;
      list.replaceChildren();
      return;
    }
    const records = await readStreamRecords(db, table.LatestStreamArn);
    caption.textContent = `${tableName}: ${records.length} record${records.length === 1 ? '' : 's'} ` +
      `(${table.StreamSpecification.StreamViewType}), newest first`;
    list.replaceChildren(...records.slice(-SHOWN).reverse().map(recordRow));
  }
  return { refresh };
}
