// The request console's left half: operation picker, JSON editor, Send, Format and "Copy as".
// It turns a send into a result (see run_request.js) and hands it to `onResult`; drawing the
// response is the response panel's job. Each operation keeps its own draft, so switching the
// picker never throws an edit away; an `aws dynamodb ...` command line pasted into the editor
// runs as the request the AWS CLI would send, and the editor then shows that request's JSON.
// The PartiQL mode (partiql_console.js) sends its ExecuteStatement requests through `send()`,
// so both modes share one path to the engine and the panels.

import { referenceFor } from './api_reference.js';
import { looksLikeCliCommand, parseCliCommand } from './cli_command.js';
import { EXAMPLES, exampleRequestText, fillRunTimeValues, findExample } from './examples.js';
import { runRequest } from './run_request.js';

/**
 * Fills the picker with the examples and prefills the editor with the first one. Sending stays
 * disabled until `enable(db)` is called, because the engine loads after the page is shown, and
 * while a request is in flight: `onResult(result, requestText)` may return a promise, and Send
 * is enabled again once it settles. `onNote(text)` shows a line about what the console did (a
 * command line it translated, a draft it restored); `onLoad()` runs when a request is loaded
 * into the editor from elsewhere (History, the item browser, the tour). Returns
 * `{ enable(db), load(operation, requestText, summary), send(operation, requestText), current() }`.
 */
export function mountRequestConsole(
  { form, operation, request, summary, reference, send, format, resetDraft, restoreDraft, progress, cancel },
  { onResult, onNote = () => {}, onLoad = () => {} },
) {
  let db = null;
  let sending = false;
  // Edits per operation, kept while the page is open: the picker never discards them.
  const drafts = new Map();
  let shownOperation;

  for (const example of EXAMPLES) operation.add(new Option(example.operation, example.operation));

  // The link to the operation's page of the API reference, next to its summary.
  function showReference(name) {
    const { href, label } = referenceFor(name);
    reference.href = href;
    reference.textContent = 'API reference';
    reference.setAttribute('aria-label', label);
  }

  function ensureOption(name) {
    if (![...operation.options].some((option) => option.value === name)) operation.add(new Option(name, name));
  }

  function keepDraft() {
    if (shownOperation === undefined) return;
    const example = findExample(shownOperation);
    const untouched = example && request.value === exampleRequestText(example);
    if (untouched) drafts.delete(shownOperation);
    else drafts.set(shownOperation, request.value);
  }

  function showOperation(name, requestText, summaryText) {
    ensureOption(name);
    operation.value = name;
    shownOperation = name;
    const example = findExample(name);
    summary.textContent = summaryText ?? example?.summary ?? '';
    showReference(name);
    request.value = requestText ?? drafts.get(name) ?? (example ? exampleRequestText(example) : '{}');
    resetDraft.hidden = !example || request.value === exampleRequestText(example);
  }

  // A draft that a loaded request replaced, until the user takes it back or moves on.
  let putAside = null;

  // `summaryText` describes a request that is not the operation's example.
  function load(name, requestText, summaryText) {
    onLoad();
    keepDraft();
    const draft = drafts.get(name);
    putAside = draft !== undefined && draft !== requestText ? { name, text: draft } : null;
    restoreDraft.hidden = putAside === null;
    if (putAside) onNote(`Your edited ${name} request was put aside for this one; Restore my draft brings it back.`);
    showOperation(name, requestText, summaryText);
    request.focus();
  }

  // A pasted `aws dynamodb ...` command becomes its operation and JSON in the editor; a command
  // that cannot be read stays as typed, and its problem is the result. `sending` says whether
  // Send (which then runs it) or Format (which only shows it) asked.
  function translateCommandLine(text, sending = true) {
    try {
      const command = parseCliCommand(text);
      // A Streams operation is named by its full target, as the picker names it.
      const name = command.service === 'dynamodb' ? command.operation : command.target;
      keepDraft();
      showOperation(name, JSON.stringify(command.input, null, 2));
      const ignored = command.ignored.length ? ` (${command.ignored.join(', ')} ignored: the page has one endpoint)` : '';
      onNote(sending
        ? `Ran the AWS CLI command as ${command.operation}; the editor now holds the JSON it sends${ignored}.`
        : `This is the ${command.operation} request the AWS CLI command sends${ignored}; Send runs it.`);
      return null;
    } catch (error) {
      return { operation: operation.value, sent: false, ok: false, status: null, errorName: 'AWS CLI command not read', message: error.message };
    }
  }

  async function sendRequest() {
    await sendWhileBusy(async () => {
      let result = looksLikeCliCommand(request.value) ? translateCommandLine(request.value) : null;
      if (result === null) await fillRuntimeValues();
      const requestText = request.value;
      result ??= await runRequest(db, operation.value, requestText, {
        onProgress: showProgress,
        isCancelled: () => cancelRequested,
      });
      return { result, requestText };
    });
  }

  // One request at a time, from either mode: Send is disabled until the panels have caught up,
  // so one click is one full update. Resolves to the result, or null when nothing was sent.
  async function sendWhileBusy(run) {
    if (db === null || sending) return null;
    sending = true;
    send.disabled = true;
    onNote('');
    try {
      const { result, requestText } = await run();
      if (result.note) onNote(result.note);
      await onResult(result, requestText);
      return result;
    } finally {
      sending = false;
      send.disabled = false;
      cancelRequested = false;
      progress.hidden = true;
      cancel.hidden = true;
    }
  }

  // The backup, export and import examples name what is only known at run time: the editor gets
  // the newest one's ARN (or folder) before sending, so what it shows is what was sent.
  async function fillRuntimeValues() {
    const filled = await fillRunTimeValues(db, request.value);
    if (filled.note) onNote(filled.note);
    if (filled.text === request.value) return;
    request.value = filled.text;
    resetDraft.hidden = false;
  }

  // A long simulation's progress, in simulated seconds, with a Cancel that stops it between
  // pieces.
  let cancelRequested = false;
  function showProgress(done, total) {
    progress.hidden = false;
    cancel.hidden = false;
    progress.max = total;
    progress.value = done;
    progress.textContent = `${done} of ${total} s`;
  }
  cancel.addEventListener('click', () => {
    cancelRequested = true;
  });

  operation.addEventListener('change', () => {
    keepDraft();
    showOperation(operation.value);
    if (drafts.has(operation.value)) onNote(`Your edited ${operation.value} request is back.`);
  });
  request.addEventListener('input', () => {
    const example = findExample(operation.value);
    resetDraft.hidden = !example || request.value === exampleRequestText(example);
  });
  resetDraft.addEventListener('click', () => {
    drafts.delete(operation.value);
    showOperation(operation.value);
  });
  // Re-indents the request (an AWS CLI command becomes the JSON it sends); text that is not
  // JSON is left alone and the result says where.
  format.addEventListener('click', async () => {
    if (looksLikeCliCommand(request.value)) {
      const problem = translateCommandLine(request.value, false);
      if (problem) await onResult(problem, request.value);
      return;
    }
    try {
      request.value = JSON.stringify(JSON.parse(request.value), null, 2);
    } catch {
      await onResult(await runRequest(db, operation.value, request.value), request.value);
    }
  });
  restoreDraft.addEventListener('click', () => {
    if (!putAside) return;
    keepDraft();
    showOperation(putAside.name, putAside.text);
    putAside = null;
    restoreDraft.hidden = true;
    onNote('');
    request.focus();
  });
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

  showOperation(operation.value);

  return {
    enable(readyDb) {
      db = readyDb;
      send.disabled = false;
    },
    load,
    /**
     * Sends `requestText` as `operation` without touching the editor (the PartiQL mode's
     * requests); resolves to runRequest()'s result, or null when a request is still in flight
     * or the engine has not loaded.
     */
    send: (name, requestText) => sendWhileBusy(async () => ({ result: await runRequest(db, name, requestText), requestText })),
    /** The operation and text in the editor now. */
    current: () => ({ operation: operation.value, requestText: request.value }),
    /** Selects line `line` (1-based) of the editor, where a JSON error is. */
    markLine(line) {
      const lines = request.value.split('\n');
      const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
      request.focus();
      request.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    },
  };
}
