// What the Advice panel writes for one Playground.Advise finding: the mistake's title, its
// tutorial page on the site served beside the page, and the evidence as labelled lines. Pure
// (no DOM), so node tests it.

import { toPlainItem } from './item_json.js';

const MISTAKES = {
  HOT_PARTITION_KEY: 'Hot partition key',
  SCAN_INSTEAD_OF_QUERY: 'Scan instead of Query',
  LARGE_ITEMS: 'Overly large items',
  PROVISIONED_SPIKE: 'Wrong capacity mode',
};

/** The mistake's name for people ("Hot partition key"); an unknown code is shown as it is. */
export function mistakeTitle(code) {
  return MISTAKES[code] ?? String(code);
}

/**
 * The built tutorial page for a finding's `Tutorial` ("docs/tutorial/01-hot-partitions.md"),
 * relative to the page (web/index.html): "../site/tutorial/hot-partitions.html".
 */
export function tutorialAddress(tutorial) {
  const name = /^docs\/tutorial\/(?:\d+-)?([a-z0-9-]+)\.md$/.exec(String(tutorial ?? ''))?.[1];
  return name ? `../site/tutorial/${name}.html` : null;
}

// "PeakConsumedUnitsPerSecond" -> "peak consumed units per second"; acronyms stay whole.
function words(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
    .map((word) => (/^[A-Z]+$/.test(word) && word.length > 1 ? word : word.toLowerCase()))
    .join(' ');
}

const ATTRIBUTE_TYPES = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS']);
const isAttributeValue = (value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) &&
  Object.keys(value).length === 1 && ATTRIBUTE_TYPES.has(Object.keys(value)[0]);
const isKey = (value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) &&
  Object.keys(value).length > 0 && Object.values(value).every(isAttributeValue);

// A leaf for people: numbers with thousands separators (and at most 6 significant digits),
// DynamoDB JSON keys and values as plain JSON.
function leafText(value) {
  if (typeof value === 'number') return Number(value.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 9 });
  if (isAttributeValue(value)) return JSON.stringify(toPlainItem({ value }).item.value);
  if (isKey(value)) return JSON.stringify(toPlainItem(value).item);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * The evidence as [label, text] lines, nested figures flattened with their group's name first
 * ("table · peak consumed units per second", "12,345").
 */
export function evidenceLines(evidence, prefix = '') {
  const lines = [];
  for (const [name, value] of Object.entries(evidence ?? {})) {
    const label = prefix ? `${prefix} · ${words(name)}` : words(name);
    const nested = value !== null && typeof value === 'object' && !Array.isArray(value) && !isAttributeValue(value) && !isKey(value);
    if (nested) lines.push(...evidenceLines(value, label));
    else lines.push([label, leafText(value)]);
  }
  return lines;
}
