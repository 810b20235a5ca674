/** DynamoDB Playground's HTTP endpoint, for suites (and clients) that want a URL. */
import type { DynamoDB } from './index.js';

export interface StartServerOptions {
  /** TCP port; 0 picks a free one (read it from the result). Default 8000. */
  port?: number;
  /** Interface to bind (default '127.0.0.1'; '0.0.0.0' exposes it to the network). */
  host?: string;
  /** The engine serving every request; a fresh one is created (and closed with the server) when not given. */
  db?: DynamoDB;
  /** Directory whose files GET requests serve (the repository root serves the page); without it every GET answers DynamoDB's health check. */
  staticRoot?: string;
  /** false: the fresh engine never refuses a request for capacity (`--no-throttling`). Default true. */
  throttling?: boolean;
  /** Keep the fresh engine's state in this directory (`--data-dir`), restored first. */
  dataDir?: string;
  /** Start the fresh engine from an exported playground (`--import`); with `dataDir`, the directory must be new. */
  snapshot?: Uint8Array | ArrayBuffer;
  /** With `dataDir`: when the journal folds into a new snapshot (default 16 MiB). */
  compactAfterBytes?: number;
}

export interface RunningServer {
  /** The endpoint for `--endpoint-url` or the AWS SDK's `endpoint`, e.g. "http://localhost:8000". */
  url: string;
  port: number;
  /** The engine behind the endpoint (send it Playground.* requests, export it, reset it). */
  db: DynamoDB;
  /** Stops listening, and closes the engine if the server created it. */
  close(): Promise<void>;
}

/**
 * Starts the endpoint and resolves once it is listening. Rejects with the listen error (code
 * 'EADDRINUSE' when the port is taken).
 */
export declare function startServer(options?: StartServerOptions): Promise<RunningServer>;
