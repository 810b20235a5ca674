// DynamoDB Playground's JavaScript API: an in-process DynamoDB for node and the browser.
//
//   import { createDynamoDB } from './wasm/index.js';
//   const db = await createDynamoDB();
//   await db.send('CreateTable', { TableName: 'Music', ... });
//
// Every request goes through the engine's single entry, handle(target, body), so the JS API,
// the HTTP endpoint and the page behave identically.

import { DynamoDBError, errorFromResponse } from './errors.js';
import { instantiateEngineModule } from './engine_loader.js';
import { StreamTrigger } from './stream_triggers.js';

export { DynamoDBError };

export const DYNAMODB_TARGET_PREFIX = 'DynamoDB_20120810.';
export const STREAMS_TARGET_PREFIX = 'DynamoDBStreams_20120810.';

export class DynamoDB {
  #engine;
  #triggers = new Set();
  #pumpScheduled = false;

  /** Use createDynamoDB(); the constructor takes an instantiated engine. */
  constructor(engine) {
    this.#engine = engine;
  }

  /**
   * Sends one request in DynamoDB's wire form. `target` is the full X-Amz-Target value.
   * Never throws: errors come back as `{ status: 400, body: '{"__type": ...}' }`.
   */
  handle(target, bodyText) {
    const answer = this.#engine._handle(String(target), String(bodyText));
    // Any request may have written: triggers look at their streams once the caller moves on.
    if (this.#triggers.size && !String(target).startsWith(STREAMS_TARGET_PREFIX)) {
      this.#schedulePump();
    }
    return answer;
  }

  /**
   * Runs `handler(event)` for the table's stream records, in the event shape a Lambda function
   * receives from DynamoDB Streams, batch by batch (`batchSize`, default 100), from `LATEST`
   * (default) or `TRIM_HORIZON`. A handler that throws (or rejects) gets the same batch again
   * and holds its shard until it succeeds. Returns the trigger: `stop()` ends delivery,
   * `lastError` is the failure being retried.
   */
  onStream(tableName, handler, options = {}) {
    const trigger = new StreamTrigger(
      (target, body) => this.#engine._handle(target, body),
      tableName,
      handler,
      options,
    );
    this.#triggers.add(trigger);
    const stop = trigger.stop.bind(trigger);
    trigger.stop = () => {
      stop();
      this.#triggers.delete(trigger);
    };
    return trigger;
  }

  /** Resolves once every trigger has handled what the streams hold (or is waiting to retry). */
  async flushStreams() {
    await Promise.all([...this.#triggers].map((trigger) => trigger.pump().catch(() => {})));
  }

  #schedulePump() {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    queueMicrotask(() => {
      this.#pumpScheduled = false;
      for (const trigger of this.#triggers) {
        trigger.pump().catch((error) => {
          trigger.lastError = error;
        });
      }
    });
  }

  /**
   * Runs a DynamoDB operation ("PutItem", "Query", ...) with its input object, resolving to the
   * output object or rejecting with a DynamoDBError whose `name` is DynamoDB's error type.
   * A name with a dot is a full target: "Playground.GetMetrics" runs a playground extension.
   */
  async send(operation, input = {}) {
    const target = operation.includes('.') ? operation : DYNAMODB_TARGET_PREFIX + operation;
    const { status, body } = this.handle(target, JSON.stringify(input));
    if (status !== 200) throw errorFromResponse(status, body);
    return JSON.parse(body);
  }

  /** Frees the engine's wasm memory; the instance cannot be used afterwards. */
  close() {
    for (const trigger of this.#triggers) trigger.stop();
    this.#engine.delete();
  }
}

/**
 * Creates an empty in-process DynamoDB. Each call instantiates its own engine, so tests can
 * start from a clean slate in milliseconds.
 *
 * In the browser, `options.heatView = { canvas, width, height }` loads the page's module instead
 * and starts the Dear ImGui heat view on that canvas; `db.heatView` then says whether it runs
 * (false when the browser has no WebGL2).
 *
 * `options.throttling = false` never refuses a request for capacity (for test suites, which run
 * far faster in process than any client against DynamoDB); the metrics still count what would
 * have been throttled. The same as sending `Playground.Configure {"Throttling": "OFF"}`.
 */
export async function createDynamoDB(options = {}) {
  let db;
  if (options.heatView) {
    const { canvas, width, height } = options.heatView;
    const module = await instantiateEngineModule('page', { canvas });
    const engine = new module._Engine();
    db = new DynamoDB(engine);
    db.heatView = module._startHeatView(engine, width, height);
  } else {
    const module = await instantiateEngineModule('engine');
    db = new DynamoDB(new module._Engine());
  }
  if (options.throttling === false) await db.send('Playground.Configure', { Throttling: 'OFF' });
  return db;
}
