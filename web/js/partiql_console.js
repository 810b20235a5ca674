// The console's PartiQL mode, as the AWS console's PartiQL editor offers: a statement, its `?`
// parameters and an optional Limit, sent as ExecuteStatement through the JSON console's own
// path (so History, the response panel and the other panels see an ordinary request). A page
// that ends with a NextToken offers Next page, which sends the same statement again with it.
// The mode switch shows one of the two forms; a request loaded into the JSON editor from
// elsewhere (History, the item browser) switches back to it.

import { PARTIQL_EXAMPLES, partiqlParametersText } from './partiql_examples.js';
import { partiqlRequestText } from './partiql_request.js';

/**
 * `send(requestText)` sends an ExecuteStatement body and resolves to its result (or null when
 * another request is in flight); `showProblem(result)` shows a result that was not sent.
 * Returns `{ enable(), showMode(mode), current(), load(boxes) }`; mode is 'json' or 'partiql'.
 * `current()` is the boxes' text ({ statement, parametersText, limitText }) while the PartiQL mode
 * is shown, else null; `load(boxes)` fills the boxes and shows the mode (a shared link's).
 */
export function mountPartiqlConsole(
  { modes, jsonForm, form, example, summary, statement, parameters, limit, send, nextPage, pageNote },
  { send: sendRequest, showProblem },
) {
  let enabled = false;
  let busy = false;
  // What the last successful page was sent with, for Next page: the same statement, parameters
  // and Limit, whatever the boxes hold now.
  let lastSent = null;
  let pageNumber = 1;

  PARTIQL_EXAMPLES.forEach((item, index) => example.add(new Option(item.name, String(index))));

  function showExample(index) {
    const item = PARTIQL_EXAMPLES[index];
    example.value = String(index);
    summary.textContent = item.summary;
    statement.value = item.statement;
    parameters.value = partiqlParametersText(item);
  }

  function showMode(mode) {
    for (const radio of modes) radio.checked = radio.value === mode;
    jsonForm.hidden = mode !== 'json';
    form.hidden = mode !== 'partiql';
  }

  function showNextPage(result, boxes) {
    const token = result?.ok ? result.output.NextToken : undefined;
    nextPage.hidden = !token;
    lastSent = token ? { ...boxes, nextToken: token } : null;
    pageNote.textContent = token ? `Page ${pageNumber}: there is more; Next page sends NextToken.` : pageNumber > 1 && result?.ok ? `Page ${pageNumber}, the last.` : '';
  }

  async function run(boxes, page) {
    if (!enabled || busy) return;
    const { requestText, problem } = partiqlRequestText(boxes);
    if (problem) {
      showProblem(problem);
      return;
    }
    busy = true;
    send.disabled = true;
    nextPage.disabled = true;
    try {
      const result = await sendRequest(requestText);
      if (result === null) return;
      pageNumber = page;
      showNextPage(result, { ...boxes, nextToken: undefined });
    } finally {
      busy = false;
      send.disabled = false;
      nextPage.disabled = false;
    }
  }

  const boxes = () => ({ statement: statement.value, parametersText: parameters.value, limitText: limit.value });

  for (const radio of modes) radio.addEventListener('change', () => showMode(radio.value));
  example.addEventListener('change', () => showExample(Number(example.value)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(boxes(), 1);
  });
  nextPage.addEventListener('click', () => {
    if (lastSent) run(lastSent, pageNumber + 1);
  });
  // Ctrl+Enter (Cmd+Enter on a Mac) sends from any box, as in the JSON editor.
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run(boxes(), 1);
    }
  });

  showExample(0);
  showMode('json');

  return {
    enable() {
      enabled = true;
      send.disabled = false;
    },
    showMode,
    current: () => (form.hidden ? null : boxes()),
    load({ statement: text, parametersText, limitText }) {
      statement.value = text;
      parameters.value = parametersText;
      limit.value = limitText;
      summary.textContent = 'The statement the link was shared with.';
      // A page of an earlier statement has nothing to follow here.
      pageNumber = 1;
      showNextPage(null, null);
      showMode('partiql');
    },
  };
}
