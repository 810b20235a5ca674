// The first-visit path: five short steps (create a table, write an item, query it, read what it
// cost, see a hot partition), each with a button that does the step's part in the page so the
// reader only has to press Send. Shown on the first visit, skippable, and back from Help.

const SEEN_KEY = 'ddbpg.tour.seen';

/** The steps; `action` names what the step's button does (see mountGuidedTour's `actions`). */
export const TOUR_STEPS = [
  {
    title: 'Welcome',
    text:
      'This is DynamoDB, running in this tab: nothing is sent to a server. In five steps you create ' +
      'a table, write an item, query it, see what each request cost, and watch a hot partition throttle.',
  },
  {
    title: '1. Create a table',
    text:
      'A table needs only its primary key: here Artist (partition key) and SongTitle (sort key). ' +
      'Load the request, read it, then press Send.',
    action: { label: 'Load CreateTable', operation: 'CreateTable' },
  },
  {
    title: '2. Write an item',
    text:
      'Items are written in DynamoDB JSON: each value says its type, {"S": "text"} or {"N": "42"}. ' +
      'Beyond the key, every item may carry different attributes.',
    action: { label: 'Load PutItem', operation: 'PutItem' },
  },
  {
    title: '3. Query it',
    text:
      "A Query reads one partition key's items, in sort key order. The Items panel lists the " +
      'current table too, and its Query form writes this request for you.',
    action: { label: 'Load Query', operation: 'Query' },
  },
  {
    title: '4. See what it cost',
    text:
      'Every response shows the capacity it consumed (a read of up to 4 KB costs 1 RCU, half that ' +
      'when eventually consistent; a write of up to 1 KB costs 1 WCU). The Partitions panel shows ' +
      'which partition served it.',
  },
  {
    title: '5. See a hot partition',
    text:
      'Keys decide which partition serves a request, and each partition has a limit. Run the Hot ' +
      'partition scenario and look at the heat view: one key takes most of the traffic and throttles.',
    action: { label: 'Run Hot partition', scenario: 'hot-partition' },
  },
];

/**
 * Wires the tour's panel. `actions.loadExample(operation)` and `actions.runScenario(name)` do
 * a step's part. Returns `{ open() }`; the tour opens by itself on the first visit.
 */
export function mountGuidedTour({ panel, title, text, action, back, next, skip, help }, actions) {
  let step = 0;

  function show() {
    const current = TOUR_STEPS[step];
    title.textContent = current.title;
    text.textContent = current.text;
    action.hidden = !current.action;
    if (current.action) action.textContent = current.action.label;
    back.disabled = step === 0;
    next.textContent = step === TOUR_STEPS.length - 1 ? 'Done' : 'Next';
  }

  function open() {
    step = 0;
    panel.hidden = false;
    show();
    title.focus();
  }

  function close() {
    const hadFocus = panel.contains(document.activeElement);
    panel.hidden = true;
    // The keyboard goes on where the tour pointed: the request editor.
    if (hadFocus) actions.afterClose?.();
    try {
      localStorage.setItem(SEEN_KEY, '1');
    } catch {
      // Storage may be off; the tour then shows on every visit, which is only a nuisance.
    }
  }

  action.addEventListener('click', () => {
    const current = TOUR_STEPS[step].action;
    if (current.operation) actions.loadExample(current.operation);
    if (current.scenario) actions.runScenario(current.scenario);
  });
  back.addEventListener('click', () => {
    step = Math.max(0, step - 1);
    show();
  });
  next.addEventListener('click', () => {
    if (step === TOUR_STEPS.length - 1) close();
    else {
      step++;
      show();
    }
  });
  skip.addEventListener('click', close);
  help.addEventListener('click', open);

  let seen = false;
  try {
    seen = localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    seen = false;
  }
  if (!seen) {
    panel.hidden = false;
    show();
  }
  return { open };
}
