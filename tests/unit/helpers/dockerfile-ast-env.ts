/**
 * The generated Dockerfile's ENV lines as the dockerfile-ast package (npm; the parser behind the
 * Dockerfile language server) reads them: a second, independent reader next to the BuildKit-rule
 * reader in dockerfile-env.ts.
 *
 * One documented difference from Docker's rules, and why it only touches values with a `'`:
 * the generator writes each value single-quoted and a `'` inside it as `'\''` (close the quotes,
 * an escaped quote, reopen), which BuildKit's shell-word lexer reads as one word holding `'`.
 * dockerfile-ast does not: (1) when it splits an instruction into words it drops the `\` of an
 * unquoted `\'` and then takes that `'` as an opening quote (and inside single quotes it takes
 * `\` as an escape, which in Docker it is not), so `'a b'\'' c'` becomes the words `'a b'\'` and
 * `c'`; (2) Property.getValue() only strips one pair of enclosing quotes, so `'it'\''s'` comes
 * back as `it'\''s`, not `it's`. So for a value with a `'` this compares what dockerfile-ast still
 * gets right: the instruction (ENV, one line, nothing lost to a comment or continuation), the
 * key, and its argument text, which must be the key, `=` and the reader's value in the POSIX
 * single-quote form; when dockerfile-ast still sees one property there, its value with each
 * `'\''` turned back into `'` must equal the reader's. Every other value is compared exactly.
 */
import { DockerfileParser } from 'dockerfile-ast';
import type { EnvEntry } from './dockerfile-env.ts';

const singleQuoted = (v: string) => "'" + v.split("'").join("'\\''") + "'";

export interface AstComparison {
  /** Differences between dockerfile-ast and the reader ([] when they agree). */
  mismatches: string[];
  /** How many values were compared exactly and how many through the `'` fallback above. */
  exact: number;
  quoted: number;
}

/** Reads `text` with dockerfile-ast and compares its ENV instructions with the reader's entries. */
export function compareWithDockerfileAst(text: string, entries: EnvEntry[]): AstComparison {
  const out: AstComparison = { mismatches: [], exact: 0, quoted: 0 };
  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();
  const keywords = instructions.map((i) => i.getKeyword());
  if (keywords.some((k) => k !== 'ENV') || instructions.length !== entries.length) {
    out.mismatches.push(`instructions ${JSON.stringify(keywords)}, reader entries ${JSON.stringify(entries.map((e) => e.key))}`);
    return out;
  }
  const envs = dockerfile.getENVs();
  if (envs.length !== instructions.length) out.mismatches.push(`${envs.length} ENV instructions of ${instructions.length}`);
  envs.forEach((env, k) => {
    const { key, value } = entries[k];
    const props = env.getProperties();
    const names = props.map((p) => p.getName());
    if (!value.includes("'")) {
      out.exact++;
      const got = props.map((p) => [p.getName(), p.getValue()]);
      if (JSON.stringify(got) !== JSON.stringify([[key, value]])) out.mismatches.push(`ENV ${k}: dockerfile-ast ${JSON.stringify(got)}, reader ${JSON.stringify([key, value])}`);
      return;
    }
    out.quoted++;
    if (names[0] !== key) out.mismatches.push(`ENV ${k}: dockerfile-ast key ${JSON.stringify(names[0])}, reader ${JSON.stringify(key)}`);
    const args = env.getArgumentsContent();
    if (args !== `${key}=${singleQuoted(value)}`) out.mismatches.push(`ENV ${k}: dockerfile-ast arguments ${JSON.stringify(args)}, reader ${JSON.stringify([key, value])}`);
    if (props.length === 1) {
      const got = props[0].getValue()?.split("'\\''").join("'");
      if (got !== value) out.mismatches.push(`ENV ${k}: dockerfile-ast value ${JSON.stringify(got)}, reader ${JSON.stringify(value)}`);
    }
  });
  return out;
}
