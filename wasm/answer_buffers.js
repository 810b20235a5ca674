// Buffers the HTTP endpoint copies the engine's answers into, used again once an answer is sent.
//
// A fresh buffer per answer (100 KB a Query, 1 MB a Scan page) is garbage as soon as it is sent,
// and V8 frees such buffers only when a collection runs: under load tens of megabytes of sent
// answers waited for one, a quarter of the endpoint's resident memory (issue #15). An answer's
// buffer comes back here when node has handed its last byte to the kernel ('finish'), so the same
// few buffers carry every answer.

/** Answers shorter than this come from node's own small-buffer pool. */
const MIN_POOLED_BYTES = 16 * 1024;
/** The largest answer DynamoDB makes: a BatchGetItem's 16 MB. */
const MAX_POOLED_BYTES = 16 * 1024 * 1024;
/**
 * At most this many bytes wait here between answers. On a fast network an answer is handed to
 * the kernel as it is sent, so one buffer of a size serves them all; more wait here only after
 * slow clients held many at once.
 */
const MAX_KEPT_BYTES = 32 * 1024 * 1024;

/**
 * A pool of answer buffers. `take(length)` gives a Buffer of exactly `length` bytes (a view of a
 * pooled buffer whose size is the next power of two); `give(buffer)` returns one that `take`
 * gave once nothing reads it any more. Anything else given is ignored.
 */
export function createAnswerBuffers() {
  const free = new Map(); // size in bytes -> buffers of that size waiting to be taken
  const wholeOf = new WeakMap(); // a buffer take() gave -> the pooled buffer it is a view of
  let keptBytes = 0;

  function take(length) {
    if (length < MIN_POOLED_BYTES || length > MAX_POOLED_BYTES) return Buffer.allocUnsafe(length);
    const size = 2 ** Math.ceil(Math.log2(length));
    let whole = free.get(size)?.pop();
    if (whole === undefined) {
      whole = Buffer.allocUnsafeSlow(size);
    } else {
      keptBytes -= size;
    }
    const answer = whole.subarray(0, length);
    wholeOf.set(answer, whole);
    return answer;
  }

  function give(answer) {
    const whole = wholeOf.get(answer);
    if (whole === undefined) return;
    wholeOf.delete(answer);
    if (keptBytes + whole.length > MAX_KEPT_BYTES) return;
    let list = free.get(whole.length);
    if (list === undefined) free.set(whole.length, (list = []));
    list.push(whole);
    keptBytes += whole.length;
  }

  return { take, give };
}
