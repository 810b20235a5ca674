// Wires the page: mounts the panels at once (so the examples are readable while the engine
// loads), then loads the engine and routes each request's result to the panels that show it.

import { createDynamoDB } from '../../wasm/index.js';
import { mountRequestConsole } from './console.js';
import { mountPartitionPanel } from './partition_panel.js';
import { mountRequestHistory } from './request_history.js';
import { mountResponsePanel } from './response_panel.js';
import { mountScenarios } from './scenarios.js';
import { mountTableList } from './table_list.js';

const byId = (id) => document.getElementById(id);

function showEngineStatus(state, text) {
  const status = byId('engine-status');
  status.dataset.state = state;
  status.textContent = text;
}

const responsePanel = mountResponsePanel({
  placeholder: byId('response-placeholder'),
  summary: byId('response-summary'),
  consumedCapacity: byId('consumed-capacity'),
  error: byId('error'),
  errorName: byId('error-name'),
  errorStatus: byId('error-status'),
  errorMessage: byId('error-message'),
  errorType: byId('error-type'),
  response: byId('response'),
});
const tableList = mountTableList(byId('tables'));
const partitionPanel = mountPartitionPanel({
  title: byId('partitions-title'),
  caption: byId('partitions-caption'),
  body: byId('partitions-body'),
  partitions: byId('partition-rows'),
  hotKeys: byId('hot-key-rows'),
  cost: byId('cost'),
  message: byId('partitions-message'),
});

/** The table a request names, or undefined (ListTables, batches, playground-wide operations). */
function requestTableName(requestText) {
  try {
    const name = JSON.parse(requestText)?.TableName;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

let db = null;

const requestConsole = mountRequestConsole(
  {
    form: byId('request-form'),
    operation: byId('operation'),
    request: byId('request'),
    summary: byId('operation-summary'),
    send: byId('send'),
  },
  {
    async onResult(result, requestText) {
      responsePanel.show(result);
      if (result.sent) requestHistory.add(result, requestText);
      // Only a success can have created, changed or deleted a table.
      if (result.ok) {
        await tableList.refresh(db);
        await partitionPanel.refresh(db, requestTableName(requestText));
      }
    },
  },
);

const requestHistory = mountRequestHistory(
  { list: byId('history'), empty: byId('history-empty') },
  { onSelect: (operation, requestText) => requestConsole.load(operation, requestText) },
);

const scenarios = mountScenarios(
  {
    buttons: [...document.querySelectorAll('[data-scenario]')],
    result: byId('scenario-result'),
  },
  {
    async onDone(tableName) {
      await tableList.refresh(db);
      await partitionPanel.refresh(db, tableName);
    },
  },
);

// The heat view needs WebGL2; without it (or without the page module, which is built only when
// Dear ImGui was fetched) the page runs the plain engine module and hides the heat view.
function webgl2Available() {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}

async function createEngineWithHeatView() {
  const canvas = byId('heat-canvas');
  if (canvas && webgl2Available()) {
    try {
      const db = await createDynamoDB({
        heatView: { canvas, width: canvas.width, height: canvas.height },
      });
      if (db.heatView) {
        byId('heat-view').hidden = false;
        document.body.classList.add('with-heat-view');
        return db;
      }
    } catch {
      // Fall through to the plain engine module.
    }
  }
  return createDynamoDB();
}

async function loadEngine() {
  const started = performance.now();
  try {
    db = await createEngineWithHeatView();
  } catch (error) {
    showEngineStatus('failed', `Engine failed to load: ${error.message}`);
    tableList.showMessage('No engine, so no tables. Reload the page to try again.');
    return;
  }
  const loadMilliseconds = Math.round(performance.now() - started);
  // Lets a reader script the same engine from the browser's devtools console (and tests count
  // the requests the page makes).
  globalThis.playground = { db };
  await tableList.refresh(db);
  requestConsole.enable(db);
  scenarios.enable(db);
  // Announced last, so "ready" means every panel can be used.
  showEngineStatus('ready', `Engine ready in ${loadMilliseconds} ms`);
}

loadEngine();
