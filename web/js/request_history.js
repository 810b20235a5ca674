// The list of requests sent this session, most recent first. Picking one puts its request back
// in the editor, so a request can be repeated or tweaked after trying others.

// Enough to scroll back through a tutorial; older rows fall off so the list stays short.
const MAX_ENTRIES = 50;

/**
 * Returns `{ add(result, requestText) }`; `onSelect(operation, requestText)` runs on a click.
 * `empty` is the "no requests yet" note, hidden once there is a row.
 */
export function mountRequestHistory({ list, empty }, { onSelect }) {
  function add(result, requestText) {
    empty.hidden = true;
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'history-entry';
    button.title = 'Load this request into the editor';
    button.dataset.outcome = result.ok ? 'ok' : 'error';

    const operation = document.createElement('span');
    operation.dataset.testid = 'history-operation';
    operation.textContent = result.operation;
    const status = document.createElement('span');
    status.dataset.testid = 'history-status';
    status.className = 'history-status';
    status.textContent = String(result.status ?? '—');
    button.append(operation, ' ', status);
    button.addEventListener('click', () => onSelect(result.operation, requestText));

    item.append(button);
    list.prepend(item);
    if (list.children.length > MAX_ENTRIES) list.lastElementChild.remove();
  }

  return { add };
}
