// The Advice panel: the explainer's four mistakes as Playground.Advise finds them in the user's
// own traffic, each with its table, message, fix, evidence and tutorial page. Everything from
// the engine is shown as text (a table name may hold any characters).

import { evidenceLines, mistakeTitle, tutorialAddress } from './advice_figures.js';

const WATCHING =
  'The advisor watches every table for the four common mistakes: a hot partition key, Scans ' +
  'that read far more than they return, items far above 100 KB, and a provisioned table ' +
  'throttled by a spike.';

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function evidenceDetails(evidence) {
  const details = element('details', 'advice-evidence');
  details.append(element('summary', '', 'Evidence'));
  const list = element('dl', 'advice-evidence-list');
  for (const [label, text] of evidenceLines(evidence)) list.append(element('dt', '', label), element('dd', '', text));
  details.append(list);
  return details;
}

function findingRow(finding, onSelectTable) {
  const row = element('li', 'advice-finding');
  row.dataset.testid = 'advice-finding';
  row.dataset.mistake = finding.Mistake;
  const heading = element('p', 'advice-heading');
  const table = element('button', 'table-name', finding.TableName);
  table.type = 'button';
  table.title = `Show ${finding.TableName}`;
  table.addEventListener('click', () => onSelectTable(finding.TableName));
  heading.append(element('strong', '', mistakeTitle(finding.Mistake)), ' in ', table);
  row.append(heading, element('p', 'advice-message', finding.Message));
  const fix = element('p', 'advice-fix');
  fix.append(element('strong', '', 'Fix: '), finding.Fix);
  row.append(fix, evidenceDetails(finding.Evidence));
  const address = tutorialAddress(finding.Tutorial);
  if (address) {
    const link = element('a', 'advice-tutorial', `Read: ${mistakeTitle(finding.Mistake)} in the tutorial`);
    link.href = address;
    link.target = '_blank';
    link.rel = 'noopener';
    row.append(link);
  }
  return row;
}

/**
 * Mounts the panel. `refresh(db)` asks the engine for every table's findings (a read-only
 * request: it consumes no capacity and is not kept in History) and shows them.
 */
export function mountAdvicePanel({ caption, list }, { onSelectTable }) {
  caption.textContent = WATCHING;
  return {
    async refresh(db) {
      let findings;
      try {
        ({ Findings: findings } = await db.send('Playground.Advise', {}));
      } catch (error) {
        caption.textContent = `The advisor could not look: ${error.name}: ${error.message}`;
        list.replaceChildren();
        return;
      }
      caption.textContent =
        findings.length === 0
          ? `No mistakes found in your traffic so far. ${WATCHING}`
          : `${findings.length === 1 ? 'One mistake' : `${findings.length} mistakes`} found in your traffic (each table's last hour):`;
      list.replaceChildren(...findings.map((finding) => findingRow(finding, onSelectTable)));
    },
  };
}
