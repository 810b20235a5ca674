// A trigger's own thread: the code the user wrote runs here, in a Web Worker, never in the
// page. It sees the stream event and a `db` whose send(operation, input) the page carries out,
// and a `console` whose lines appear in the page's trigger log.

let handler = null;
let nextRequestId = 1;
const waiting = new Map();

function show(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const triggerConsole = {
  log: (...values) => postMessage({ type: 'log', level: 'info', text: values.map(show).join(' ') }),
  error: (...values) => postMessage({ type: 'log', level: 'error', text: values.map(show).join(' ') }),
};

const db = {
  send(operation, input = {}) {
    const id = nextRequestId++;
    postMessage({ type: 'send', id, operation, input });
    return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
  },
};

// The code is one function expression, `async (event, db) => { ... }`; it sees our console.
function compile(code) {
  const make = new Function('console', `"use strict";\nreturn (${code}\n);`);
  const fn = make(triggerConsole);
  if (typeof fn !== 'function') throw new TypeError('The trigger must be a function: async (event, db) => { ... }');
  return fn;
}

onmessage = async ({ data }) => {
  if (data.type === 'load') {
    try {
      handler = compile(data.code);
      postMessage({ type: 'loaded' });
    } catch (error) {
      postMessage({ type: 'load-failed', message: String(error?.message ?? error) });
    }
  } else if (data.type === 'reply') {
    const request = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.ok) {
      request?.resolve(data.output);
    } else {
      const error = new Error(data.message);
      error.name = data.name;
      request?.reject(error);
    }
  } else if (data.type === 'event') {
    try {
      await handler(data.event, db);
      postMessage({ type: 'done', id: data.id });
    } catch (error) {
      postMessage({ type: 'failed', id: data.id, message: `${error?.name ?? 'Error'}: ${error?.message ?? error}` });
    }
  }
};
