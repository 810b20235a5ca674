// Turns the editor's text into one engine call and its outcome, as a plain result object the
// panels render. Knows nothing about the DOM, so every outcome has one shape:
//
//   { operation, sent: true,  ok: true,  status: 200, output }
//   { operation, sent: true,  ok: false, status, errorName, errorType, message }
//   { operation, sent: false, ok: false, status: null, errorName: 'Invalid JSON', message }
//
// A long Playground.SimulateWorkload runs in pieces (simulation_runner.js) so the page can show
// its progress and cancel it; its result carries `note`, what ran. A request sent in a region
// (`options.region`) carries `region` too, so History can send it there again.

import { planSimulation, runPieces } from './simulation_runner.js';

/**
 * Parses `requestText` and sends it as `operation`. Never rejects: DynamoDB's errors and text
 * that is not JSON both come back as results with `ok: false`. Text that does not parse is
 * reported here and never reaches the engine, so a typo costs no request (and no history row).
 * `region` serves it there ('' or absent: the home region), every piece of a simulation too.
 */
export async function runRequest(db, operation, requestText, { region = '', onProgress, isCancelled } = {}) {
  const result = await attempt(db, operation, requestText, { region, onProgress, isCancelled });
  return region ? { ...result, region } : result;
}

async function attempt(db, operation, requestText, { region, onProgress, isCancelled }) {
  let input;
  try {
    input = JSON.parse(requestText);
  } catch (parseError) {
    return {
      operation,
      sent: false,
      ok: false,
      status: null,
      errorName: 'Invalid JSON',
      message: parseError.message,
    };
  }
  try {
    const pieces = operation === 'Playground.SimulateWorkload' ? planSimulation(input) : null;
    if (pieces) {
      const inRegion = { send: (name, body) => db.send(name, body, { region }) };
      const run = await runPieces(inRegion, pieces, { onProgress, isCancelled });
      const note = run.cancelled
        ? `Cancelled after ${run.seconds} of ${run.totalSeconds} simulated seconds; the response adds up what ran.`
        : `Ran in ${pieces.length} pieces of simulated time, to show progress; the response adds them up.`;
      if (run.output === null) return { operation, sent: false, ok: false, status: null, errorName: 'Cancelled', message: note };
      return { operation, sent: true, ok: true, status: 200, output: run.output, note };
    }
    const output = await db.send(operation, input, { region });
    // send() resolves only when the engine answered 200.
    return { operation, sent: true, ok: true, status: 200, output };
  } catch (error) {
    return {
      operation,
      sent: true,
      ok: false,
      // A DynamoDBError carries the HTTP status; anything else is a fault in the page or wasm.
      status: error.statusCode ?? null,
      errorName: error.name,
      errorType: error.type ?? '',
      message: error.message,
    };
  }
}
