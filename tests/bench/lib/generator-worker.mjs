// Times generate(provider, input) in a clean Node process and prints one JSON
// object on stdout. Usage: node generator-worker.mjs <module path> <iterations> <warmup>
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { cases } from './generator-inputs.mjs';
import { max, mean, median, percentile, round } from './stats.mjs';

const [modulePath, iterationsArg = '2000', warmupArg = '200'] = process.argv.slice(2);
const iterations = Number(iterationsArg);
const warmup = Number(warmupArg);

function print(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function providerIds(providers) {
  if (Array.isArray(providers)) return providers.map((p) => (typeof p === 'string' ? p : p?.id)).filter(Boolean);
  if (providers && typeof providers === 'object') {
    return Object.entries(providers).map(([key, p]) => (p && typeof p === 'object' && typeof p.id === 'string' ? p.id : key));
  }
  return [];
}

async function main() {
  if (!existsSync(modulePath)) {
    print({ status: 'not-measured', reason: 'no generator module yet: src/generators/index.ts does not exist' });
    return;
  }
  let mod;
  try {
    mod = await import(pathToFileURL(modulePath).href);
  } catch (error) {
    print({ status: 'error', error: `could not import the generator module: ${error?.stack ?? error}` });
    return;
  }
  if (typeof mod.generate !== 'function') {
    print({ status: 'error', error: 'src/generators/index.ts does not export a generate() function' });
    return;
  }
  const ids = providerIds(mod.providers);
  if (ids.length === 0) {
    print({ status: 'error', error: 'src/generators/index.ts exports no providers' });
    return;
  }
  const rows = [];
  let sink = 0;
  for (const provider of ids) {
    for (const { platform, authMethod, input } of cases(provider)) {
      const row = { provider, platform, authMethod };
      try {
        const first = mod.generate(provider, input);
        const snippets = Array.isArray(first?.snippets) ? first.snippets : [];
        const problems = Array.isArray(first?.problems) ? first.problems : [];
        row.snippets = snippets.length;
        row.codeChars = snippets.reduce((a, s) => a + String(s?.code ?? '').length, 0);
        row.errors = problems.filter((p) => p?.severity === 'error').map((p) => `${p.field}: ${p.message}`);
        row.warnings = problems.filter((p) => p?.severity !== 'error').length;
        for (let i = 0; i < warmup; i++) sink += mod.generate(provider, input).snippets.length;
        const times = new Array(iterations);
        for (let i = 0; i < iterations; i++) {
          const t = performance.now();
          const out = mod.generate(provider, input);
          times[i] = performance.now() - t;
          sink += out.snippets.length;
        }
        row.iterations = iterations;
        row.medianMs = round(median(times), 4);
        row.p99Ms = round(percentile(times, 99), 4);
        row.meanMs = round(mean(times), 4);
        row.maxMs = round(max(times), 3);
      } catch (error) {
        row.error = String(error?.stack ?? error);
      }
      rows.push(row);
    }
  }
  print({ status: 'measured', providers: ids, warmup, iterations, rows, sink });
}

main().catch((error) => print({ status: 'error', error: String(error?.stack ?? error) }));
