// <ddb-playground>: a live mini playground inside any static page (a tutorial, a blog post).
// It shows a request editor with a prefilled request, Send, the response with its consumed
// capacity and, with the `heat` attribute, a small heat strip of the table's partitions; with
// the `stream` attribute, the records of the table's stream; with a `data-trigger` child, the
// Lambda function the stream would invoke (shown, not run: the full page runs it once enabled).
//
//   <script type="module" src="/web/embed/ddb-playground.js"></script>
//   <ddb-playground operation="Query" heat>
//     <script type="application/json" data-setup>[{"operation": "CreateTable", "input": {...}}]</script>
//     <script type="application/json" data-request>{"TableName": "Music", ...}</script>
//   </ddb-playground>
//
// Requests are served in the home region, us-east-1, unless told otherwise (docs/global-tables.md):
// a set-up step with `"region": "eu-west-1"` is sent in that region, and the attribute
// `region="eu-west-1"` sends the editor's request there (the bar shows the region beside the
// operation) and reads the heat strip and the stream of that region's replica. A share link
// holds no replicas, so "Open in playground" carries a global table as a regional one.
//
// Each embed has its own in-memory engine (embeds on one page never see each other's tables);
// the page loads the wasm module once, and only when the first embed scrolls into view. It runs
// from static files with no CDN and needs no special headers. "Open in playground" carries the
// embed's state to the full page as a share link, which opens in a workspace of its own.

import { describeResponseCapacity } from '../js/consumed_capacity.js';
import { encodeShareFragment } from '../js/share_codec.js';
import { captureRecipe } from '../js/share_recipe.js';
import { drawHeatStrip } from './heat_strip.js';
import { createStreamView } from './stream_view.js';
import { createTriggerView, readTriggerCode } from './trigger_view.js';

const ENGINE = new URL('../../wasm/index.js', import.meta.url);
const PLAYGROUND = new URL('../index.html', import.meta.url);

const STYLE = `
:host { display: block; margin: 1em 0; font: 14px/1.45 system-ui, sans-serif; color: #1c2430; }
.box { border: 1px solid #d8dde3; border-radius: 6px; padding: 10px 12px; background: #fff; }
.bar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 6px; }
.operation { font-weight: 600; }
.region { padding: 0 6px; border-radius: 3px; background: #e8eef6; font-size: 12px; }
textarea { box-sizing: border-box; width: 100%; min-height: 8em; font: 13px ui-monospace, monospace; }
pre { max-height: 16em; overflow: auto; margin: 6px 0 0; padding: 8px; background: #f4f6f8; font-size: 12px; }
.capacity { margin: 6px 0 0; font-weight: 600; }
.error { color: #b42318; }
canvas { display: block; width: 100%; margin-top: 6px; background: #1c1f26; }
button { font: inherit; }
.status { color: #5f6b7a; font-size: 12px; }
.stream p, figcaption { margin: 8px 0 0; color: #5f6b7a; font-size: 12px; }
.stream ol { list-style: none; margin: 4px 0 0; padding: 0; font: 12px/1.4 ui-monospace, monospace; }
.stream li { margin-top: 3px; padding: 3px 8px; border-left: 3px solid #5f6b7a; background: #f4f6f8; }
.stream li.insert { border-left-color: #2e7d32; }
.stream li.modify { border-left-color: #b26a00; }
.stream li.remove { border-left-color: #b42318; }
.stream .image, .stream .identity { display: block; white-space: pre-wrap; overflow-wrap: anywhere; }
.trigger { margin: 0; }
.trigger pre { max-height: 24em; }
figcaption strong { color: #1c2430; }
`;

function childJson(host, selector, fallback) {
  const element = host.querySelector(`:scope > script[type="application/json"][${selector}]`);
  if (!element) return fallback;
  return JSON.parse(element.textContent);
}

// One engine module for the page, loaded on first use.
let engineModule = null;
const loadEngine = () => (engineModule ??= import(ENGINE.href));

class DdbPlayground extends HTMLElement {
  #db = null;
  #ready = null;
  #parts = {};
  // The region the editor's request, the heat strip and the stream are served in ('' is the
  // home region, us-east-1).
  #region = '';

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const box = document.createElement('div');
    box.className = 'box';
    const bar = document.createElement('div');
    bar.className = 'bar';
    const operation = document.createElement('span');
    operation.className = 'operation';
    operation.textContent = this.getAttribute('operation') ?? 'Query';
    this.#region = this.getAttribute('region') ?? '';
    const region = document.createElement('span');
    region.className = 'region';
    region.setAttribute('part', 'region');
    region.textContent = `in ${this.#region}`;
    region.hidden = this.#region === '';
    const send = this.#button('Send', 'send');
    const open = this.#button('Open in playground', 'open');
    const status = document.createElement('span');
    status.className = 'status';
    status.setAttribute('role', 'status');
    status.textContent = 'Loads when scrolled into view.';
    bar.append(operation, region, send, open, status);
    const editor = document.createElement('textarea');
    editor.spellcheck = false;
    const where = this.#region === '' ? '' : ` in ${this.#region}`;
    editor.setAttribute('aria-label', `${operation.textContent} request${where} (DynamoDB JSON)`);
    let request = {};
    try {
      request = childJson(this, 'data-request', {});
    } catch (error) {
      status.textContent = `The embed's request is not JSON: ${error.message}`;
    }
    editor.value = JSON.stringify(request, null, 2);
    const capacity = document.createElement('p');
    capacity.className = 'capacity';
    capacity.setAttribute('part', 'capacity');
    const response = document.createElement('pre');
    response.setAttribute('part', 'response');
    response.hidden = true;
    box.append(bar, editor, capacity, response);
    let heat = null;
    if (this.hasAttribute('heat')) {
      heat = document.createElement('canvas');
      heat.setAttribute('role', 'img');
      box.append(heat);
    }
    const stream = this.hasAttribute('stream') ? createStreamView() : null;
    if (stream) box.append(stream.element);
    const triggerCode = readTriggerCode(this);
    if (triggerCode !== null) box.append(createTriggerView(triggerCode, this.#tableName(editor)));
    root.append(style, box);
    this.#parts = { operation, send, open, status, editor, capacity, response, heat, stream, triggerCode };
    send.disabled = true;
    open.disabled = true;
    send.addEventListener('click', () => this.send());
    open.addEventListener('click', () => this.openInPlayground());
    editor.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.send();
      }
    });
    // The engine loads when the embed is about to be seen, not with the page.
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        this.ready();
      }
    }, { rootMargin: '200px' });
    observer.observe(this);
  }

  // The engine as seen from the embed's region: the editor's request, the heat strip and the
  // stream go through it.
  get #regional() {
    const region = this.#region;
    return { send: (operation, input) => this.#db.send(operation, input, { region }) };
  }

  #button(text, name) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.setAttribute('part', name);
    return button;
  }

  /** Resolves once this embed's engine is loaded and its set-up requests have run. */
  ready() {
    this.#ready ??= this.#start();
    return this.#ready;
  }

  async #start() {
    const { status, send, open } = this.#parts;
    status.textContent = 'Loading…';
    try {
      const { createDynamoDB } = await loadEngine();
      this.#db = await createDynamoDB({ throttling: this.hasAttribute('no-throttling') ? false : undefined });
      if (this.hasAttribute('virtual-clock')) await this.#db.send('Playground.SetClock', { Mode: 'VIRTUAL' });
      for (const step of childJson(this, 'data-setup', [])) {
        await this.#db.send(step.operation, step.input ?? {}, { region: step.region ?? '' });
      }
      status.textContent = 'Ready.';
      send.disabled = false;
      open.disabled = false;
      await this.#showTable();
      this.dataset.state = 'ready';
    } catch (error) {
      status.textContent = `Could not start: ${error.name}: ${error.message}`;
      this.dataset.state = 'failed';
    }
  }

  /** Sends the editor's request; the response (or DynamoDB's error) shows under it. */
  async send() {
    await this.ready();
    const { operation, editor, capacity, response, send, status } = this.#parts;
    if (this.#db === null) {
      // The engine did not start: the status line already says why; Send says it again.
      response.hidden = false;
      response.className = 'error';
      response.textContent = status.textContent;
      this.dispatchEvent(new CustomEvent('response'));
      return;
    }
    send.disabled = true;
    response.hidden = false;
    try {
      const output = await this.#regional.send(operation.textContent, JSON.parse(editor.value));
      response.className = '';
      response.textContent = JSON.stringify(output, null, 2);
      capacity.textContent = `Consumed capacity: ${describeResponseCapacity(operation.textContent, output)}`;
    } catch (error) {
      response.className = 'error';
      response.textContent = `${error.name}: ${error.message}`;
      capacity.textContent = '';
    } finally {
      send.disabled = false;
    }
    await this.#showTable();
    this.dispatchEvent(new CustomEvent('response'));
  }

  // The table the heat strip, the stream and the trigger are about: the `table` attribute, or
  // the one the editor's request names (null when it names none or is not JSON).
  #tableName(editor = this.#parts.editor) {
    const named = this.getAttribute('table');
    if (named !== null) return named;
    try {
      return JSON.parse(editor.value)?.TableName ?? null;
    } catch {
      return null;
    }
  }

  // Redraws what the embed shows of its table besides the response, after set-up and each Send.
  async #showTable() {
    await this.#drawHeat();
    await this.#parts.stream?.refresh(this.#regional, this.#tableName());
  }

  async #drawHeat() {
    const { heat } = this.#parts;
    if (!heat) return;
    try {
      drawHeatStrip(heat, await this.#regional.send('Playground.GetMetrics', { TableName: this.#tableName() }));
    } catch {
      heat.setAttribute('aria-label', 'No table to show yet.');
    }
  }

  /**
   * Opens the full playground with this embed's tables, items and request, and its trigger's
   * code (which the page loads disabled, to run once the reader presses Enable), in a new tab.
   */
  async openInPlayground() {
    await this.ready();
    const { operation, editor, triggerCode } = this.#parts;
    const extras = { console: { operation: operation.textContent, request: editor.value } };
    if (triggerCode !== null) extras.trigger = { tableName: this.#tableName() ?? '', code: triggerCode };
    const copy = await (await loadEngine()).createDynamoDB({ snapshot: await this.#db.exportSnapshot() });
    try {
      const recipe = await captureRecipe(copy, extras);
      const url = new URL(this.getAttribute('playground') ?? PLAYGROUND.href, location.href);
      url.hash = await encodeShareFragment(recipe);
      window.open(url.href, '_blank', 'noopener');
    } finally {
      await copy.close();
    }
  }
}

customElements.define('ddb-playground', DdbPlayground);
