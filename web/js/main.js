// Wires the page: mounts the panels at once (so the examples are readable while the engine
// loads), then loads the engine and routes each request's result to the panels that show it.

import { createDynamoDB } from '../../wasm/index.js';
import { mountRequestConsole } from './console.js';
import { mountPartitionPanel } from './partition_panel.js';
import { mountRequestHistory } from './request_history.js';
import { mountResponsePanel } from './response_panel.js';
import { mountScenarios } from './scenarios.js';
import { mountStreamPanel } from './stream_panel.js';
import { mountTableList } from './table_list.js';
import { mountStorageControls } from './storage_controls.js';
import { mountTriggerPanel } from './trigger_panel.js';

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
const tableList = mountTableList(byId('tables'), {
  onQueryIndex: (tableName, index) => loadIndexQuery(tableName, index),
  onScanIndex: (tableName, index) =>
    requestConsole.load(
      'Scan',
      JSON.stringify({ TableName: tableName, IndexName: index.IndexName }, null, 2),
      `Reads every entry of ${index.kind} ${index.IndexName}.`,
    ),
  onScanTable: (tableName) =>
    requestConsole.load(
      'Scan',
      JSON.stringify({ TableName: tableName, ReturnConsumedCapacity: 'TOTAL' }, null, 2),
      `Reads every item of ${tableName}, a page (up to 1 MB) at a time.`,
    ),
});
const streamPanel = mountStreamPanel({ caption: byId('stream-caption'), list: byId('stream-records') });
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
// The table the panels show: the one the latest request named.
let currentTable;

/** Everything that shows a table's state catches up with the engine. */
async function refreshPanels(tableName) {
  if (tableName) currentTable = tableName;
  await tableList.refresh(db);
  await partitionPanel.refresh(db, currentTable);
  await streamPanel.refresh(db, currentTable);
}

// A Query on an index, ready to edit: the index's partition key by equality.
async function loadIndexQuery(tableName, index) {
  const { Table: table } = await db.send('DescribeTable', { TableName: tableName });
  const hashKey = index.KeySchema.find((element) => element.KeyType === 'HASH').AttributeName;
  const type = table.AttributeDefinitions.find((d) => d.AttributeName === hashKey)?.AttributeType ?? 'S';
  const input = {
    TableName: tableName,
    IndexName: index.IndexName,
    KeyConditionExpression: '#key = :value',
    ExpressionAttributeNames: { '#key': hashKey },
    ExpressionAttributeValues: { ':value': { [type]: type === 'N' ? '0' : '' } },
  };
  requestConsole.load('Query', JSON.stringify(input, null, 2), `Queries ${index.kind} ${index.IndexName}: fill in the key value.`);
}

const requestConsole = mountRequestConsole(
  {
    form: byId('request-form'),
    operation: byId('operation'),
    request: byId('request'),
    summary: byId('operation-summary'),
    reference: byId('operation-reference'),
    send: byId('send'),
  },
  {
    async onResult(result, requestText) {
      responsePanel.show(result);
      if (result.sent) requestHistory.add(result, requestText);
      // Only a success can have created, changed or deleted a table.
      if (result.ok) await refreshPanels(requestTableName(requestText));
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
    async onDone(tableName, outcome) {
      await refreshPanels(tableName);
      if (outcome.trigger) triggerPanel.setCode(outcome.trigger.tableName, outcome.trigger.code);
      if (outcome.request) {
        requestConsole.load(
          outcome.request.operation,
          JSON.stringify(outcome.request.input, null, 2),
          outcome.request.summary,
        );
      }
    },
  },
);

const triggerPanel = mountTriggerPanel(
  {
    table: byId('trigger-table'),
    code: byId('trigger-code'),
    toggle: byId('trigger-toggle'),
    status: byId('trigger-status'),
    log: byId('trigger-log'),
  },
  // What a trigger writes shows up like any request's effect.
  { onWrite: () => refreshPanels() },
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

// Everything the page does is kept in this browser's IndexedDB under one workspace.
const WORKSPACE = 'default';
const storageControls = mountStorageControls({
  banner: byId('storage-banner'),
  message: byId('storage-message'),
  takeOver: byId('take-over'),
  reset: byId('reset-playground'),
  download: byId('download-playground'),
  open: byId('open-playground'),
  file: byId('playground-file'),
});

async function createEngineWithHeatView() {
  const canvas = byId('heat-canvas');
  const persistence = { workspace: WORKSPACE, takeOver: storageControls.takeOverRequested() };
  if (canvas && webgl2Available()) {
    try {
      const db = await createDynamoDB({
        ...persistence,
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
  return createDynamoDB(persistence);
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
  triggerPanel.enable(db);
  const restoredText = await storageControls.enable(db);
  // Announced last, so "ready" means every panel can be used.
  showEngineStatus('ready', restoredText ?? `Engine ready in ${loadMilliseconds} ms`);
}

loadEngine();
