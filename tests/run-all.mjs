#!/usr/bin/env node
// Runs every check of the project in order and prints one summary line:
// type check, unit and property tests (Vitest), static build, end-to-end and
// accessibility tests (Playwright in the system Chromium).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'guides-tests-'));
const vitestJson = join(out, 'vitest.json');
const playwrightJson = join(out, 'playwright.json');
const benchJunit = join(out, 'bench.xml');

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const steps = [];
steps.push(['type check', run('type check', 'npx', ['astro', 'check'])]);
steps.push([
  'unit',
  run('unit and property tests', 'npx', [
    'vitest', 'run', '--config', 'tests/vitest.config.ts',
    '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`,
  ]),
]);
const built = run('build', 'npx', ['astro', 'build']);
steps.push(['build', built]);
if (built) {
  steps.push([
    'e2e',
    run('end-to-end and accessibility tests', 'npx', [
      'playwright', 'test', '--config', 'tests/playwright.config.ts', '--reporter=list,json',
    ], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }),
  ]);
}

steps.push([
  'benchmark self-tests',
  run('benchmark self-tests (the measuring code, on a fixture site)', 'node', [
    '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=junit', `--test-reporter-destination=${benchJunit}`,
    'tests/bench/bench.test.mjs',
  ]),
]);

let passed = 0;
let failed = 0;
let skipped = 0;
/** Names of the failed tests with the first line of their error, repeated after the
 * summary so that the end of a long log says what failed. */
const failures = [];
const firstLine = (text) => String(text ?? '').replace(/\x1b\[[0-9;]*m/g, '').trim().split('\n')[0].slice(0, 200);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  for (const file of v.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'failed') {
        failures.push(`unit: ${test.fullName} (${file.name.replace(process.cwd() + '/', '')}): ${firstLine(test.failureMessages?.[0])}`);
      }
    }
  }
}
if (existsSync(playwrightJson)) {
  const p = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  passed += p.stats?.expected ?? 0;
  failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0);
  skipped += p.stats?.skipped ?? 0;
  const walk = (suite, titles) => {
    const here = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'unexpected' || test.status === 'flaky') {
          const error = test.results?.find((r) => r.error)?.error;
          failures.push(`e2e: ${[...here, spec.title].join(' › ')} (${spec.file}:${spec.line}): ${firstLine(error?.message)}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of p.suites ?? []) walk(suite, []);
}
if (existsSync(benchJunit)) {
  const xml = readFileSync(benchJunit, 'utf8');
  const cases = (xml.match(/<testcase\b/g) ?? []).length;
  const failureCount = (xml.match(/<failure\b/g) ?? []).length;
  const skips = (xml.match(/<skipped\b/g) ?? []).length;
  passed += cases - failureCount - skips;
  failed += failureCount;
  skipped += skips;
  for (const match of xml.matchAll(/<testcase\b[^>]*\bname="([^"]*)"[^>]*>\s*<failure\b[^>]*message="([^"]*)"/g)) {
    failures.push(`benchmark self-tests: ${match[1]}: ${firstLine(match[2])}`);
  }
}
const failedSteps = steps.filter(([, ok]) => !ok).map(([name]) => name);
console.log('');
for (const [name, ok] of steps) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
if (failures.length > 0) {
  console.log('failed tests:');
  for (const line of failures) console.log(`  ${line}`);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length === 0 ? 0 : 1);
