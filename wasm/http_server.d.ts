/** DynamoDB Playground's HTTP endpoint, for suites (and clients) that want a URL. */
import type { DynamoDB } from './index.js';

export interface StartServerOptions {
  /** TCP port; 0 picks a free one (read it from the result). Default 8000. */
  port?: number;
  /** Interface to bind (default '127.0.0.1'; '0.0.0.0' exposes it to the network). */
  host?: string;
  /** The engine serving every request; a fresh one is created (and closed with the server) when not given. */
  db?: DynamoDB;
  /** Directory whose files GET requests serve (the repository root serves the page); without it GET / answers DynamoDB's health check and other paths 404. */
  staticRoot?: string;
  /** false: the fresh engine never refuses a request for capacity (`--no-throttling`). Default true. */
  throttling?: boolean;
  /** Keep the fresh engine's state in this directory (`--data-dir`), restored first. */
  dataDir?: string;
  /** Start the fresh engine from an exported playground (`--import`); with `dataDir`, the directory must be new. */
  snapshot?: Uint8Array | ArrayBuffer;
  /** With `dataDir`: when the journal folds into a new snapshot (default 16 MiB). */
  compactAfterBytes?: number;
  /**
   * Check SigV4 signatures (`--credentials FILE`): every DynamoDB request must be signed with one
   * of these access keys, or it is refused with DynamoDB's error (MissingAuthenticationTokenException,
   * UnrecognizedClientException, InvalidSignatureException for a wrong secret or a date more than
   * 15 minutes off, IncompleteSignatureException). An empty list refuses every request. The health
   * check, CORS preflights and the page's files need no signature. Default: not checked, any
   * credentials work.
   */
  credentials?: Iterable<AccessKey>;
}

/** One access key the endpoint accepts; the shape of the AWS SDK's credentials. */
export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
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

/**
 * Reads a credentials file for `credentials`: `ACCESS_KEY_ID:SECRET_ACCESS_KEY` lines (blank
 * lines and `#` comments skipped), or an AWS CLI credentials file (`[profile]` sections with
 * `aws_access_key_id` and `aws_secret_access_key`). Rejects with the read error, or with an
 * Error naming the file and line for a line it cannot read, a profile missing one of its keys, a
 * key id listed with two secrets, or a file listing no key.
 */
export declare function readCredentialsFile(path: string): Promise<AccessKey[]>;

/** The largest request body accepted, in bytes (16 MiB), after inflating a compressed one; larger gets 413. */
export declare const MAX_REQUEST_BODY_BYTES: number;

/** The most bytes of request line and headers read (16 KiB); more is answered 400. */
export declare const MAX_REQUEST_HEADER_BYTES: number;
