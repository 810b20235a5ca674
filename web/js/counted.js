// A count and its noun for a sentence: "1 table", "12,400 items".

/** `count` with thousands separators, and `word` plural unless the count is exactly one. */
export function counted(count, word) {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}
