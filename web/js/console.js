// The request console's left half: operation picker, JSON editor and Send button. It turns a
// send into a result (see run_request.js) and hands it to `onResult`; drawing the response is
// the response panel's job.

import { referenceFor } from './api_reference.js';
import { EXAMPLES, exampleRequestText, findExample } from './examples.js';
import { runRequest } from './run_request.js';

/**
 * Fills the picker with the examples and prefills the editor with the first one. Sending stays
 * disabled until `enable(db)` is called, because the engine loads after the page is shown, and
 * while a request is in flight: `onResult(result, requestText)` may return a promise, and Send
 * is enabled again once it settles. Returns `{ enable(db), load(operation, requestText, summary) }`.
 */
export function mountRequestConsole({ form, operation, request, summary, reference, send }, { onResult }) {
  let db = null;
  let sending = false;

  for (const example of EXAMPLES) operation.add(new Option(example.operation, example.operation));

  // The link to the operation's page of the API reference, next to its summary.
  function showReference(name) {
    const { href, label } = referenceFor(name);
    reference.href = href;
    reference.textContent = 'API reference';
    reference.setAttribute('aria-label', label);
  }

  function showExample(name) {
    const example = findExample(name);
    summary.textContent = example?.summary ?? '';
    showReference(name);
    if (example) request.value = exampleRequestText(example);
  }

  // `summaryText` describes a request that is not the operation's example.
  function load(name, requestText, summaryText) {
    operation.value = name;
    summary.textContent = summaryText ?? findExample(name)?.summary ?? '';
    showReference(name);
    request.value = requestText;
    request.focus();
  }

  async function sendRequest() {
    if (db === null || sending) return;
    sending = true;
    send.disabled = true;
    try {
      const requestText = request.value;
      const result = await runRequest(db, operation.value, requestText);
      // Send comes back only when the panels have caught up, so one click is one full update.
      await onResult(result, requestText);
    } finally {
      sending = false;
      send.disabled = false;
    }
  }

  operation.addEventListener('change', () => showExample(operation.value));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sendRequest();
  });
  // Ctrl+Enter (Cmd+Enter on a Mac) sends without leaving the keyboard, as in most SQL consoles.
  request.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      sendRequest();
    }
  });

  showExample(operation.value);

  return {
    enable(readyDb) {
      db = readyDb;
      send.disabled = false;
    },
    load,
  };
}
