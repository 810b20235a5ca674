// The list of requests sent this session, most recent first. Picking one puts its request back
// in the editor, so a request can be repeated or tweaked after trying others. Each row names the
// operation, the table and the key it touched, and the region when it was sent in another than
// the home region (picking the row chooses that region again); a scenario's requests are one row
// that opens.

import { HOME_REGION } from './region_chooser.js';

// Enough to scroll back through a tutorial; older rows fall off so the list stays short.
const MAX_ENTRIES = 50;

function valueText(value) {
  // A plain value where an AttributeValue belongs (a newcomer's mistake) is shown as written.
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const [type, inner] = Object.entries(value)[0] ?? [];
  return type === undefined ? '?' : typeof inner === 'string' ? inner : JSON.stringify(inner);
}

/**
 * "Music · Artist=Acme, SongTitle=Hello" for a request with a Key, the first attribute of an
 * Item (usually its partition key), or just the table; '' when the text names no table.
 */
export function requestTarget(requestText) {
  let input;
  try {
    input = JSON.parse(requestText);
  } catch {
    return '';
  }
  if (typeof input?.TableName !== 'string') return '';
  const key = input.Key ?? (input.Item ? Object.fromEntries(Object.entries(input.Item).slice(0, 1)) : null);
  if (!key || typeof key !== 'object') return input.TableName;
  const attributes = Object.entries(key).map(([name, value]) => `${name}=${valueText(value)}`).join(', ');
  return attributes ? `${input.TableName} · ${attributes}` : input.TableName;
}

function entryButton({ operation, status, ok, region = '' }, requestText, onSelect) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'history-entry';
  button.title = 'Load this request into the editor';
  button.dataset.outcome = ok ? 'ok' : 'error';
  const name = document.createElement('span');
  name.dataset.testid = 'history-operation';
  name.textContent = operation;
  const target = document.createElement('span');
  target.dataset.testid = 'history-target';
  target.className = 'history-target';
  target.textContent = requestTarget(requestText);
  const statusText = document.createElement('span');
  statusText.dataset.testid = 'history-status';
  statusText.className = 'history-status';
  statusText.textContent = String(status ?? '—');
  button.append(name, ' ', target, ' ');
  if (region && region !== HOME_REGION) {
    const regionText = document.createElement('span');
    regionText.dataset.testid = 'history-region';
    regionText.className = 'history-region';
    regionText.textContent = region;
    button.append(regionText, ' ');
  }
  button.append(statusText);
  button.addEventListener('click', () => onSelect(operation, requestText, region));
  return button;
}

/**
 * Returns `{ add(result, requestText), addGroup(title, requests), entries() }`; `onSelect(operation,
 * requestText, region)` runs on a click ('' for the home region). `empty` is the "no requests
 * yet" note, hidden once there is a row. A group is a scenario's requests (`{ operation, input,
 * ok, status, region }` each) under one expandable row.
 */
export function mountRequestHistory({ list, empty }, { onSelect }) {
  // The single requests shown, newest first, as { operation, request } (what a share link carries).
  const sent = [];

  function prepend(item) {
    empty.hidden = true;
    list.prepend(item);
    if (list.children.length > MAX_ENTRIES) list.lastElementChild.remove();
  }

  function add(result, requestText) {
    sent.unshift({ operation: result.operation, request: requestText });
    sent.length = Math.min(sent.length, MAX_ENTRIES);
    const item = document.createElement('li');
    item.append(entryButton(result, requestText, onSelect));
    prepend(item);
  }

  function addGroup(title, requests) {
    const item = document.createElement('li');
    item.dataset.testid = 'history-group';
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = `${title}: ${requests.length} request${requests.length === 1 ? '' : 's'}`;
    const entries = document.createElement('ol');
    entries.className = 'history-group-entries';
    for (const request of requests) {
      const entry = document.createElement('li');
      entry.append(entryButton(request, JSON.stringify(request.input, null, 2), onSelect));
      entries.append(entry);
    }
    details.append(summary, entries);
    item.append(details);
    prepend(item);
  }

  return { add, addGroup, entries: () => [...sent] };
}
