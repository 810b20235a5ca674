// The Trigger panel: a JavaScript function the user writes, run for a table's stream records
// the way Lambda runs a function on a DynamoDB event source mapping (db.onStream), in a Web
// Worker (trigger_worker.js) and never in the page. A trigger starts only when the user presses
// Enable, whatever put its code in the editor.

export const DEFAULT_TRIGGER = `// Runs in a Web Worker for each batch of stream records (the event Lambda receives).
// db.send(operation, input) calls the playground; console.log writes to the log below.
async (event, db) => {
  for (const record of event.Records) {
    console.log(record.eventName, JSON.stringify(record.dynamodb.Keys));
  }
}`;

const LOG_LINES = 50;
// A failing batch is retried twice and then skipped, like a Lambda event source mapping with
// MaximumRetryAttempts 2, so one bad record cannot hold the table's stream forever.
const MAXIMUM_RETRY_ATTEMPTS = 2;
// Like a Lambda function's timeout: a batch that takes longer fails (and is retried) and the
// worker is replaced, so a function that never returns cannot hold its shard forever.
const BATCH_TIMEOUT_MS = 10_000;

/**
 * Returns `{ enable(db), setCode(tableName, code) }`. `onWrite()` runs after each request the
 * trigger made, so the other panels can catch up.
 */
export function mountTriggerPanel({ table, code, toggle, status, log, clear }, { onWrite }) {
  let db = null;
  let worker = null;
  let trigger = null;
  let nextEventId = 1;
  const running = new Map();

  code.value = DEFAULT_TRIGGER;

  function addLog(text, level = 'info') {
    const line = document.createElement('li');
    line.className = `log-${level}`;
    line.dataset.testid = 'trigger-log-line';
    line.textContent = text;
    log.append(line);
    while (log.childElementCount > LOG_LINES) log.firstElementChild.remove();
    // The newest line stays in view, as in a terminal.
    log.scrollTop = log.scrollHeight;
  }

  clear.addEventListener('click', () => log.replaceChildren());

  function reportSkippedBatch(invocation) {
    const { batchSize, startSequenceNumber } = invocation.DDBStreamBatchInfo;
    addLog(
      `Gave up after ${invocation.requestContext.approximateInvokeCount} attempts: skipped ${batchSize} ` +
        `record${batchSize === 1 ? '' : 's'} from #${startSequenceNumber.replace(/^10*/, '')} ` +
        `(as Lambda does with MaximumRetryAttempts ${MAXIMUM_RETRY_ATTEMPTS})`,
      'error',
    );
  }

  function setStatus(text, state) {
    status.textContent = text;
    status.dataset.state = state;
  }

  async function relay({ id, operation, input }) {
    try {
      const output = await db.send(operation, input);
      worker?.postMessage({ type: 'reply', id, ok: true, output });
    } catch (error) {
      worker?.postMessage({ type: 'reply', id, ok: false, name: error.name, message: error.message });
    }
    await onWrite?.();
  }

  function startWorker() {
    return new Promise((resolve, reject) => {
      worker = new Worker(new URL('./trigger_worker.js', import.meta.url), { type: 'module' });
      worker.onmessage = ({ data }) => {
        if (data.type === 'loaded') resolve();
        else if (data.type === 'load-failed') reject(new Error(data.message));
        else if (data.type === 'log') addLog(data.text, data.level);
        else if (data.type === 'send') relay(data);
        else if (data.type === 'done' || data.type === 'failed') {
          running.get(data.id)?.(data);
          running.delete(data.id);
        }
      };
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage({ type: 'load', code: code.value });
    });
  }

  // One batch through the worker; a failure rejects, so the batch is delivered again.
  function runBatch(event) {
    const id = nextEventId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(async () => {
        running.delete(id);
        const message = `Task timed out after ${BATCH_TIMEOUT_MS / 1000} seconds`;
        addLog(message, 'error');
        worker?.terminate();
        try {
          await startWorker();
        } catch (error) {
          addLog(error.message, 'error');
        }
        reject(new Error(message));
      }, BATCH_TIMEOUT_MS);
      running.set(id, (outcome) => {
        clearTimeout(timer);
        if (outcome.type === 'done') {
          resolve();
        } else {
          addLog(outcome.message, 'error');
          reject(new Error(outcome.message));
        }
      });
      worker.postMessage({ type: 'event', id, event });
    });
  }

  function stop() {
    trigger?.stop();
    trigger = null;
    worker?.terminate();
    worker = null;
    toggle.textContent = 'Enable';
    code.readOnly = false;
    table.disabled = false;
  }

  async function start() {
    try {
      await startWorker();
      trigger = db.onStream(table.value, runBatch, {
        startingPosition: 'LATEST',
        maximumRetryAttempts: MAXIMUM_RETRY_ATTEMPTS,
        onFailure: reportSkippedBatch,
      });
    } catch (error) {
      stop();
      setStatus(`Not enabled: ${error.message}`, 'failed');
      return;
    }
    toggle.textContent = 'Disable';
    code.readOnly = true;
    table.disabled = true;
    setStatus(`Enabled on ${table.value}: new stream records run the function in a Web Worker.`, 'enabled');
  }

  toggle.addEventListener('click', async () => {
    if (db === null) return;
    if (trigger) {
      stop();
      setStatus('Disabled.', 'disabled');
    } else {
      await start();
    }
  });

  return {
    enable(readyDb) {
      db = readyDb;
      toggle.disabled = false;
    },
    /** The table and code in the panel now. */
    current: () => ({ tableName: table.value, code: code.value }),
    // Loads code into the editor, disabled: it runs only once the user presses Enable.
    setCode(tableName, text) {
      stop();
      table.value = tableName;
      code.value = text;
      setStatus(`Loaded for ${tableName}; press Enable to run it.`, 'disabled');
    },
  };
}
