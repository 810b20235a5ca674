// Long simulations in pieces: a Playground.SimulateWorkload of many requests runs as several
// consecutive calls of a few seconds each, so the page can show progress between them, stay
// responsive, and stop when the user cancels. The pieces cover the same seconds of the virtual
// clock, one after another, with the spike cut to the seconds each covers; the response is
// their totals, in the shape of one call's output.

// Requests per piece: about a tenth of a second of engine time in the page.
export const PIECE_REQUESTS = 200_000;
// The engine's own limits (Playground.SimulateWorkload): a request past them is sent whole, so
// its error is the engine's.
const MAX_DURATION_SECONDS = 3600;
const MAX_REQUESTS = 10_000_000;

function spikeFor(spike, pieceStart, pieceLength) {
  if (!spike) return undefined;
  const start = Math.max(spike.StartSecond ?? 0, pieceStart);
  const end = Math.min((spike.StartSecond ?? 0) + (spike.DurationSeconds ?? 0), pieceStart + pieceLength);
  if (end <= start) return undefined;
  return { ...spike, StartSecond: start - pieceStart, DurationSeconds: end - start };
}

/**
 * The calls that make up `input`, or null when it should go as one call (short, or not valid:
 * the engine then answers with its own error). Each piece's Seed is the request's plus its
 * index, so a run is repeatable.
 */
export function planSimulation(input) {
  const duration = input?.DurationSeconds ?? 60;
  const rate = input?.RequestsPerSecond ?? 100;
  const multiplier = input?.Spike?.Multiplier ?? 1;
  if (typeof duration !== 'number' || typeof rate !== 'number' || typeof multiplier !== 'number') return null;
  if (!(duration >= 1 && duration <= MAX_DURATION_SECONDS && rate > 0 && multiplier >= 1)) return null;
  const total = rate * multiplier * duration;
  if (total <= PIECE_REQUESTS || total > MAX_REQUESTS) return null;
  const pieceSeconds = Math.max(1, Math.floor(PIECE_REQUESTS / (rate * multiplier)));
  const pieces = [];
  for (let start = 0; start < duration; start += pieceSeconds) {
    const length = Math.min(pieceSeconds, duration - start);
    const piece = { ...input, DurationSeconds: length, Seed: (input.Seed ?? 1) + pieces.length };
    const spike = spikeFor(input.Spike, start, length);
    if (spike) piece.Spike = spike;
    else delete piece.Spike;
    // A last piece shorter than a second would be refused; it joins the one before.
    if (length < 1 && pieces.length > 0) {
      pieces.at(-1).DurationSeconds += length;
      break;
    }
    pieces.push(piece);
  }
  return pieces;
}

/** One output for several pieces' outputs: counts, units and costs add up. */
export function combineOutputs(outputs) {
  const sum = (pick) => outputs.reduce((total, output) => total + pick(output), 0);
  const last = outputs.at(-1);
  return {
    ...last,
    StartTime: outputs[0].StartTime,
    EndTime: last.EndTime,
    Requests: sum((o) => o.Requests),
    Succeeded: sum((o) => o.Succeeded),
    Throttled: sum((o) => o.Throttled),
    Failed: sum((o) => o.Failed),
    ConsumedReadCapacityUnits: sum((o) => o.ConsumedReadCapacityUnits),
    ConsumedWriteCapacityUnits: sum((o) => o.ConsumedWriteCapacityUnits),
    Cost: { ...last.Cost, OnDemand: sum((o) => o.Cost.OnDemand), Provisioned: sum((o) => o.Cost.Provisioned) },
  };
}

/**
 * Runs `pieces` one after another. `onProgress(doneSeconds, totalSeconds)` runs after each;
 * `isCancelled()` is asked before each, and a cancelled run resolves with what ran. A piece's
 * error rejects (the pieces before it have run, as the seconds of one call would have).
 */
export async function runPieces(db, pieces, { onProgress = () => {}, isCancelled = () => false } = {}) {
  const total = pieces.reduce((sum, piece) => sum + piece.DurationSeconds, 0);
  const outputs = [];
  let done = 0;
  for (const piece of pieces) {
    if (isCancelled()) break;
    outputs.push(await db.send('Playground.SimulateWorkload', piece));
    done += piece.DurationSeconds;
    onProgress(done, total);
    // Lets the page draw the progress and take a click on Cancel.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { output: outputs.length ? combineOutputs(outputs) : null, seconds: done, totalSeconds: total, cancelled: done < total };
}
