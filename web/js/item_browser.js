// The item browser: the current table's items in a grid, a page (PAGE_SIZE items) at a time
// through LastEvaluatedKey, a Query form over its key, and a form to create, edit or delete an
// item in plain JSON or DynamoDB JSON. Every action is a real request sent through `send`, so
// it lands in History and can be reopened in the console like any other.

import { drawItemGrid } from './item_grid.js';
import { toDynamoItem, toPlainItem } from './item_json.js';
import { FILTER_CONDITIONS, FILTER_TYPES, SORT_CONDITIONS, buildQuery } from './item_query.js';

const PAGE_SIZE = 25;

function formatCapacity(consumed) {
  const units = consumed?.CapacityUnits;
  return units === undefined ? '' : `, ${units} capacity unit${units === 1 ? '' : 's'}`;
}

/**
 * `elements` are the panel's controls (see index.html, #table-panel). `send(operation, input)`
 * runs a request the way the console does and resolves to its result ({ ok, output, message });
 * `showInEditor(operation, input)` loads a request into the console.
 * Returns `{ show(db, tableName, { list }) }`: show makes `tableName` the browsed table (reading
 * its key schema) and, with `list: true`, scans its first page.
 */
export function mountItemBrowser(elements, { send, showInEditor }) {
  let db = null;
  let table = null; // { name, keys: { partition, sort? } }
  let listing = null; // { operation, input, page, startKeys: [] } of what the grid shows
  let editing = null; // the item being edited, or null for a new one
  // The table the item editor writes to: the one it was opened on, even if another table has
  // become current since (an unsaved item is never thrown away by a switch).
  let editorTable = null;
  let pendingNote = ''; // said after the next listing (which rewrites the status line)

  for (const operator of ['any', ...SORT_CONDITIONS]) elements.sortOperator.add(new Option(operator === 'any' ? 'any' : operator, operator));
  for (const operator of ['', ...FILTER_CONDITIONS]) elements.filterOperator.add(new Option(operator || 'no filter', operator));
  for (const [type, label] of FILTER_TYPES) elements.filterType.add(new Option(label, type));

  function status(text) {
    elements.status.textContent = text;
  }

  function keyOf(item, of = table) {
    const key = { [of.keys.partition.name]: item[of.keys.partition.name] };
    if (of.keys.sort) key[of.keys.sort.name] = item[of.keys.sort.name];
    return key;
  }

  function keyText(item, of = table) {
    return Object.values(keyOf(item, of)).map((value) => Object.values(value ?? {})[0]).join(' / ');
  }

  function setEnabled(enabled) {
    for (const control of [elements.scan, elements.create, elements.runQuery, elements.queryToEditor]) control.disabled = !enabled;
  }

  async function readKeys(name) {
    const { Table: description } = await db.send('DescribeTable', { TableName: name });
    const typeOf = (attribute) => description.AttributeDefinitions.find((d) => d.AttributeName === attribute)?.AttributeType ?? 'S';
    const keys = {};
    for (const element of description.KeySchema) {
      const key = { name: element.AttributeName, type: typeOf(element.AttributeName) };
      if (element.KeyType === 'HASH') keys.partition = key;
      else keys.sort = key;
    }
    return keys;
  }

  function showKeyFields() {
    elements.partitionLabel.textContent = `${table.keys.partition.name} (${table.keys.partition.type}) =`;
    elements.sortGroup.hidden = !table.keys.sort;
    if (table.keys.sort) elements.sortLabel.textContent = `${table.keys.sort.name} (${table.keys.sort.type})`;
  }

  async function runListing() {
    const input = { ...listing.input };
    const startKey = listing.startKeys[listing.page];
    if (startKey) input.ExclusiveStartKey = startKey;
    const result = await send(listing.operation, input);
    if (!result.ok) {
      status(`${listing.operation} failed: ${result.errorName}: ${result.message}`);
      return;
    }
    const { Items: items = [], Count, ScannedCount, LastEvaluatedKey, ConsumedCapacity } = result.output;
    drawItemGrid(elements.grid, items, [table.keys.partition.name, table.keys.sort?.name].filter(Boolean), {
      onEdit: openEditor,
      onDelete: deleteItem,
      keyText,
    });
    listing.startKeys[listing.page + 1] = LastEvaluatedKey;
    elements.next.disabled = !LastEvaluatedKey;
    elements.previous.disabled = listing.page === 0;
    status(`${listing.operation} page ${listing.page + 1}: ${Count} item${Count === 1 ? '' : 's'} ` +
      `(${ScannedCount} read${formatCapacity(ConsumedCapacity)})` +
      (LastEvaluatedKey ? '; more on the next page' : '') + pendingNote);
    pendingNote = '';
    listing.stale = false;
  }

  async function list(operation, input) {
    listing = { operation, input: { ...input, Limit: PAGE_SIZE, ReturnConsumedCapacity: 'TOTAL' }, page: 0, startKeys: [] };
    await runListing();
  }

  function queryForm() {
    return {
      partitionValue: elements.partitionValue.value,
      sortOperator: elements.sortOperator.value,
      sortValue: elements.sortValue.value,
      sortValue2: elements.sortValue2.value,
      filterName: elements.filterName.value.trim(),
      filterOperator: elements.filterOperator.value,
      filterValue: elements.filterValue.value,
      filterType: elements.filterType.value,
    };
  }

  function openEditor(item) {
    editing = item ?? null;
    editorTable = table;
    elements.editor.hidden = false;
    elements.editorTitle.textContent = item ? `Edit item ${keyText(item)} of ${table.name}` : `New item in ${table.name}`;
    const template = item ?? keyTemplate();
    writeEditor(template);
    openedWith = elements.editorText.value;
    elements.editorText.focus();
  }

  // A new item starts with its key attributes, typed as the table defines them.
  function keyTemplate() {
    const item = {};
    for (const key of [editorTable.keys.partition, editorTable.keys.sort].filter(Boolean)) {
      item[key.name] = { [key.type]: key.type === 'N' ? '0' : '' };
    }
    return item;
  }

  // Whether the item editor holds more than what it was opened with.
  let openedWith = '';
  function isDirty() {
    return !elements.editor.hidden && elements.editorText.value !== openedWith;
  }

  function plainMode() {
    return elements.formatPlain.checked;
  }

  function writeEditor(dynamoItem) {
    if (plainMode()) {
      const { item, losses } = toPlainItem(dynamoItem);
      elements.editorText.value = JSON.stringify(item, null, 2);
      elements.editorNote.textContent = losses.length ? `Plain JSON loses detail: ${losses.join('; ')}. Use DynamoDB JSON to keep it.` : '';
    } else {
      elements.editorText.value = JSON.stringify(dynamoItem, null, 2);
      elements.editorNote.textContent = '';
    }
  }

  // The editor's item as DynamoDB JSON, read in the format the editor is in.
  function readEditor(plain = plainMode()) {
    const parsed = JSON.parse(elements.editorText.value);
    return plain ? toDynamoItem(parsed) : parsed;
  }

  function switchFormat() {
    try {
      writeEditor(readEditor(!plainMode()));
    } catch (error) {
      // Keep the text as typed and go back: switching must never lose an edit.
      elements.formatPlain.checked = !elements.formatPlain.checked;
      elements.formatDynamo.checked = !elements.formatPlain.checked;
      elements.editorNote.textContent = `Fix the item first: ${error.message}`;
    }
  }

  async function saveItem() {
    let item;
    try {
      item = readEditor();
    } catch (error) {
      elements.editorNote.textContent = `Not an item yet: ${error.message}`;
      return;
    }
    const target = editorTable;
    const result = await send('PutItem', { TableName: target.name, Item: item, ReturnConsumedCapacity: 'TOTAL' });
    if (!result.ok) {
      elements.editorNote.textContent = `${result.errorName}: ${result.message}`;
      return;
    }
    // A changed key makes a new item, as in the AWS console: the old one stays until deleted.
    if (editing && JSON.stringify(keyOf(editing, target)) !== JSON.stringify(keyOf(item, target))) {
      pendingNote = '. The key changed, so PutItem wrote a new item; the old one is still there.';
    }
    closeEditor();
    if (listing && target.name === table?.name) await runListing();
  }

  async function deleteItem(item) {
    // As in the AWS console: a delete is asked for once more, since nothing brings it back.
    if (!confirm(`Delete item ${keyText(item)} from ${table.name}?`)) return;
    const result = await send('DeleteItem', { TableName: table.name, Key: keyOf(item), ReturnConsumedCapacity: 'TOTAL' });
    if (!result.ok) {
      status(`DeleteItem failed: ${result.errorName}: ${result.message}`);
      return;
    }
    if (listing) await runListing();
    elements.status.focus();
  }

  function closeEditor() {
    const hadFocus = elements.editor.contains(document.activeElement);
    editing = null;
    editorTable = null;
    elements.editor.hidden = true;
    elements.editorNote.textContent = '';
    // Focus goes back where the editor was opened from, never to the page's top.
    if (hadFocus) elements.create.focus();
  }

  elements.scan.addEventListener('click', () => list('Scan', { TableName: table.name }));
  elements.create.addEventListener('click', () => openEditor(null));
  elements.next.addEventListener('click', () => {
    listing.page++;
    runListing();
  });
  elements.previous.addEventListener('click', () => {
    listing.page = Math.max(0, listing.page - 1);
    runListing();
  });
  elements.sortOperator.addEventListener('change', () => {
    elements.sortValue2.hidden = elements.sortOperator.value !== 'between';
  });
  elements.queryForm.addEventListener('submit', (event) => {
    event.preventDefault();
    list('Query', buildQuery(table.name, table.keys, queryForm()));
  });
  elements.queryToEditor.addEventListener('click', () =>
    showInEditor('Query', buildQuery(table.name, table.keys, queryForm(), { ReturnConsumedCapacity: 'TOTAL' })),
  );
  elements.formatPlain.addEventListener('change', switchFormat);
  elements.formatDynamo.addEventListener('change', switchFormat);
  elements.editor.addEventListener('submit', (event) => {
    event.preventDefault();
    saveItem();
  });
  elements.cancel.addEventListener('click', closeEditor);

  async function show(readyDb, tableName, { list: listItems = false } = {}) {
    db = readyDb;
    if (!tableName) {
      table = null;
      listing = null;
      setEnabled(false);
      elements.grid.tHead.replaceChildren();
      elements.grid.tBodies[0].replaceChildren();
      status('No table yet.');
      return;
    }
    if (table?.name === tableName && listing && !listItems) {
      // Another request may have changed the table since this page was listed.
      if (!listing.stale) {
        listing.stale = true;
        status(`${elements.status.textContent} Requests since may have changed ${tableName}: list it again to see.`);
      }
    }
    if (table?.name !== tableName) {
      try {
        table = { name: tableName, keys: await readKeys(tableName) };
      } catch (error) {
        status(`Could not read ${tableName}: ${error.message}`);
        return;
      }
      listing = null;
      // An open item editor stays, bound to its own table (its title names it).
      if (editorTable === null || !isDirty()) closeEditor();
      showKeyFields();
      setEnabled(true);
      elements.grid.tHead.replaceChildren();
      elements.grid.tBodies[0].replaceChildren();
      elements.next.disabled = true;
      elements.previous.disabled = true;
      status(`Press Scan to list ${tableName}'s items, or query them by key.`);
    }
    if (listItems) await list('Scan', { TableName: tableName });
  }

  return { show };
}
