// The request console's left half: operation picker, JSON editor, Send, Format and "Copy as".
// It turns a send into a result (see run_request.js) and hands it to `onResult`; drawing the
// response is the response panel's job. Each operation keeps its own draft, so switching the
// picker never throws an edit away; an `aws dynamodb ...` command line pasted into the editor
// runs as the request the AWS CLI would send, and the editor then shows that request's JSON.
// The PartiQL mode (partiql_console.js) sends its ExecuteStatement requests through `send()`,
// so both modes share one path to the engine and the panels, and both send in the region
// `region()` names (the page's Region box).

import { referenceFor } from './api_reference.js';
import { looksLikeCliCommand, parseCliCommand } from './cli_command.js';
import { EXAMPLES, exampleRequestText, fillRunTimeValues } from './examples.js';
import { runRequest } from './run_request.js';

/**
 * Fills the picker with the examples and prefills the editor with the first one. Sending stays
 * disabled until `enable(db)` is called, because the engine loads after the page is shown, and
 * while a request is in flight: `onResult(result, requestText)` may return a promise, and Send
 * is enabled again once it settles. `onNote(text)` shows a line about what the console did (a
 * command line it translated, a draft it restored); `onLoad()` runs when a request is loaded
 * into the editor from elsewhere (History, the item browser, the tour); `region()` is the region
 * each request is served in. Returns
 * `{ enable(db), load(operation, requestText, summary), send(operation, requestText), current() }`.
 */
export function mountRequestConsole(
  { form, operation, request, summary, reference, send, format, resetDraft, restoreDraft, progress, cancel },
  { onResult, onNote = () => {}, onLoad = () => {}, region = () => '' },
) {
  let db = null;
  let sending = false;
  // Edits per picker option, kept while the page is open: the picker never discards them.
  const drafts = new Map();
  // The option whose request the editor shows. An option's value is its operation; several
  // options can share one (UpdateTable's examples), so the option, not the value, says which
  // example is shown.
  let shownOption;

  EXAMPLES.forEach((example, index) => {
    const option = new Option(example.label ?? example.operation, example.operation);
    option.dataset.example = String(index);
    operation.add(option);
  });

  // Undefined for an operation without an example (a request loaded from elsewhere).
  const exampleOf = (option) => EXAMPLES[option.dataset.example];

  // The link to the operation's page of the API reference, next to its summary.
  function showReference(name) {
    const { href, label } = referenceFor(name);
    reference.href = href;
    reference.textContent = 'API reference';
    reference.setAttribute('aria-label', label);
  }

  // The option for a request of operation `name`: the one shown if it is that operation's, else
  // the operation's first, else a new one.
  function optionFor(name) {
    if (shownOption?.value === name) return shownOption;
    const found = [...operation.options].find((option) => option.value === name);
    if (found) return found;
    const added = new Option(name, name);
    operation.add(added);
    return added;
  }

  function keepDraft() {
    if (shownOption === undefined) return;
    const example = exampleOf(shownOption);
    const untouched = example && request.value === exampleRequestText(example);
    if (untouched) drafts.delete(shownOption);
    else drafts.set(shownOption, request.value);
  }

  function showOption(option, requestText, summaryText) {
    option.selected = true;
    shownOption = option;
    const example = exampleOf(option);
    summary.textContent = summaryText ?? example?.summary ?? '';
    showReference(option.value);
    request.value = requestText ?? drafts.get(option) ?? (example ? exampleRequestText(example) : '{}');
    resetDraft.hidden = !example || request.value === exampleRequestText(example);
  }

  // A draft that a loaded request replaced, until the user takes it back or moves on.
  let putAside = null;

  // `summaryText` describes a request that is not the operation's example.
  function load(name, requestText, summaryText) {
    onLoad();
    keepDraft();
    const option = optionFor(name);
    const draft = drafts.get(option);
    putAside = draft !== undefined && draft !== requestText ? { option, text: draft } : null;
    restoreDraft.hidden = putAside === null;
    if (putAside) onNote(`Your edited ${name} request was put aside for this one; Restore my draft brings it back.`);
    showOption(option, requestText, summaryText);
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
      showOption(optionFor(name), JSON.stringify(command.input, null, 2));
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
        region: region(),
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
    const [picked] = operation.selectedOptions;
    showOption(picked);
    if (drafts.has(picked)) onNote(`Your edited ${picked.label} request is back.`);
  });
  request.addEventListener('input', () => {
    const example = exampleOf(shownOption);
    resetDraft.hidden = !example || request.value === exampleRequestText(example);
  });
  resetDraft.addEventListener('click', () => {
    drafts.delete(shownOption);
    showOption(shownOption);
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
    showOption(putAside.option, putAside.text);
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

  showOption(operation.selectedOptions[0]);

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
    send: (name, requestText) =>
      sendWhileBusy(async () => ({ result: await runRequest(db, name, requestText, { region: region() }), requestText })),
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
