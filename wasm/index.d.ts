/**
 * DynamoDB Playground's JavaScript API: an in-process DynamoDB engine (C++ compiled to
 * WebAssembly) for node 20+ and the browser.
 */

/** Options for createDynamoDB. */
export interface CreateDynamoDBOptions {
  /**
   * Browser only: load the page's module and draw the Dear ImGui heat view (partitions over
   * time, top keys, cost) on this canvas, `width` x `height` CSS pixels.
   */
  heatView?: { canvas: HTMLCanvasElement; width: number; height: number };
}

/** The raw answer of handle(): an HTTP status and DynamoDB's JSON response body. */
export interface RawResponse {
  /** 200 on success, 400 for the caller's errors, 500 for the engine's. */
  status: number;
  /** JSON text: the operation's output, or `{"__type": ..., "message": ...}`. */
  body: string;
}

/** Thrown by `send()`. `handle()` never throws; it returns the error body. */
export declare class DynamoDBError extends Error {
  /** Short name, e.g. "ConditionalCheckFailedException". */
  readonly name: string;
  /** The full `__type` from the response body. */
  readonly type: string;
  /** HTTP status DynamoDB would send (400 or 500). */
  readonly statusCode: number;
}

/** The `X-Amz-Target` prefix of DynamoDB's operations: "DynamoDB_20120810.". */
export declare const DYNAMODB_TARGET_PREFIX: string;

export declare class DynamoDB {
  /**
   * Sends one request in DynamoDB's wire form.
   * @param target the full X-Amz-Target value, e.g. "DynamoDB_20120810.PutItem"
   * @param bodyText the request's JSON text
   */
  handle(target: string, bodyText: string): RawResponse;

  /**
   * Runs a DynamoDB operation with its input object (the same shape as the AWS SDK's
   * low-level `DynamoDBClient` commands, e.g. `PutItemCommandInput`), resolving to the output
   * object. A name with a dot is a full target, e.g. `"Playground.SimulateWorkload"` for the
   * playground's extensions (docs/api-coverage.md).
   * @throws DynamoDBError with DynamoDB's error type as `name` and its message.
   */
  send(operation: string, input?: object): Promise<any>;

  /** Frees the engine's wasm memory; the instance cannot be used afterwards. */
  close(): void;

  /** With `heatView` in the options: whether the heat view runs (false without WebGL2). */
  heatView?: boolean;
}

/** Creates an empty in-process DynamoDB; each call gets its own engine. */
export declare function createDynamoDB(options?: CreateDynamoDBOptions): Promise<DynamoDB>;
