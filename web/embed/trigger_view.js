// An embed's trigger (its `<script type="text/plain" data-trigger>` child): the function, in the
// page's Trigger panel form `async (event, db) => { ... }`, that a Lambda function on the
// table's stream would run. The embed only shows it, as text: code runs in the full playground,
// after the reader has read it and pressed Enable, as for every shared link.

/** The common indentation of `text`'s lines removed, and its blank first and last lines. */
function dedent(text) {
  const lines = text.replace(/^\s*\n|\s+$/g, '').split('\n');
  const indents = lines.filter((row) => row.trim()).map((row) => row.match(/^[ \t]*/)[0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((row) => row.slice(common)).join('\n');
}

/** The trigger's code from the embed's `data-trigger` child, or null when it has none. */
export function readTriggerCode(host) {
  const element = host.querySelector(':scope > script[type="text/plain"][data-trigger]');
  return element ? dedent(element.textContent) : null;
}

/** A read-only view of `code`, labelled as what `tableName`'s stream would invoke. */
export function createTriggerView(code, tableName) {
  const element = document.createElement('figure');
  element.className = 'trigger';
  element.setAttribute('part', 'trigger');
  const caption = document.createElement('figcaption');
  const title = document.createElement('strong');
  title.textContent = `The Lambda function ${tableName ? `the stream of ${tableName}` : "the table's stream"} would invoke`;
  caption.append(title, ' with each batch of records. This embed shows it but does not run it: ' +
    'Open in playground, read it there, and press Enable in the Trigger panel.');
  const text = document.createElement('pre');
  text.className = 'trigger-code';
  text.setAttribute('aria-label', 'Trigger function (read-only)');
  text.textContent = code;
  element.append(caption, text);
  return element;
}
