// Command-line options of `npm run bench` (node tests/bench/run.mjs [options]).

export const USAGE = `Usage: npm run bench -- [options]

  --skip-build          measure the existing dist/ instead of running astro build
  --skip-lighthouse     leave out the Lighthouse runs (the slowest part)
  --skip-typing         leave out the typing-latency runs
  --skip-generator      leave out the generator latency runs (generate() and planMigration())
  --skip-starlight      leave out the comparison with the same pages in Starlight
  --pages /,/hashicorp-vault/
                        only these pages (comma-separated routes)
  --runs N              Lighthouse runs and typing runs per page; every number in the
                        report is the median over the runs (default 1)
  --keystrokes N        keystrokes per typing run (default 200)
  --iterations N        generate() calls per provider and platform (default 2000)
  --out DIR             report folder (default tests/bench/report)
  --update-baseline     also write the summary to <out>/baseline.md
  --help                show this text
`;

function positiveInt(name, raw) {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a positive whole number, got "${raw}"`);
  return n;
}

/** Normalise a route to the site's form: leading and trailing slash, no query. */
export function normaliseRoute(route) {
  let r = String(route).trim();
  if (r === '') return '/';
  r = r.split(/[?#]/)[0];
  if (!r.startsWith('/')) r = `/${r}`;
  if (!r.endsWith('/')) r = `${r}/`;
  return r.replace(/\/{2,}/g, '/');
}

export function parseArgs(argv) {
  const opts = {
    build: true,
    lighthouse: true,
    typing: true,
    generator: true,
    starlight: true,
    pages: null,
    runs: 1,
    keystrokes: 200,
    iterations: 2000,
    out: null,
    updateBaseline: false,
    help: false,
  };
  const args = [...argv];
  const value = (name) => {
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  while (args.length > 0) {
    let arg = args.shift();
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      args.unshift(arg.slice(eq + 1));
      arg = arg.slice(0, eq);
    }
    switch (arg) {
      case '--skip-build': opts.build = false; break;
      case '--skip-lighthouse': opts.lighthouse = false; break;
      case '--skip-typing': opts.typing = false; break;
      case '--skip-generator': opts.generator = false; break;
      case '--skip-starlight': opts.starlight = false; break;
      case '--update-baseline': opts.updateBaseline = true; break;
      case '--pages': {
        const list = value(arg).split(',').map((s) => s.trim()).filter(Boolean).map(normaliseRoute);
        if (list.length === 0) throw new Error('--pages needs at least one route');
        opts.pages = [...new Set(list)];
        break;
      }
      case '--runs': opts.runs = positiveInt(arg, value(arg)); break;
      case '--keystrokes': opts.keystrokes = positiveInt(arg, value(arg)); break;
      case '--iterations': opts.iterations = positiveInt(arg, value(arg)); break;
      case '--out': opts.out = value(arg); break;
      case '--help': case '-h': opts.help = true; break;
      default: throw new Error(`unknown option "${arg}"`);
    }
  }
  return opts;
}
