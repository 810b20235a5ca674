// The AWS CLI's shorthand syntax, read as the CLI reads it (awscli/shorthand.py; "Using
// shorthand syntax with the AWS CLI" in the CLI User Guide):
//
//   AttributeName=user_id,AttributeType=S        -> { AttributeName: 'user_id', AttributeType: 'S' }
//   Names=a,b,c                                  -> { Names: ['a', 'b', 'c'] }
//   Keys=[a,b],Map={K=v,L=[1,2]}                 -> { Keys: ['a', 'b'], Map: { K: 'v', L: ['1', '2'] } }
//   Key="a, b",Other='it\'s'                     -> quoted values keep commas and spaces
//
// Syntax only: every scalar comes back as a string. The option's shape later turns "5" into 5
// and "true" into true (cli_option_value.js), as the CLI does after parsing.

// The character classes of the CLI's grammar. A value starts with START; in the first value
// after `=` it may go on with FIRST_FOLLOW (which allows `=`, so `a=b=c` is 'b=c'); a later
// value of a comma list goes on with SECOND_FOLLOW (which stops at `=`, so in `a=b,c=d` the
// `c` is recognised as the next key). `\,` is a comma inside a value.
const START = "!#-&(-+\\--<>-Z\\\\-z|-\\uffff";
const FIRST_FOLLOW = "\\s!#-&(-+\\--\\\\^-|~-\\uffff";
const SECOND_FOLLOW = "\\s!#-&(-+\\--<>-\\uffff";
const FIRST_VALUE = new RegExp(`(?:\\\\,|[${START}])(?:\\\\,|[${FIRST_FOLLOW}])*`, 'y');
const SECOND_VALUE = new RegExp(`(?:\\\\,|[${START}])(?:\\\\,|[${SECOND_FOLLOW}])*`, 'y');
const SINGLE_QUOTED = /'(?:\\\\|\\'|[^'])*'/y;
const DOUBLE_QUOTED = /"(?:\\\\|\\"|[^"])*"/y;
const KEY_CHARS = /[A-Za-z0-9\-_.#/:]*/y;
const WHITESPACE = /\s*/y;

/** A shorthand syntax error; the message is the CLI's, with a caret under the place. */
export class ShorthandSyntaxError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ShorthandSyntaxError';
  }
}

/**
 * The value `text` stands for: an object whose values are strings, arrays or objects. Throws
 * ShorthandSyntaxError, also for `key@=file://...` (AWS CLI v1 reads such a value from a file,
 * which a page cannot).
 */
export function parseShorthand(text) {
  return new ShorthandReader(text).parameter();
}

class ShorthandReader {
  constructor(text) {
    this.text = text;
    this.at = 0;
  }

  // parameter = keyval *("," keyval)
  parameter() {
    const result = {};
    let [key, value] = this.keyval();
    setOwn(result, key, value);
    let lastEnd = this.at;
    while (this.at < this.text.length) {
      this.expect(',', true);
      [key, value] = this.keyval();
      if (Object.hasOwn(result, key)) {
        throw new ShorthandSyntaxError(
          `Second instance of key "${key}" encountered for input:\n` +
            `${this.location(lastEnd + 1)}\n` +
            'This is often because there is a preceding "," instead of a space.',
        );
      }
      setOwn(result, key, value);
      lastEnd = this.at;
    }
    return result;
  }

  // keyval = key "=" values, or key "@=" values: the value may be file:// (AWS CLI v1)
  keyval() {
    const key = this.key();
    const fromFile = this.skipFileMarker();
    this.expect('=', true);
    return [key, this.checkFile(this.values(), fromFile)];
  }

  key() {
    return this.match(KEY_CHARS);
  }

  skipFileMarker() {
    this.skipWhitespace();
    if (this.current() !== '@') return false;
    this.at++;
    return true;
  }

  checkFile(value, fromFile) {
    if (fromFile && typeof value === 'string' && /^fileb?:\/\//.test(value)) {
      throw new ShorthandSyntaxError(`${value}: the page cannot read files; write the value itself`);
    }
    return value;
  }

  // values = explicit-list / hash-literal / csv-value; nothing after `=` is ''
  values() {
    if (this.atEnd()) return '';
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.csvValue();
  }

  // `a=b` is 'b'; `a=b,c` is ['b', 'c']; in `a=b,c=d` the list stops before `c=`.
  csvValue() {
    const first = this.firstValue();
    this.skipWhitespace();
    if (this.atEnd() || this.current() !== ',') return first;
    this.expect(',', true);
    const list = [first];
    for (;;) {
      try {
        const value = this.secondValue();
        this.skipWhitespace();
        if (this.atEnd()) {
          list.push(value);
          break;
        }
        this.expect(',', true);
        list.push(value);
      } catch (error) {
        if (!(error instanceof ShorthandSyntaxError) || this.atEnd()) throw error;
        // What followed the comma was the next key: give the comma back to parameter().
        while (this.at >= 0 && this.text[this.at] !== ',') this.at--;
        break;
      }
    }
    return list.length === 1 ? first : list;
  }

  // explicit-list = "[" [value *("," value)] "]"
  explicitList() {
    this.expect('[', true);
    const list = [];
    while (this.current() !== ']') {
      list.push(this.explicitValue());
      this.skipWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.skipWhitespace();
      }
    }
    this.expect(']');
    return list;
  }

  // hash-literal = "{" keyval *("," keyval) "}"; a repeated key keeps the last value
  hashLiteral() {
    this.expect('{', true);
    const hash = {};
    while (this.current() !== '}') {
      const key = this.key();
      const fromFile = this.skipFileMarker();
      this.expect('=', true);
      const value = this.checkFile(this.explicitValue(), fromFile);
      this.skipWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.skipWhitespace();
      }
      setOwn(hash, key, value);
    }
    this.expect('}');
    return hash;
  }

  explicitValue() {
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.firstValue();
  }

  firstValue() {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    FIRST_VALUE.lastIndex = this.at;
    const found = FIRST_VALUE.exec(this.text);
    if (found === null) return '';
    this.at += found[0].length;
    return unescapeValue(found[0]);
  }

  secondValue() {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return unescapeValue(this.mustMatch(SECOND_VALUE, '<second>'));
  }

  // Inside quotes \<quote> is the quote and \\ a backslash; any other backslash stays.
  quoted(pattern, quote) {
    const inner = this.mustMatch(pattern, quote === "'" ? '<singled quoted>' : '<double quoted>').slice(1, -1);
    return inner.replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\');
  }

  match(pattern) {
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.text)[0];
    this.at += found.length;
    return found;
  }

  mustMatch(pattern, name) {
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.text);
    if (found === null || found[0] === '') throw this.syntaxError(name, '<none>');
    this.at += found[0].length;
    return found[0];
  }

  expect(char, skipWhitespace = false) {
    if (skipWhitespace) this.skipWhitespace();
    if (this.atEnd()) throw this.syntaxError(char, 'EOF');
    if (this.current() !== char) throw this.syntaxError(char, this.current());
    this.at++;
    if (skipWhitespace) this.skipWhitespace();
  }

  skipWhitespace() {
    this.match(WHITESPACE);
  }

  current() {
    return this.text[this.at];
  }

  atEnd() {
    return this.at >= this.text.length;
  }

  syntaxError(expected, actual) {
    return new ShorthandSyntaxError(
      `Expected: '${expected}', received: '${actual}' for input:\n${this.location(this.at)}`,
    );
  }

  // The input with a caret under `index`, on the line that holds it.
  location(index) {
    const before = this.text.slice(0, index);
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEnd = this.text.indexOf('\n', index);
    const shown = lineEnd < 0 ? this.text : this.text.slice(0, lineEnd);
    const rest = lineEnd < 0 ? '' : this.text.slice(lineEnd);
    return `${shown}\n${' '.repeat(index - lineStart)}^${rest}`;
  }
}

function unescapeValue(raw) {
  return raw.replaceAll('\\,', ',').trimEnd();
}

// An own property even for a key such as "__proto__", which plain assignment would not create.
function setOwn(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
