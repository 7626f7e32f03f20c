// Times planMigration(provider, input, exports) for 1,000 variables and 1,000 connections in a
// clean Node process and prints one JSON object on stdout.
// Usage: node migration-worker.mjs <generator folder> <iterations> <warmup>
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cases } from './generator-inputs.mjs';
import { MIGRATION_FORMATS, MIGRATION_ITEMS, migrationExports } from './migration-inputs.mjs';
import { max, median, percentile, round } from './stats.mjs';

const [dir, iterationsArg = '10', warmupArg = '3'] = process.argv.slice(2);
const iterations = Number(iterationsArg);
const warmup = Number(warmupArg);
const print = (result) => process.stdout.write(`${JSON.stringify(result)}\n`);

async function main() {
  const migrationPath = join(dir, 'migration.ts');
  if (!existsSync(migrationPath)) {
    print({ status: 'not-measured', reason: 'no migration planner: src/generators/migration.ts does not exist' });
    return;
  }
  let migration;
  let index;
  try {
    migration = await import(pathToFileURL(migrationPath).href);
    index = await import(pathToFileURL(join(dir, 'index.ts')).href);
  } catch (error) {
    print({ status: 'error', error: `could not import the generator modules: ${error?.stack ?? error}` });
    return;
  }
  if (typeof migration.planMigration !== 'function') {
    print({ status: 'error', error: 'src/generators/migration.ts does not export planMigration()' });
    return;
  }
  const ids = Array.isArray(index.providerIds) ? index.providerIds : Object.keys(index.providers ?? {});
  const exportsByFormat = Object.fromEntries(MIGRATION_FORMATS.map((f) => [f, migrationExports(f)]));
  const rows = [];
  let sink = 0;
  for (const provider of ids) {
    // The setup a reader has at the end of the guide (the first platform's case).
    const { input } = cases(provider)[0];
    for (const format of MIGRATION_FORMATS) {
      const exports = exportsByFormat[format];
      const row = { provider, format, pasteChars: (exports.variables ?? '').length + (exports.connections ?? '').length };
      try {
        const plan = migration.planMigration(provider, input, exports);
        const errors = plan.items.filter((i) => i.problems.some((p) => p.severity === 'error'));
        row.items = plan.items.length;
        row.written = plan.items.length - errors.length;
        row.errors = [
          ...plan.problems.filter((p) => p.severity === 'error').map((p) => `${p.field}: ${p.message}`),
          ...errors.slice(0, 3).map((i) => `${i.kind} ${i.key}: ${i.problems.find((p) => p.severity === 'error').message}`),
        ];
        if (row.items !== 2 * MIGRATION_ITEMS) row.errors.unshift(`${row.items} items planned, expected ${2 * MIGRATION_ITEMS}`);
        row.scriptChars = plan.snippets.reduce((a, s) => a + s.code.length, 0);
        for (let i = 0; i < warmup; i++) sink += migration.planMigration(provider, input, exports).items.length;
        const times = [];
        for (let i = 0; i < iterations; i++) {
          const t = performance.now();
          const out = migration.planMigration(provider, input, exports);
          times.push(performance.now() - t);
          sink += out.items.length;
        }
        row.iterations = iterations;
        row.medianMs = round(median(times), 2);
        row.p95Ms = round(percentile(times, 95), 2);
        row.maxMs = round(max(times), 2);
      } catch (error) {
        row.error = String(error?.stack ?? error);
      }
      rows.push(row);
    }
  }
  print({ status: 'measured', items: MIGRATION_ITEMS, formats: MIGRATION_FORMATS, providers: ids, iterations, warmup, rows, sink });
}

main().catch((error) => print({ status: 'error', error: String(error?.stack ?? error) }));
