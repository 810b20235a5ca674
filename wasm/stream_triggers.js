// Triggers: the Lambda side of "Streams and triggers". A handler registered with
// db.onStream(table, handler, options) receives the table's stream records in batches, in the
// event shape a Lambda function gets from a DynamoDB event source mapping:
//   { Records: [{ eventID, eventName, eventVersion, eventSource, awsRegion, dynamodb: {...},
//                 eventSourceARN, userIdentity? }] }
// Delivery follows Lambda's rules: in order per shard, parents before children, at least once;
// a handler that throws gets the same batch again and holds its shard until it succeeds, the
// records expire (24 hours on the engine's clock), or, with `maximumRetryAttempts`, the retries
// run out: then, as Lambda does, the batch is reported to `onFailure` (the invocation record an
// on-failure destination receives) and skipped.
//
// The poller reads through the engine's own Streams API (DynamoDBStreams_20120810.*), so it sees
// exactly what any Streams client sees.

const STREAMS = 'DynamoDBStreams_20120810.';
const DEFAULT_BATCH_SIZE = 100;
const RETRY_DELAY_MS = 50;

function call(handle, target, input) {
  const { status, body } = handle(target, JSON.stringify(input));
  const parsed = JSON.parse(body);
  if (status !== 200) {
    const error = new Error(parsed.message ?? parsed.Message ?? '');
    error.name = String(parsed.__type ?? '').split('#').pop();
    throw error;
  }
  return parsed;
}

// A GetRecords record as Lambda delivers it: the stream ARN added, userIdentity in lower case.
function toLambdaRecord(record, streamArn) {
  const out = { ...record, eventSourceARN: streamArn };
  if (record.userIdentity) {
    out.userIdentity = { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId };
  }
  return out;
}

export class StreamTrigger {
  #handle;
  #handler;
  #batchSize;
  #streamArn;
  #lastSequence = new Map(); // shardId -> last delivered sequence number
  #finished = new Set(); // shardIds read to their end
  #running = null;
  #again = false;
  #stopped = false;
  #retryTimer = null;
  #maximumRetryAttempts;
  #onFailure;
  #failedAttempts = 0; // of the batch at the head of the shard
  #failedBatch = null; // { shardId, records } waiting for its retry
  #functionArn;
  /** The error of the last failed attempt, while the shard waits for a retry. */
  lastError = null;

  constructor(
    handle,
    tableName,
    handler,
    {
      batchSize = DEFAULT_BATCH_SIZE,
      startingPosition = 'LATEST',
      maximumRetryAttempts = -1,
      onFailure,
      functionName = 'playground-trigger',
    } = {},
  ) {
    if (typeof handler !== 'function') throw new TypeError('onStream needs a handler function');
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
      throw new RangeError('batchSize must be an integer from 1 to 1000');
    }
    if (startingPosition !== 'LATEST' && startingPosition !== 'TRIM_HORIZON') {
      throw new RangeError('startingPosition must be LATEST or TRIM_HORIZON');
    }
    // Lambda's MaximumRetryAttempts: -1 (retry until the records expire) or 0 to 10,000.
    if (!Number.isInteger(maximumRetryAttempts) || maximumRetryAttempts < -1 || maximumRetryAttempts > 10000) {
      throw new RangeError('maximumRetryAttempts must be -1 (no limit) or an integer from 0 to 10000');
    }
    if (onFailure !== undefined && typeof onFailure !== 'function') throw new TypeError('onFailure must be a function');
    this.#maximumRetryAttempts = maximumRetryAttempts;
    this.#onFailure = onFailure;
    this.#handle = handle;
    this.#handler = handler;
    this.#batchSize = batchSize;
    const table = call(handle, 'DynamoDB_20120810.DescribeTable', { TableName: tableName }).Table;
    if (!table.StreamSpecification?.StreamEnabled) {
      throw new Error(`Table ${tableName} has no enabled stream: set StreamSpecification first`);
    }
    this.#streamArn = table.LatestStreamArn;
    // The function's ARN in the stream's region and account, for the failure records.
    const [, , , region, account] = this.#streamArn.split(':');
    this.#functionArn = `arn:aws:lambda:${region}:${account}:function:${functionName}`;
    if (startingPosition === 'LATEST') this.#skipExistingRecords();
  }

  get streamArn() {
    return this.#streamArn;
  }

  /** Stops delivery; a batch already handed over finishes. */
  stop() {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  /**
   * Delivers what the stream holds now; resolves when caught up or blocked by a failure. While
   * a failed batch waits for its retry, nothing is delivered.
   */
  pump() {
    if (this.#stopped || this.#retryTimer) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        await this.#deliverAvailable();
      } while (this.#again && !this.#stopped && !this.#retryTimer);
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  #shards() {
    return call(this.#handle, STREAMS + 'DescribeStream', { StreamArn: this.#streamArn })
      .StreamDescription.Shards;
  }

  #iterator(shardId) {
    const last = this.#lastSequence.get(shardId);
    const input = { StreamArn: this.#streamArn, ShardId: shardId };
    if (last) Object.assign(input, { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: last });
    else input.ShardIteratorType = 'TRIM_HORIZON';
    try {
      return call(this.#handle, STREAMS + 'GetShardIterator', input).ShardIterator;
    } catch (error) {
      // Records past retention are gone; Lambda moves on to what is left.
      if (error.name !== 'TrimmedDataAccessException') throw error;
      this.#lastSequence.delete(shardId);
      return this.#iterator(shardId);
    }
  }

  // LATEST: what the stream already holds is not delivered.
  #skipExistingRecords() {
    for (const shard of this.#shards()) {
      let iterator = this.#iterator(shard.ShardId);
      while (iterator) {
        const page = call(this.#handle, STREAMS + 'GetRecords', { ShardIterator: iterator });
        const records = page.Records;
        if (records.length) this.#lastSequence.set(shard.ShardId, records.at(-1).dynamodb.SequenceNumber);
        if (!page.NextShardIterator) this.#finished.add(shard.ShardId);
        if (!records.length) break;
        iterator = page.NextShardIterator;
      }
    }
  }

  #retriesExhausted() {
    this.#failedAttempts++;
    return this.#maximumRetryAttempts >= 0 && this.#failedAttempts > this.#maximumRetryAttempts;
  }

  // The same batch comes again; nothing after it is delivered meanwhile.
  #scheduleRetry() {
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.pump().catch((retryError) => {
        this.lastError = retryError;
      });
    }, RETRY_DELAY_MS);
    this.#retryTimer.unref?.();
  }

  // What Lambda sends an on-failure destination for a stream batch whose retries ran out.
  #reportFailure(error, shardId, records) {
    const attempts = this.#failedAttempts;
    this.#failedAttempts = 0;
    const first = records[0].dynamodb;
    const last = records.at(-1).dynamodb;
    // Arrival times to the second, as Lambda writes them ("2019-11-14T00:13:19Z").
    const arrival = (seconds) => new Date(Math.floor(seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const invocation = {
      requestContext: {
        requestId: crypto.randomUUID(),
        functionArn: this.#functionArn,
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: attempts,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: new Date().toISOString(),
      DDBStreamBatchInfo: {
        shardId,
        startSequenceNumber: first.SequenceNumber,
        endSequenceNumber: last.SequenceNumber,
        approximateArrivalOfFirstRecord: arrival(first.ApproximateCreationDateTime),
        approximateArrivalOfLastRecord: arrival(last.ApproximateCreationDateTime),
        batchSize: records.length,
        streamArn: this.#streamArn,
      },
    };
    try {
      this.#onFailure?.(invocation, error);
    } catch {
      // A destination that fails loses the report, never the stream's progress.
    }
  }

  async #deliverAvailable() {
    let shards;
    try {
      shards = this.#shards();
    } catch {
      return; // the stream expired
    }
    // DescribeStream lists a chain's parents before their children.
    for (const shard of shards) {
      if (this.#finished.has(shard.ShardId)) continue;
      let iterator = this.#iterator(shard.ShardId);
      while (iterator && !this.#stopped) {
        // A batch being retried comes again exactly as it failed: records written since wait
        // behind it, as on Lambda, and are never skipped with it.
        const retried = this.#failedBatch?.shardId === shard.ShardId ? this.#failedBatch.records : null;
        const page = retried
          ? null
          : call(this.#handle, STREAMS + 'GetRecords', { ShardIterator: iterator, Limit: this.#batchSize });
        const records = retried ?? page.Records;
        if (records.length) {
          const event = { Records: records.map((record) => toLambdaRecord(record, this.#streamArn)) };
          try {
            await this.#handler(event);
            this.lastError = null;
            this.#failedAttempts = 0;
          } catch (error) {
            this.lastError = error;
            if (this.#retriesExhausted()) {
              this.#reportFailure(error, shard.ShardId, records);
              this.lastError = null; // skipped: nothing is waiting for a retry
            } else {
              this.#failedBatch = { shardId: shard.ShardId, records };
              this.#scheduleRetry();
              return;
            }
          }
          this.#failedBatch = null;
          this.#lastSequence.set(shard.ShardId, records.at(-1).dynamodb.SequenceNumber);
        }
        if (retried) {
          // Carry on from just after the batch.
          iterator = this.#iterator(shard.ShardId);
          continue;
        }
        if (!page.NextShardIterator) {
          this.#finished.add(shard.ShardId);
          break;
        }
        if (!records.length) return; // caught up with the open shard
        iterator = page.NextShardIterator;
      }
    }
  }
}
