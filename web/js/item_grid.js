// The item browser's grid: one row per item, its Edit and Delete buttons first (in reach on a
// phone, where the grid scrolls sideways), then one column per attribute: the key attributes
// first, then the others in the order they first appear.

import { cellText } from './item_json.js';

// Columns beyond this are folded into the last one, so a wide item does not make a wide page.
const MAX_COLUMNS = 8;

/** The grid's column names: the key attributes, then every other attribute the items carry. */
export function gridColumns(items, keyNames) {
  const columns = [...keyNames];
  for (const item of items) {
    for (const name of Object.keys(item)) if (!columns.includes(name)) columns.push(name);
  }
  return columns;
}

function button(text, testid, label, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'chip index-chip';
  element.textContent = text;
  element.dataset.testid = testid;
  element.setAttribute('aria-label', label);
  element.addEventListener('click', onClick);
  return element;
}

/**
 * Draws `items` into `table` (a <table> with a thead and tbody). `onEdit(item)` and
 * `onDelete(item)` run from each row's buttons; `keyText(item)` names a row for screen readers.
 */
export function drawItemGrid(table, items, keyNames, { onEdit, onDelete, keyText }) {
  const columns = gridColumns(items, keyNames);
  const shown = columns.slice(0, MAX_COLUMNS);
  const folded = columns.slice(MAX_COLUMNS);
  const headerRow = document.createElement('tr');
  const actions = document.createElement('th');
  actions.scope = 'col';
  actions.textContent = 'Actions';
  headerRow.append(actions);
  for (const name of shown) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = keyNames.includes(name) ? `${name} (key)` : name;
    headerRow.append(th);
  }
  if (folded.length) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = `+${folded.length} more`;
    headerRow.append(th);
  }
  table.tHead.replaceChildren(headerRow);

  table.tBodies[0].replaceChildren(
    ...items.map((item) => {
      const row = document.createElement('tr');
      row.dataset.testid = 'item-row';
      const actionsCell = document.createElement('td');
      actionsCell.className = 'item-actions';
      const name = keyText(item);
      actionsCell.append(
        button('Edit', 'item-edit', `Edit item ${name}`, () => onEdit(item)),
        button('Delete', 'item-delete', `Delete item ${name}`, () => onDelete(item)),
      );
      row.append(actionsCell);
      for (const name of shown) {
        const td = document.createElement('td');
        td.textContent = name in item ? cellText(item[name]) : '';
        if (keyNames.includes(name)) td.className = 'key-cell';
        row.append(td);
      }
      if (folded.length) {
        const td = document.createElement('td');
        td.textContent = folded.filter((name) => name in item).map((name) => `${name}: ${cellText(item[name])}`).join('; ');
        row.append(td);
      }
      return row;
    }),
  );
}
