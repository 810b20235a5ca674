// The names of the tables in the engine, read with ListTables the way any DynamoDB client
// would, so the list can never disagree with what requests see.

// ListTables returns at most 100 names a page (API Reference, ListTables "Limit"); a bound on
// the pages keeps a misbehaving engine from looping the page forever.
const MAX_PAGES = 100;

async function listAllTableNames(db) {
  const names = [];
  let exclusiveStartTableName;
  for (let page = 0; page < MAX_PAGES; page++) {
    const input = exclusiveStartTableName
      ? { ExclusiveStartTableName: exclusiveStartTableName }
      : {};
    const output = await db.send('ListTables', input);
    names.push(...(output.TableNames ?? []));
    exclusiveStartTableName = output.LastEvaluatedTableName;
    if (!exclusiveStartTableName) break;
  }
  return names;
}

// What the list shows beside a name: the table's indexes, whether it has a stream, and its
// Time to Live attribute, read with DescribeTable and DescribeTimeToLive.
async function describeFeatures(db, name) {
  const { Table: table } = await db.send('DescribeTable', { TableName: name });
  const ttl = await db.send('DescribeTimeToLive', { TableName: name });
  const indexes = [
    ...(table.GlobalSecondaryIndexes ?? []).map((index) => ({ ...index, kind: 'GSI' })),
    ...(table.LocalSecondaryIndexes ?? []).map((index) => ({ ...index, kind: 'LSI' })),
  ];
  return {
    indexes,
    stream: table.StreamSpecification?.StreamViewType,
    ttl: ttl.TimeToLiveDescription?.AttributeName,
  };
}

function chip(text, className, testid) {
  const element = document.createElement('span');
  element.className = `chip ${className}`;
  element.dataset.testid = testid;
  element.textContent = text;
  return element;
}

/**
 * Returns `{ refresh(db), markCurrent(name), showMessage(text) }`: refresh re-reads the names,
 * redraws the list and resolves to the names; showMessage replaces it with a note (e.g. when
 * there is no engine to ask). `onSelectTable(tableName)` runs when a table's name is pressed.
 * `onQueryIndex(tableName, index)` and `onScanIndex(tableName, index)` run when an index's
 * buttons are pressed (index is the DescribeTable entry plus `kind`, GSI or LSI), and
 * `onScanTable(tableName)` when the table's own scan button is.
 */
export function mountTableList(list, { onSelectTable, onQueryIndex, onScanIndex, onScanTable } = {}) {
  let currentName;

  async function refresh(db) {
    let names;
    try {
      names = await listAllTableNames(db);
    } catch (error) {
      list.replaceChildren(messageItem(`Could not list tables: ${error.name}: ${error.message}`));
      return [];
    }
    if (names.length === 0) {
      list.replaceChildren(messageItem('No tables yet. Send CreateTable to make one.'));
      return names;
    }
    const items = [];
    for (const name of names) {
      const item = document.createElement('li');
      // The name makes the table current: its items, partitions, stream and heat.
      const label = document.createElement('button');
      label.type = 'button';
      label.className = 'table-name';
      label.dataset.testid = 'table-name';
      label.textContent = name;
      label.title = `Show ${name}'s items, partitions, stream and heat`;
      label.addEventListener('click', () => onSelectTable?.(name));
      if (name === currentName) label.setAttribute('aria-current', 'true');
      item.append(label);
      let features;
      try {
        features = await describeFeatures(db, name);
      } catch {
        features = { indexes: [] }; // deleted meanwhile
      }
      const details = document.createElement('div');
      details.className = 'table-features';
      // The table's own items, one click away (a Scan the user can then edit).
      const scanTable = document.createElement('button');
      scanTable.type = 'button';
      scanTable.className = 'chip index-chip';
      scanTable.dataset.testid = 'table-scan';
      scanTable.title = `Load a Scan of ${name} into the console`;
      scanTable.textContent = 'scan items';
      scanTable.addEventListener('click', () => onScanTable?.(name));
      details.append(scanTable);
      for (const index of features.indexes) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'chip index-chip';
        button.dataset.testid = 'index-query';
        button.title = `Load a Query on ${index.kind} ${index.IndexName} into the console`;
        button.textContent = `${index.kind} ${index.IndexName}`;
        button.addEventListener('click', () => onQueryIndex?.(name, index));
        const scan = document.createElement('button');
        scan.type = 'button';
        scan.className = 'chip index-chip';
        scan.dataset.testid = 'index-scan';
        scan.title = `Load a Scan of ${index.kind} ${index.IndexName} into the console`;
        scan.textContent = 'scan';
        scan.addEventListener('click', () => onScanIndex?.(name, index));
        details.append(button, scan);
      }
      if (features.stream) details.append(chip(`stream ${features.stream}`, 'stream-chip', 'stream-chip'));
      if (features.ttl) details.append(chip(`TTL ${features.ttl}`, 'ttl-chip', 'ttl-chip'));
      if (details.childElementCount) item.append(details);
      items.push(item);
    }
    // Redrawing must not drop the keyboard's place: the control that had focus gets it back.
    const focused = list.contains(document.activeElement) ? document.activeElement : null;
    const focusKey = focused && `${focused.dataset.testid}|${focused.title}`;
    list.replaceChildren(...items);
    if (focusKey) {
      [...list.querySelectorAll('button')].find((button) => `${button.dataset.testid}|${button.title}` === focusKey)?.focus();
    }
    return names;
  }

  // Marks the current table's name (aria-current) without listing the tables again.
  function markCurrent(name) {
    currentName = name;
    for (const label of list.querySelectorAll('[data-testid="table-name"]')) {
      if (label.textContent === name) label.setAttribute('aria-current', 'true');
      else label.removeAttribute('aria-current');
    }
  }

  return { refresh, markCurrent, showMessage: (text) => list.replaceChildren(messageItem(text)) };
}

function messageItem(text) {
  const item = document.createElement('li');
  item.className = 'list-message';
  item.textContent = text;
  return item;
}
