// The place of a JSON syntax error in the request editor's text, so the editor can show and
// select it: from the position the browser's message gives, or, when it gives none, by scanning
// the text with JSON's grammar. No DOM code.

/**
 * Where the JSON syntax error in `text` is: `{ line, column, lineText }`, 1-based, with the text
 * of that line (without its line break), or null when no place can be found (the text parses,
 * or the message and the text disagree).
 *
 * `error` is what JSON.parse threw (its message, a string, works too). The place comes from the
 * message when it has one (V8's "at position 42", newer V8's "(line 3 column 5)", Firefox's "at
 * line 3 column 5"); otherwise, as for V8's "Unexpected token '}', ..." and Safari's messages,
 * this file scans the text itself. An error at the end of the input ("Unexpected end of JSON
 * input") points just after the last character of the last line that is not blank.
 */
export function jsonErrorLocation(text, error) {
  if (typeof text !== 'string') return null;
  const message = typeof error === 'string' ? error : String(error?.message ?? '');
  const position = /\bat position (\d+)/.exec(message);
  if (position) return locationOfOffset(text, Number(position[1]));
  const lineColumn = /\bline (\d+) column (\d+)/.exec(message);
  if (lineColumn) return locationOfLine(text, Number(lineColumn[1]), Number(lineColumn[2]));
  if (/unexpected end of (JSON input|data)|Unexpected EOF/i.test(message)) {
    return locationOfOffset(text, text.length);
  }
  let offset;
  try {
    offset = firstSyntaxErrorOffset(text);
  } catch {
    return null; // nested deeper than this scanner's stack: no place rather than a wrong one
  }
  return offset < 0 ? null : locationOfOffset(text, offset);
}

function locationOfOffset(text, offset) {
  const lines = text.split('\n');
  // At (or past) the end, with only blanks left: point just after the last character written.
  if (text.slice(offset).trim() === '') {
    let line = lines.length;
    while (line > 1 && lines[line - 1].trim() === '') line--;
    const lineText = withoutCarriageReturn(lines[line - 1]);
    return { line, column: lineText.trimEnd().length + 1, lineText };
  }
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    if (offset <= start + lines[i].length) {
      return { line: i + 1, column: offset - start + 1, lineText: withoutCarriageReturn(lines[i]) };
    }
    start += lines[i].length + 1;
  }
  return null;
}

function locationOfLine(text, line, column) {
  const lines = text.split('\n');
  if (line < 1 || line > lines.length || column < 1) return null;
  const lineText = withoutCarriageReturn(lines[line - 1]);
  return { line, column: Math.min(column, lineText.length + 1), lineText };
}

function withoutCarriageReturn(line) {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * The offset of the first character JSON's grammar (RFC 8259) does not allow in `text`, as V8
 * reports it: the text's length when it ends too early, -1 when it parses. Used when the
 * message gives no place; recursive, so text nested thousands deep throws a RangeError.
 */
function firstSyntaxErrorOffset(text) {
  let i = 0;
  const fail = () => {
    throw new JsonSyntaxError(i);
  };
  const skipWhitespace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const expect = (c) => {
    skipWhitespace();
    if (text[i] !== c) fail();
    i++;
  };
  const digits = () => {
    if (!(text[i] >= '0' && text[i] <= '9')) fail();
    while (text[i] >= '0' && text[i] <= '9') i++;
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail();
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') fail();
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              fail();
            }
          }
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
  };
  const value = () => {
    skipWhitespace();
    const c = text[i];
    // Objects and arrays share one loop (an object's member is a key, a colon and a value). It
    // adds no local to value(): each level of nesting is one frame of it, so the frame's size
    // sets how deep a text this scanner can place an error in.
    if (c === '{' || c === '[') {
      i++;
      skipWhitespace();
      if (text[i] === CLOSING[c]) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          skipWhitespace();
          if (text[i] !== '"') fail();
          string();
          expect(':');
        }
        value();
        skipWhitespace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(CLOSING[c]);
        return;
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) {
      if (c === '-') i++;
      if (text[i] === '0') i++;
      else digits();
      if (text[i] === '.') {
        i++;
        digits();
      }
      if (text[i] === 'e' || text[i] === 'E') {
        i++;
        if (text[i] === '+' || text[i] === '-') i++;
        digits();
      }
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (c !== word[0]) continue;
      for (const expected of word) {
        if (text[i] !== expected) fail();
        i++;
      }
      return;
    }
    fail();
  };
  try {
    value();
    skipWhitespace();
    if (i < text.length) fail();
    return -1;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return Math.min(error.offset, text.length);
    throw error;
  }
}

const CLOSING = { '{': '}', '[': ']' };

class JsonSyntaxError extends Error {
  constructor(offset) {
    super(`JSON syntax error at ${offset}`);
    this.offset = offset;
  }
}
