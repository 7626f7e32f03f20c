/**
 * Splits shell command lines into words the way a POSIX shell (bash, zsh) does before it runs
 * them, for the doctor to see what a pasted command really passes: quotes are removed,
 * backslash escapes applied, line continuations joined, and comments dropped. Expansions
 * (`$NAME`, `$(...)`, backquotes) are not run: a word that has one is marked, since the shell
 * would change it.
 */
export interface ShellWord {
  /** The word as the command receives it (expansions left as written). */
  text: string;
  /** An unquoted or double-quoted `$` or a backquote: the shell would change this word. */
  expands: boolean;
  /** Any part of the word was quoted or escaped. */
  quoted: boolean;
}

/** One command: its words, and the line (1-based) it starts on. */
export interface ShellCommand {
  words: ShellWord[];
  line: number;
  /** Unquoted `<` / `>` redirections, with their targets (e.g. `<your-id>` is read as two). */
  redirects: string[];
}

const BLANK = ' \t';
const OPERATOR = ';&|';

export function shellCommands(source: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let redirects: string[] = [];
  /** The next word is a redirection's target, written after this operator. */
  let redirect = '';
  let word: ShellWord | null = null;
  let line = 1;
  let start = 1;
  const endWord = () => {
    if (word && redirect) {
      redirects.push(redirect + word.text);
      redirect = '';
    } else if (word) words.push(word);
    word = null;
  };
  const endCommand = () => {
    endWord();
    // A copied prompt ("$ astro ...") is not part of the command.
    if (words.length && words[0].text === '$' && !words[0].quoted) words.shift();
    if (redirect) redirects.push(redirect);
    if (words.length || redirects.length) commands.push({ words, line: start, redirects });
    words = [];
    redirects = [];
    redirect = '';
  };
  const current = (): ShellWord => {
    if (!word) {
      if (!words.length) start = line;
      word = { text: '', expands: false, quoted: false };
    }
    return word;
  };
  const s = source;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\n') {
      line++;
      endCommand();
    } else if (BLANK.includes(c) || c === '\r') {
      endWord();
    } else if (OPERATOR.includes(c)) {
      endCommand();
    } else if (c === '<' || c === '>') {
      endWord();
      redirect += c;
    } else if (c === '#' && !word) {
      while (i + 1 < s.length && s[i + 1] !== '\n') i++;
    } else if (c === '\\') {
      if (s[i + 1] === '\n') {
        i++;
        line++;
      } else if (s[i + 1] === '\r' && s[i + 2] === '\n') {
        i += 2;
        line++;
      } else if (i + 1 < s.length) {
        const w = current();
        w.text += s[++i];
        w.quoted = true;
      }
    } else if (c === "'") {
      const w = current();
      w.quoted = true;
      const end = s.indexOf("'", i + 1);
      const stop = end < 0 ? s.length : end;
      const part = s.slice(i + 1, stop);
      line += part.split('\n').length - 1;
      w.text += part;
      i = stop;
    } else if (c === '"') {
      const w = current();
      w.quoted = true;
      for (i++; i < s.length && s[i] !== '"'; i++) {
        const d = s[i];
        if (d === '\\' && i + 1 < s.length && '$`"\\\n'.includes(s[i + 1])) {
          if (s[i + 1] !== '\n') w.text += s[i + 1];
          else line++;
          i++;
          continue;
        }
        if (d === '\n') line++;
        if (d === '`' || (d === '$' && /[A-Za-z_{(0-9@*#?$!-]/.test(s[i + 1] ?? ''))) w.expands = true;
        w.text += d;
      }
    } else {
      const w = current();
      if (c === '`' || (c === '$' && /[A-Za-z_{(0-9@*#?$!-]/.test(s[i + 1] ?? ''))) w.expands = true;
      w.text += c;
    }
  }
  endCommand();
  return commands;
}
