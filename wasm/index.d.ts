/**
 * DynamoDB Playground's JavaScript API: an in-process DynamoDB engine (C++ compiled to
 * WebAssembly) for node 20+ and the browser.
 */

import type { InputOf, OutputOf } from './operations.js';
export type * from './operations.js';

/** Options for createDynamoDB. */
export interface CreateDynamoDBOptions {
  /**
   * Browser only: load the page's module and draw the Dear ImGui heat view (partitions over
   * time, top keys, cost) on this canvas, `width` x `height` CSS pixels.
   */
  heatView?: { canvas: HTMLCanvasElement; width: number; height: number };
  /**
   * false: never refuse a request for capacity (no ThrottlingException or
   * ProvisionedThroughputExceededException, and no transaction cancelled with a ThrottlingError
   * or ProvisionedThroughputExceeded reason); GetMetrics and the heat view still count what
   * would have been throttled. Default true, as DynamoDB. Same as
   * `Playground.Configure {"Throttling": "OFF"}`.
   */
  throttling?: boolean;
  /**
   * Node only: keep the playground in this directory (created if needed). What it holds is
   * restored first (see `DynamoDB.restored`); every change is written and fsynced before its
   * request resolves. One process at a time may open a directory; a second gets an error naming
   * the first one's PID. Without a path nothing touches the disk.
   */
  path?: string;
  /**
   * Browser only: keep the playground in IndexedDB under this workspace name (the page uses
   * "default"). Restored first; every change is committed (`durability: 'strict'`) before its
   * request resolves. One tab writes a workspace (Web Locks); in the others `readOnly` is true.
   */
  workspace?: string;
  /**
   * The bytes of `db.exportSnapshot()` (or a file the page downloaded): start from that
   * playground. All or nothing: a file that is not an export or is damaged is refused. With
   * `path`, the directory must be new; not with `workspace` (use `db.importSnapshot()`).
   */
  snapshot?: Uint8Array | ArrayBuffer;
  /** With `workspace`: take the writer's lock from the tab that holds it (that tab turns read-only). */
  takeOver?: boolean;
  /**
   * With `path` or `workspace`: fold the journal into a new snapshot once it is larger than
   * this many bytes and than the last snapshot (default 16 MiB). See `DynamoDB.compact()`.
   */
  compactAfterBytes?: number;
}

/** What `createDynamoDB({ path })` or `createDynamoDB({ workspace })` restored. */
export interface RestoreSummary {
  /** The data directory, absolute (node). */
  path?: string;
  /** The IndexedDB workspace (browser). */
  workspace?: string;
  /** Browser: the stored snapshot or journal could not be read; both were left as they are. */
  unreadable?: boolean;
  /** The snapshot the journal continues, when there is one (after a compaction or an import). */
  snapshot?: { tables: number; items: number };
  /** Changes replayed from its journal. */
  records: number;
  milliseconds: number;
  /** When the journal's end could not be read (a write cut short): what, and where the unread bytes were kept. */
  damage?: string;
  damagedCopy?: string;
}

/** The raw answer of handle(): an HTTP status and DynamoDB's JSON response body. */
export interface RawResponse<Body extends string | Uint8Array = string> {
  /** 200 on success, 400 for the caller's errors, 500 for the engine's. */
  status: number;
  /**
   * JSON text: the operation's output, or `{"__type": ..., "message": ...}` (its UTF-8 bytes
   * when handle() was asked for bytes).
   */
  body: Body;
  /**
   * Persistent playgrounds only, on a request that changed something (or any answer while
   * changes are still being stored, since it may show them): resolves once they are stored,
   * rejects if they could not be. Send the answer only after it.
   */
  durable?: Promise<void>;
}

/** Thrown by `send()`. `handle()` never throws; it returns the error body. */
export declare class DynamoDBError extends Error {
  /** Short name, e.g. "ConditionalCheckFailedException". */
  readonly name: string;
  /** The full `__type` from the response body. */
  readonly type: string;
  /** HTTP status DynamoDB would send (400 or 500). */
  readonly statusCode: number;
  /** As the AWS SDK v3's exceptions: "client" for a 4xx, "server" for a 5xx. */
  readonly $fault: 'client' | 'server';
  /** As the AWS SDK v3's exceptions (no request id in process). */
  readonly $metadata: { httpStatusCode: number; attempts: number; totalRetryDelay: number };
  /** ConditionalCheckFailedException with ReturnValuesOnConditionCheckFailure ALL_OLD: the item. */
  readonly Item?: Record<string, any>;
  /** TransactionCanceledException: one reason per action, in order. */
  readonly CancellationReasons?: { Code: string; Message?: string; Item?: Record<string, any> }[];
  /** ProvisionedThroughputExceededException: why, and the resource. */
  readonly ThrottlingReasons?: { reason: string; resource: string }[];
  /** ThrottlingException (on-demand): why, and the resource. */
  readonly throttlingReasons?: { reason: string; resource: string }[];
}

/** The DynamoDB operations the engine answers (docs/api-coverage.md). */
export type DynamoDBOperation =
  | 'CreateTable' | 'DescribeTable' | 'ListTables' | 'UpdateTable' | 'DeleteTable'
  | 'PutItem' | 'GetItem' | 'UpdateItem' | 'DeleteItem' | 'Query' | 'Scan'
  | 'BatchGetItem' | 'BatchWriteItem' | 'TransactGetItems' | 'TransactWriteItems'
  | 'ExecuteStatement' | 'BatchExecuteStatement' | 'ExecuteTransaction'
  | 'UpdateTimeToLive' | 'DescribeTimeToLive'
  | 'TagResource' | 'UntagResource' | 'ListTagsOfResource'
  | 'CreateBackup' | 'DescribeBackup' | 'ListBackups' | 'DeleteBackup' | 'RestoreTableFromBackup'
  | 'UpdateContinuousBackups' | 'DescribeContinuousBackups' | 'RestoreTableToPointInTime'
  | 'ExportTableToPointInTime' | 'DescribeExport' | 'ListExports' | 'ImportTable' | 'DescribeImport' | 'ListImports'
  | 'UpdateContributorInsights' | 'DescribeContributorInsights' | 'ListContributorInsights'
  | 'ListGlobalTables';
/** The DynamoDB Streams operations. */
export type StreamsOperation = 'ListStreams' | 'DescribeStream' | 'GetShardIterator' | 'GetRecords';
/** The playground's own operations. */
export type PlaygroundOperation =
  | 'SetClock' | 'AdvanceClock' | 'Configure' | 'GetMetrics' | 'EstimateCost' | 'SimulateWorkload' | 'Reset'
  | 'Advise' | 'ListObjects' | 'GetObject' | 'PutObject' | 'DescribeReplication';
/** What `send()` takes: an operation's name, or a full target with its prefix. */
export type Operation =
  | DynamoDBOperation
  | `DynamoDB_20120810.${DynamoDBOperation}`
  | `DynamoDBStreams_20120810.${StreamsOperation}`
  | `Playground.${PlaygroundOperation}`;

/** The `X-Amz-Target` prefix of DynamoDB's operations: "DynamoDB_20120810.". */
export declare const DYNAMODB_TARGET_PREFIX: string;
/** The `X-Amz-Target` prefix of the DynamoDB Streams API: "DynamoDBStreams_20120810.". */
export declare const STREAMS_TARGET_PREFIX: string;

/** One stream record as a Lambda function receives it from DynamoDB Streams. */
export interface DynamoDBStreamRecord {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion: string;
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  eventSourceARN: string;
  dynamodb: {
    ApproximateCreationDateTime: number;
    Keys: Record<string, any>;
    NewImage?: Record<string, any>;
    OldImage?: Record<string, any>;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
  };
  /** Present on deletes by Time to Live: `{ type: "Service", principalId: "dynamodb.amazonaws.com" }`. */
  userIdentity?: { type: string; principalId: string };
}

export interface DynamoDBStreamEvent {
  Records: DynamoDBStreamRecord[];
}

export interface StreamTriggerOptions {
  /** Records per batch, 1 to 1000 (default 100). */
  batchSize?: number;
  /** Where delivery starts: new records only (`LATEST`, default) or all kept (`TRIM_HORIZON`). */
  startingPosition?: 'LATEST' | 'TRIM_HORIZON';
  /**
   * Lambda's MaximumRetryAttempts: -1 (default) retries a failing batch until its records
   * expire; 0 to 10000 gives up after that many retries, reports the batch to `onFailure` and
   * skips it.
   */
  maximumRetryAttempts?: number;
  /** Receives the invocation record Lambda sends an on-failure destination, and the error. */
  onFailure?: (invocation: StreamFailureRecord, error: unknown) => void;
  /** The function's name in the failure records' functionArn (default "playground-trigger"). */
  functionName?: string;
}

/** What Lambda sends an on-failure destination when a stream batch's retries run out. */
export interface StreamFailureRecord {
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: 'RetryAttemptsExhausted';
    approximateInvokeCount: number;
  };
  responseContext: { statusCode: 200; executedVersion: '$LATEST'; functionError: 'Unhandled' };
  version: '1.0';
  timestamp: string;
  DDBStreamBatchInfo: {
    shardId: string;
    startSequenceNumber: string;
    endSequenceNumber: string;
    approximateArrivalOfFirstRecord: string;
    approximateArrivalOfLastRecord: string;
    batchSize: number;
    streamArn: string;
  };
}

export interface StreamTrigger {
  readonly streamArn: string;
  /** The failure whose batch is waiting to be retried, or null. */
  readonly lastError: unknown;
  /** Ends delivery. */
  stop(): void;
}

export declare class DynamoDB {
  /**
   * Sends one request in DynamoDB's wire form.
   * @param target the full X-Amz-Target value, e.g. "DynamoDB_20120810.PutItem"
   * @param bodyText the request's JSON text
   * @param region the region it is served in (a global table's replica there answers for its
   *   name); '' or omitted: the home region, us-east-1
   * @param options `bytes: true` answers the body as its UTF-8 bytes instead of text (what an
   *   HTTP server sends as it is); `bytes` may instead be a function giving the array, exactly
   *   `length` long, the bytes are copied into (a pooled buffer, say)
   */
  handle(target: string, bodyText: string | Uint8Array, region?: string): RawResponse;
  handle(target: string, bodyText: string | Uint8Array, region: string, options: { bytes: true | ((length: number) => Uint8Array) }): RawResponse<Uint8Array>;

  /**
   * As `handle()`, resolving once everything the answer may show is stored (at once in memory);
   * when it could not be stored, the answer is that InternalServerError.
   */
  handleDurable(target: string, bodyText: string | Uint8Array, region?: string): Promise<RawResponse>;
  handleDurable(target: string, bodyText: string | Uint8Array, region: string, options: { bytes: true | ((length: number) => Uint8Array) }): Promise<RawResponse<Uint8Array>>;

  /**
   * Runs a DynamoDB operation with its input object (DynamoDB's JSON: the AWS SDK's low-level
   * `DynamoDBClient` command inputs, with binaries as base64), resolving to the output object;
   * both are typed per operation (wasm/operations.d.ts). A name with a dot is a full target, e.g. `"Playground.SimulateWorkload"` for the
   * playground's extensions (docs/api-coverage.md).
   * `options.region` serves it in that region (docs/global-tables.md).
   * @throws DynamoDBError with DynamoDB's error type as `name` and its message.
   */
  send<Name extends Operation>(
    operation: Name,
    input?: InputOf<Name>,
    options?: { region?: string },
  ): Promise<OutputOf<Name>>;

  /**
   * Delivers the table's stream records to `handler` in batches shaped like a Lambda event,
   * in order per shard, at least once: a handler that throws gets the same batch again and
   * holds its shard until it succeeds. The table must have a stream enabled.
   */
  onStream(
    tableName: string,
    handler: (event: DynamoDBStreamEvent) => void | Promise<void>,
    options?: StreamTriggerOptions,
  ): StreamTrigger;

  /** Resolves once every trigger has handled what the streams hold, or is waiting to retry. */
  flushStreams(): Promise<void>;

  /**
   * Frees the engine's wasm memory; the instance cannot be used afterwards. A persistent
   * playground first stores what it was given and unlocks its directory.
   */
  close(): Promise<void>;

  /** With `path` or `workspace` in the options: what was restored. */
  restored?: RestoreSummary;

  /**
   * With `workspace`: true while another tab writes it. Changes are then refused with
   * AccessDeniedException; reads are served.
   */
  readonly readOnly: boolean;
  /**
   * An HTTP handler for the AWS SDK for JavaScript v3 that answers in this process:
   * `new DynamoDBClient({ region, credentials, requestHandler: db.requestHandler() })` needs no
   * endpoint and no network (also DynamoDBStreamsClient, and DynamoDBDocumentClient on top).
   */
  requestHandler(): {
    handle(request: { method: string; headers: Record<string, string>; body?: string | Uint8Array }): Promise<{
      response: { statusCode: number; reason: string; headers: Record<string, string>; body: Uint8Array };
    }>;
    updateHttpClientConfig(key: string, value: unknown): void;
    httpHandlerConfigs(): Record<string, unknown>;
  };

  /**
   * Empties an in-memory playground as a new one would be (the createDynamoDB options still
   * apply); rejects for a persistent one.
   */
  reset(): Promise<void>;

  /** The whole playground as one file's bytes, for `createDynamoDB({ snapshot })`. */
  exportSnapshot(): Promise<Uint8Array>;
  /**
   * Persistent playgrounds: fold the journal into a new snapshot now, so the next open restores
   * it instead of replaying every change (it also happens by itself; see `compactAfterBytes`).
   * Nothing to do in memory.
   */
  compact(): Promise<void>;
  /** With `workspace`: replaces what is stored with `snapshot` (checked first; reload afterwards). */
  importSnapshot?: (snapshot: Uint8Array | ArrayBuffer) => Promise<void>;
  /** With `workspace`: deletes what is stored for it (the page reloads afterwards). */
  resetWorkspace?: () => Promise<void>;
  /**
   * Called once, with the error, when a change could not be stored (a full disk, site data
   * cleared in the browser): from then on every request gets InternalServerError.
   */
  onStorageFailure: (error: Error) => void;
  /** With `workspace`: called when another tab takes the writer's lock from this one. */
  onReadOnly?: () => void;

  /** With `heatView` in the options: whether the heat view runs (false without WebGL2). */
  heatView?: boolean;
  /** While the heat view runs: the table it draws ('' or undefined for none). */
  showInHeatView?(tableName: string | undefined): void;
  /** While the heat view runs: the canvas width in CSS pixels; its height follows the content. */
  setHeatViewWidth?(cssPixels: number): void;
}

/**
 * Creates an empty in-process DynamoDB; each call gets its own engine. Engines without a heat
 * view share one wasm module instance per process, so every call after the first takes about
 * 0.1 ms.
 */
export declare function createDynamoDB(options?: CreateDynamoDBOptions): Promise<DynamoDB>;
