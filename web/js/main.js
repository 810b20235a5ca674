// Wires the page: mounts the panels at once (so the examples are readable while the engine
// loads), then loads the engine and routes each request's result to the panels that show it.

import { createDynamoDB } from '../../wasm/index.js';
import { mountAdvicePanel } from './advice_panel.js';
import { mountRequestConsole } from './console.js';
import { mountCopyAs } from './copy_as.js';
import { counted } from './counted.js';
import { mountCurrentTable } from './current_table.js';
import { hintFor, jsonErrorLocation } from './error_hints.js';
import { exampleRequestText, findExample } from './examples.js';
import { mountGuidedTour } from './guided_tour.js';
import { mountHeatSummary } from './heat_summary.js';
import { mountItemBrowser } from './item_browser.js';
import { mountPartiqlConsole } from './partiql_console.js';
import { mountPartitionPanel } from './partition_panel.js';
import { mountRequestHistory } from './request_history.js';
import { decodeShareFragment, isShareFragment } from './share_codec.js';
import { mountShareDialog } from './share_dialog.js';
import { checkRecipe, replayRecipe } from './share_recipe.js';
import { mountResponsePanel } from './response_panel.js';
import { runRequest } from './run_request.js';
import { mountScenarios } from './scenarios.js';
import { mountRecoveryPanel } from './recovery_panel.js';
import { mountRegionChooser } from './region_chooser.js';
import { mountRegionsPanel } from './regions_panel.js';
import { mountStreamPanel } from './stream_panel.js';
import { mountTableList } from './table_list.js';
import { mountStorageControls } from './storage_controls.js';
import { mountTriggerPanel } from './trigger_panel.js';
import { DEFAULT_WORKSPACE, mountWorkspaceSwitcher, sharedWorkspaceName, workspaceAddress, workspaceFromAddress } from './workspaces.js';

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
  errorLocation: byId('error-location'),
  errorHint: byId('error-hint'),
  response: byId('response'),
});
const tableList = mountTableList(byId('tables'), {
  onSelectTable: (tableName) => showTable(tableName),
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

/**
 * The table a request names (a restore's new table), or undefined (ListTables, batches,
 * playground-wide operations).
 */
function requestTableName(requestText) {
  try {
    const request = JSON.parse(requestText);
    const name = request?.TargetTableName ?? request?.TableName;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

const advicePanel = mountAdvicePanel(
  { caption: byId('advice-caption'), list: byId('advice-findings') },
  { onSelectTable: (tableName) => showTable(tableName) },
);

const heatSummary = mountHeatSummary({ caption: byId('heat-table-caption'), rows: byId('heat-table-rows') });

let db = null;
// The table the panels show: the one the latest request named, or the one picked.
// The picker only switches the panels (each arrow key is a change): listing items is a click.
const currentTable = mountCurrentTable(byId('current-table'), {
  onChange: (tableName) => refreshPanels(tableName),
});

// Picking a table (its name in Tables, or the picker) lists its items at once.
async function showTable(tableName) {
  await refreshPanels(tableName);
  await itemBrowser.show(db, currentTable.current, { list: true });
}

/**
 * Sends a request on the user's behalf (from the item browser) exactly as the console does: the
 * response panel shows it and History keeps it.
 */
async function sendFromPage(operation, input) {
  const requestText = JSON.stringify(input, null, 2);
  const result = await runRequest(db, operation, requestText);
  responsePanel.show(result);
  requestHistory.add(result, requestText);
  if (result.ok) await refreshPanels(requestTableName(requestText));
  return result;
}

// The region the console sends in; the other panels read the home region.
const regionChooser = mountRegionChooser({ input: byId('request-region'), choices: byId('request-region-choices') });
const regionsPanel = mountRegionsPanel(
  { caption: byId('regions-caption'), list: byId('regions-list') },
  { onRegions: (tableName, regionNames) => regionChooser.offer(tableName, regionNames) },
);

const recoveryPanel = mountRecoveryPanel(
  {
    caption: byId('recovery-caption'),
    timeline: byId('recovery-timeline'),
    slider: byId('recovery-slider'),
    chosen: byId('recovery-chosen'),
    earliest: byId('recovery-earliest'),
    latest: byId('recovery-latest'),
    target: byId('recovery-target'),
    restore: byId('recovery-restore'),
    enable: byId('recovery-enable'),
    s3: byId('recovery-s3'),
    exportButton: byId('recovery-export'),
    download: byId('recovery-download'),
    upload: byId('recovery-upload'),
    uploadFile: byId('recovery-upload-file'),
    exports: byId('recovery-exports'),
  },
  {
    send: sendFromPage,
    showInEditor: (operation, input) => requestConsole.load(operation, JSON.stringify(input, null, 2), 'Imports the uploaded files into a new table with the current table\'s key: edit the key and the table name to suit them.'),
  },
);

const itemBrowser = mountItemBrowser(
  {
    scan: byId('items-scan'),
    create: byId('items-new'),
    previous: byId('items-previous'),
    next: byId('items-next'),
    status: byId('items-status'),
    grid: byId('items-grid'),
    queryForm: byId('query-form'),
    partitionLabel: byId('query-partition-label'),
    partitionValue: byId('query-partition'),
    sortGroup: byId('query-sort-group'),
    sortLabel: byId('query-sort-label'),
    sortOperator: byId('query-sort-operator'),
    sortValue: byId('query-sort-value'),
    sortValue2: byId('query-sort-value2'),
    filterName: byId('query-filter-name'),
    filterOperator: byId('query-filter-operator'),
    filterValue: byId('query-filter-value'),
    filterType: byId('query-filter-type'),
    runQuery: byId('query-run'),
    queryToEditor: byId('query-to-editor'),
    editor: byId('item-editor'),
    editorTitle: byId('item-editor-title'),
    formatPlain: byId('item-format-plain'),
    formatDynamo: byId('item-format-dynamo'),
    editorText: byId('item-editor-text'),
    editorNote: byId('item-editor-note'),
    cancel: byId('item-editor-cancel'),
  },
  {
    send: sendFromPage,
    showInEditor: (operation, input) => requestConsole.load(operation, JSON.stringify(input, null, 2)),
  },
);

/**
 * Everything that shows a table's state catches up with the engine; `tableName`, when given,
 * becomes the current table first.
 */
async function refreshPanels(tableName) {
  if (db === null) return;
  if (tableName) currentTable.choose(tableName);
  const names = await tableList.refresh(db);
  const shown = currentTable.setNames(names);
  tableList.markCurrent(shown);
  db.showInHeatView?.(shown);
  byId('heat-view-table').textContent = shown ?? 'no table yet';
  const metrics = await partitionPanel.refresh(db, shown);
  if (metrics) heatSummary.show(metrics);
  else heatSummary.clear(shown === undefined ? 'No table yet.' : 'No figures for this table.');
  await streamPanel.refresh(db, shown);
  await recoveryPanel.refresh(db, shown);
  await regionsPanel.refresh(db, shown);
  await advicePanel.refresh(db);
  await itemBrowser.show(db, shown);
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

/**
 * What the newcomer hints need to be specific: the tables there are, and the description of
 * the table the request names (read directly; these reads are not the user's requests).
 */
async function hintContext(input) {
  const context = {};
  try {
    context.tableNames = (await db.send('ListTables', {})).TableNames;
    if (typeof input?.TableName === 'string' && context.tableNames.includes(input.TableName)) {
      context.tables = [(await db.send('DescribeTable', { TableName: input.TableName })).Table];
    }
  } catch {
    // Hints without context are general, never wrong.
  }
  return context;
}

// Under an error: where the JSON broke (and that line selected in the editor), or a hint for
// the common newcomer mistakes.
async function explainError(result, requestText) {
  if (!result.sent && result.errorName === 'Invalid JSON') {
    const location = jsonErrorLocation(requestText, result.message);
    responsePanel.showLocation(location);
    if (location) requestConsole.markLine(location.line);
    return;
  }
  if (!result.sent) return;
  let input;
  try {
    input = JSON.parse(requestText);
  } catch {
    return;
  }
  responsePanel.showHint(hintFor(result.operation, input, result, await hintContext(input)));
}

const requestConsole = mountRequestConsole(
  {
    form: byId('request-form'),
    operation: byId('operation'),
    request: byId('request'),
    summary: byId('operation-summary'),
    reference: byId('operation-reference'),
    send: byId('send'),
    format: byId('format-request'),
    resetDraft: byId('reset-draft'),
    restoreDraft: byId('restore-draft'),
    progress: byId('simulation-progress'),
    cancel: byId('simulation-cancel'),
  },
  {
    async onResult(result, requestText) {
      responsePanel.show(result);
      if (!result.ok) await explainError(result, requestText);
      if (result.sent) requestHistory.add(result, requestText);
      // Only a success can have created, changed or deleted a table.
      if (result.ok) await refreshPanels(requestTableName(requestText));
    },
    onNote: (text) => {
      byId('console-note').textContent = text;
    },
    // A request loaded from History or another panel is shown where it can be read: the JSON editor.
    onLoad: () => partiqlConsole.showMode('json'),
    region: () => regionChooser.current(),
  },
);

const partiqlConsole = mountPartiqlConsole(
  {
    modes: [...document.querySelectorAll('input[name="console-mode"]')],
    jsonForm: byId('request-form'),
    form: byId('partiql-form'),
    example: byId('partiql-example'),
    summary: byId('partiql-summary'),
    statement: byId('partiql-statement'),
    parameters: byId('partiql-parameters'),
    limit: byId('partiql-limit'),
    send: byId('partiql-send'),
    nextPage: byId('partiql-next-page'),
    pageNote: byId('partiql-page-note'),
  },
  {
    send: (requestText) => requestConsole.send('ExecuteStatement', requestText),
    showProblem: (result) => responsePanel.show(result),
  },
);

mountCopyAs(
  {
    menu: byId('copy-as'),
    panel: byId('code-export'),
    title: byId('code-export-title'),
    code: byId('code-export-code'),
    copy: byId('code-export-copy'),
    close: byId('code-export-close'),
    status: byId('code-export-status'),
  },
  { current: () => ({ ...requestConsole.current(), region: regionChooser.current() }) },
);

const requestHistory = mountRequestHistory(
  { list: byId('history'), empty: byId('history-empty') },
  // A request goes back to the region it was sent in.
  {
    onSelect: (operation, requestText, region) => {
      requestConsole.load(operation, requestText);
      regionChooser.set(region);
    },
  },
);

const scenarios = mountScenarios(
  {
    buttons: [...document.querySelectorAll('[data-scenario]')],
    result: byId('scenario-result'),
  },
  {
    async onDone(tableName, outcome) {
      requestHistory.addGroup(`Scenario ${outcome.title}`, outcome.requests);
      await showTable(tableName);
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
    clear: byId('trigger-clear'),
  },
  // What a trigger writes shows up like any request's effect.
  { onWrite: () => refreshPanels() },
);

mountGuidedTour(
  {
    panel: byId('tour'),
    title: byId('tour-title'),
    text: byId('tour-text'),
    action: byId('tour-action'),
    back: byId('tour-back'),
    next: byId('tour-next'),
    skip: byId('tour-skip'),
    help: byId('help'),
  },
  {
    loadExample: (operation) => {
      requestConsole.load(operation, exampleRequestText(findExample(operation)));
    },
    runScenario: (name) => document.querySelector(`[data-scenario="${name}"]`)?.click(),
    afterClose: () => byId('operation').focus(),
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

// Everything the page does is kept in this browser's IndexedDB, in the workspace the address
// names (the user's own by default, or the one a share link opened).
const storageControls = mountStorageControls({
  banner: byId('storage-banner'),
  message: byId('storage-message'),
  takeOver: byId('take-over'),
  reset: byId('reset-playground'),
  download: byId('download-playground'),
  open: byId('open-playground'),
  file: byId('playground-file'),
});

// The canvas is laid out for the width the page gives it (never scaled), so its text stays sharp
// and readable at any window size; its height follows what the view draws.
function followPanelWidth(db, canvas) {
  const resize = () => db.setHeatViewWidth(canvas.parentElement.clientWidth - 2);
  new ResizeObserver(resize).observe(canvas.parentElement);
  resize();
}

async function createEngineWithHeatView(workspace) {
  const canvas = byId('heat-canvas');
  const persistence = { workspace, takeOver: storageControls.takeOverRequested() };
  if (canvas && webgl2Available()) {
    try {
      const db = await createDynamoDB({
        ...persistence,
        heatView: { canvas, width: canvas.width, height: canvas.height },
      });
      if (db.heatView) {
        const panel = byId('heat-view');
        panel.hidden = false;
        document.body.classList.add('with-heat-view');
        followPanelWidth(db, canvas);
        return db;
      }
    } catch {
      // Fall through to the plain engine module.
    }
  }
  return createDynamoDB(persistence);
}

// A share link in the address: its recipe, checked, or the reason it cannot be opened.
async function readShareLink() {
  if (!isShareFragment(location.hash)) return null;
  const fragment = location.hash.slice(1);
  try {
    return { fragment, recipe: checkRecipe(await decodeShareFragment(fragment)) };
  } catch (error) {
    return { fragment, error };
  }
}

function showShareBanner(text) {
  byId('share-banner').hidden = false;
  byId('share-message').textContent = text;
}

// Rebuilds a shared playground in its own (new) workspace: tables and items through the
// engine's API, then the console's request, the history and the trigger's code, all as text;
// the trigger stays disabled until the user reads it and presses Enable.
async function openSharedPlayground(recipe, workspace) {
  const { TableNames } = await db.send('ListTables', {});
  if (TableNames.length > 0 || db.readOnly) {
    showShareBanner(`This shared playground was opened before, in its own workspace "${workspace}"; it is as you left it. Your own playground is untouched.`);
    return;
  }
  const report = await replayRecipe(db, recipe, {
    onProgress: (done, total) => showEngineStatus('loading', `Opening the shared playground: ${done} of ${total} items`),
  });
  for (const entry of [...(recipe.history ?? [])].reverse()) requestHistory.add({ operation: entry.operation, ok: true, status: null }, entry.request);
  if (recipe.console) requestConsole.load(recipe.console.operation, recipe.console.request, 'The request the link was shared with.');
  if (recipe.trigger) triggerPanel.setCode(recipe.trigger.tableName, recipe.trigger.code);
  // Shared from the PartiQL mode: the statement is what the link opens on.
  if (recipe.partiql) partiqlConsole.load(recipe.partiql);
  const refused = report.failures.length ? ` The engine refused ${report.failures.length} of its requests: ${report.failures.slice(0, 3).join('; ')}.` : '';
  showShareBanner(`Opened a shared playground in its own workspace, "${workspace}": ${counted(report.tables, 'table')}, ${counted(report.items, 'item')}.${refused} Your own playground is untouched.`);
}

async function loadEngine() {
  const started = performance.now();
  const shared = await readShareLink();
  const workspace = shared?.recipe ? await sharedWorkspaceName(shared.fragment) : workspaceFromAddress();
  if (shared) {
    // From now on the address names the workspace: a reload opens it, not the link again.
    history.replaceState(null, '', workspaceAddress(workspace));
  }
  if (shared?.error) showShareBanner(`The link was not opened: ${shared.error.message} This is your own playground.`);
  try {
    db = await createEngineWithHeatView(workspace);
  } catch (error) {
    showEngineStatus('failed', `Engine failed to load: ${error.message}`);
    tableList.showMessage('No engine, so no tables. Reload the page to try again.');
    return;
  }
  const loadMilliseconds = Math.round(performance.now() - started);
  // Lets a reader script the same engine from the browser's devtools console (and tests count
  // the requests the page makes).
  globalThis.playground = { db };
  if (shared?.recipe) await openSharedPlayground(shared.recipe, workspace);
  else if (workspace !== DEFAULT_WORKSPACE) showShareBanner(`This is the workspace "${workspace}". Your own playground is untouched.`);
  await refreshPanels();
  requestConsole.enable(db);
  partiqlConsole.enable();
  scenarios.enable(db);
  triggerPanel.enable(db);
  const restoredText = await storageControls.enable(db);
  await mountWorkspaceSwitcher(byId('workspace'), workspace);
  mountShareDialog(
    {
      button: byId('share-playground'),
      dialog: byId('share-dialog'),
      summary: byId('share-summary'),
      fit: byId('share-fit'),
      link: byId('share-link'),
      copy: byId('share-copy'),
      download: byId('share-download'),
      close: byId('share-close'),
    },
    {
      makeCopy: async () => createDynamoDB({ snapshot: await db.exportSnapshot() }),
      extras: () => {
        const { operation, requestText } = requestConsole.current();
        const partiql = partiqlConsole.current();
        return {
          console: { operation, request: requestText },
          history: requestHistory.entries(),
          trigger: triggerPanel.current(),
          ...(partiql ? { partiql } : {}),
        };
      },
      download: () => byId('download-playground').click(),
    },
  );
  // Announced last, so "ready" means every panel can be used.
  showEngineStatus('ready', restoredText ?? `Engine ready in ${loadMilliseconds} ms`);
}

loadEngine();
