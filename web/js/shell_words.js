// Splits pasted shell text into commands and words the way bash does for what AWS CLI examples
// use: `\` line continuations, single quotes (all literal), double quotes (where only \" \\ \$
// \` and \<newline> are escapes), backslash escapes, and `#` comments at the start of a word.
// No DOM, no shell: nothing is expanded or run. Text that bash would expand ($NAME, $(...),
// backquotes) or redirect (>, <, |) is refused with an error naming it, since the page cannot
// reproduce it; glob (*) and brace ({a,b}) patterns are left as typed, as bash leaves a glob
// that matches no file.

const BLANKS = ' \t';
// After a `$`, these start an expansion bash would perform (variables, $(...), ${...}); outside
// double quotes also $'...' and $"...".
const EXPANSION_START = /[A-Za-z_0-9{(?#@*!$-]/;

/** Thrown for text the splitter cannot turn into words; `line` is 1-based. */
export class ShellSyntaxError extends Error {
  constructor(message, line) {
    super(message);
    this.name = 'ShellSyntaxError';
    this.line = line;
  }
}

/**
 * The commands in `text`, each `{ words, line }` with the line it starts on, in order. Blank
 * lines and comments yield no command; `;`, `&&`, `||`, `&` and unescaped newlines separate
 * commands. Throws ShellSyntaxError for an unterminated quote, an expansion, a redirection or
 * a pipe. Windows line ends (CRLF) are read as newlines.
 */
export function splitShellCommands(text) {
  const source = text.replace(/\r\n?/g, '\n');
  const commands = [];
  let words = [];
  let word = null; // null between words; '' is an empty word in progress ('' or "")
  let line = 1;
  let commandLine = 1;

  const endWord = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push({ words, line: commandLine });
    words = [];
  };
  const startWord = () => {
    if (word === null) {
      if (words.length === 0) commandLine = line;
      word = '';
    }
  };

  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1];
      if (next === '\n') {
        line++; // a continuation: the command goes on, the word too
      } else if (next === undefined) {
        startWord();
        word += '\\'; // bash keeps a trailing backslash
      } else {
        startWord();
        word += next;
      }
      i += 2;
    } else if (BLANKS.includes(c)) {
      endWord();
      i++;
    } else if (c === '\n') {
      endCommand();
      line++;
      i++;
    } else if (c === '#' && word === null) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === ';' || c === '&') {
      endCommand();
      i += source[i + 1] === c ? 2 : 1;
    } else if (c === '|') {
      if (source[i + 1] !== '|') {
        throw unsupported(line, 'a pipe (|)', 'paste the aws command alone');
      }
      endCommand();
      i += 2;
    } else if (c === '>' || c === '<') {
      throw unsupported(line, `a redirection (${c})`, 'paste the aws command alone');
    } else if (c === '(' || c === ')') {
      throw new ShellSyntaxError(`Line ${line}: '${c}' outside quotes is shell syntax; quote the value`, line);
    } else if (c === "'") {
      startWord();
      const end = source.indexOf("'", i + 1);
      if (end < 0) {
        throw new ShellSyntaxError(`Unterminated single quote: the ' on line ${line} is never closed`, line);
      }
      const quoted = source.slice(i + 1, end);
      word += quoted;
      line += countNewlines(quoted);
      i = end + 1;
    } else if (c === '"') {
      startWord();
      const opened = line;
      i++;
      for (;;) {
        if (i >= source.length) {
          throw new ShellSyntaxError(`Unterminated double quote: the " on line ${opened} is never closed`, opened);
        }
        const d = source[i];
        if (d === '"') break;
        if (d === '\\' && '"\\$`\n'.includes(source[i + 1] ?? '')) {
          if (source[i + 1] === '\n') line++;
          else word += source[i + 1];
          i += 2;
          continue;
        }
        if (d === '$' || d === '`') refuseExpansion(source, i, line, true);
        if (d === '\n') line++;
        word += d;
        i++;
      }
      i++;
    } else {
      if (c === '$' || c === '`') refuseExpansion(source, i, line, false);
      startWord();
      word += c;
      i++;
    }
  }
  endCommand();
  return commands;
}

// Throws for `$` or a backquote that starts an expansion; returns for a literal `$` (bash keeps
// `$` followed by a blank, the end or other punctuation as is).
function refuseExpansion(source, at, line, inDoubleQuotes) {
  if (source[at] === '`') {
    throw unsupported(line, 'command substitution (`...`)', 'write the value itself');
  }
  const next = source[at + 1] ?? '';
  const quoting = !inDoubleQuotes && (next === "'" || next === '"');
  if (!quoting && !EXPANSION_START.test(next)) return;
  const shown = source.slice(at, at + 12).split(/[\s"']/)[0] || source.slice(at, at + 2);
  throw unsupported(line, `shell expansion (${shown})`, 'write the value itself');
}

function unsupported(line, what, advice) {
  return new ShellSyntaxError(`Line ${line}: ${what} is not supported; ${advice}`, line);
}

function countNewlines(text) {
  let count = 0;
  for (const c of text) if (c === '\n') count++;
  return count;
}
