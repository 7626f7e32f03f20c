/**
 * The one reader of the URL query. Self-contained (no imports, no outer names), because the
 * pre-paint script inlines it with `Function.prototype.toString`; the page state and the URL
 * writer import it. Parameters are split at `&`, `+` reads as a space, and percent-decoding
 * never throws: valid UTF-8 sequences are decoded, anything else is kept as written.
 */
export interface QueryEntry {
  /** The parameter as written in the URL (kept byte for byte when the URL is rewritten). */
  raw: string;
  key: string;
  value: string;
}

export function queryEntries(search: string): QueryEntry[] {
  const decode = (text: string): string => {
    const s = text.replace(/\+/g, ' ');
    try {
      return decodeURIComponent(s);
    } catch {
      return s.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
        // Decode the longest valid prefixes; keep undecodable bytes as they were written.
        let out = '';
        let rest = run;
        while (rest) {
          let n = Math.min(rest.length, 12);
          for (; n >= 3; n -= 3) {
            try {
              out += decodeURIComponent(rest.slice(0, n));
              break;
            } catch {
              /* try a shorter prefix */
            }
          }
          if (n < 3) {
            out += rest.slice(0, 3);
            n = 3;
          }
          rest = rest.slice(n);
        }
        return out;
      });
    }
  };
  const out: QueryEntry[] = [];
  for (const raw of (search.charAt(0) === '?' ? search.slice(1) : search).split('&')) {
    if (!raw) continue;
    const eq = raw.indexOf('=');
    out.push({ raw, key: decode(eq < 0 ? raw : raw.slice(0, eq)), value: eq < 0 ? '' : decode(raw.slice(eq + 1)) });
  }
  return out;
}
