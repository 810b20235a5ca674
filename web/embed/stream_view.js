// An embed's view of a table's DynamoDB stream (the `stream` attribute): the records read
// through the Streams API, as any Streams client (and the page's Stream panel) reads them, shown
// oldest first with their keys and images in plain JSON. Item values are the reader's data and
// are written as text only, never as markup.

import { counted } from '../js/counted.js';
import { toPlainItem } from '../js/item_json.js';
import { readStreamRecords } from '../js/stream_panel.js';

// An embed is a small box in a page of prose: the newest few records tell the story.
const SHOWN = 10;

const plainJson = (image) => JSON.stringify(toPlainItem(image).item);

function line(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

function recordItem(record) {
  const item = document.createElement('li');
  item.dataset.eventName = record.eventName;
  item.className = record.eventName.toLowerCase();
  const name = document.createElement('strong');
  name.textContent = record.eventName;
  item.append(name, ' ', line('keys', plainJson(record.dynamodb.Keys)));
  // Old before new: a MODIFY then reads as the change it was.
  if (record.dynamodb.OldImage) item.append(line('image old', `old: ${plainJson(record.dynamodb.OldImage)}`));
  if (record.dynamodb.NewImage) item.append(line('image new', `new: ${plainJson(record.dynamodb.NewImage)}`));
  // Set on deletions by Time to Live, the service's own writes.
  if (record.userIdentity) {
    const { Type, PrincipalId } = record.userIdentity;
    item.append(line('identity', `userIdentity: ${Type} ${PrincipalId} (deleted by Time to Live)`));
  }
  return item;
}

/** Returns `{ element, refresh(db, tableName) }`: the view and what redraws it from the stream. */
export function createStreamView() {
  const element = document.createElement('section');
  element.className = 'stream';
  element.setAttribute('part', 'stream');
  const caption = document.createElement('p');
  caption.className = 'stream-caption';
  const earlier = document.createElement('p');
  earlier.className = 'stream-earlier';
  earlier.hidden = true;
  const list = document.createElement('ol');
  list.setAttribute('aria-label', 'Stream records, oldest first');
  element.append(caption, earlier, list);

  function show(text, records = []) {
    caption.textContent = text;
    const hidden = Math.max(0, records.length - SHOWN);
    earlier.hidden = hidden === 0;
    earlier.textContent = `${counted(hidden, 'earlier record')} not shown.`;
    list.replaceChildren(...records.slice(hidden).map(recordItem));
  }

  async function refresh(db, tableName) {
    if (!tableName) return show('No table named: the stream shows once the request names one.');
    let table;
    try {
      ({ Table: table } = await db.send('DescribeTable', { TableName: tableName }));
    } catch {
      return show(`${tableName} does not exist (yet), so it has no stream to read.`);
    }
    if (!table.StreamSpecification?.StreamEnabled) {
      return show(`${tableName} has no stream: CreateTable or UpdateTable adds one with StreamSpecification.`);
    }
    try {
      const records = await readStreamRecords(db, table.LatestStreamArn);
      const heading = `Stream of ${tableName} (${table.StreamSpecification.StreamViewType}), read with GetRecords`;
      show(records.length ? `${heading}: ${counted(records.length, 'record')}, oldest first.` : `${heading}: no records.`, records);
    } catch (error) {
      show(`The stream of ${tableName} could not be read: ${error.name}: ${error.message}`);
    }
  }

  return { element, refresh };
}
