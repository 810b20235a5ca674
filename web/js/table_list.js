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

/**
 * Returns `{ refresh(db), showMessage(text) }`: refresh re-reads the names and redraws the
 * list; showMessage replaces it with a note (e.g. when there is no engine to ask).
 */
export function mountTableList(list) {
  async function refresh(db) {
    let names;
    try {
      names = await listAllTableNames(db);
    } catch (error) {
      list.replaceChildren(messageItem(`Could not list tables: ${error.name}: ${error.message}`));
      return;
    }
    if (names.length === 0) {
      list.replaceChildren(messageItem('No tables yet. Send CreateTable to make one.'));
      return;
    }
    list.replaceChildren(
      ...names.map((name) => {
        const item = document.createElement('li');
        item.dataset.testid = 'table-name';
        item.textContent = name;
        return item;
      }),
    );
  }

  return { refresh, showMessage: (text) => list.replaceChildren(messageItem(text)) };
}

function messageItem(text) {
  const item = document.createElement('li');
  item.className = 'list-message';
  item.textContent = text;
  return item;
}
