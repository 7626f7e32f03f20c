#!/usr/bin/env node
// Performance benchmark of the built site: `npm run bench` (see --help).
// Measures the build time, per-page weight at load and after the first edit,
// Lighthouse scores, typing latency, generator and migration planner latency, compares them with
// the budgets and writes tests/bench/report/{report.json,report.md}. Exits
// non-zero only when something that exists could not be measured.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE } from './lib/args.mjs';
import { chromiumMissingMessage, chromiumPath, launchChromium } from './lib/browser.mjs';
import { measureBuild } from './lib/build.mjs';
import { collectChecks, collectErrors, collectNotMeasured } from './lib/checks.mjs';
import { environment, loadAverage } from './lib/env.mjs';
import { measureGenerator } from './lib/generator.mjs';
import { measureLighthouse } from './lib/lighthouse.mjs';
import { measureMigration } from './lib/migration.mjs';
import { selectPages } from './lib/pages.mjs';
import { markdown, summary } from './lib/report.mjs';
import { startStaticServer } from './lib/server.mjs';
import { measureTypingFloor, measureTypingRuns } from './lib/typing.mjs';
import { buildStarlight } from './lib/starlight.mjs';
import { measureWeight } from './lib/weight.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const distDir = join(root, 'dist');

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);
const notMeasured = (reason) => ({ status: 'not-measured', reason });
const failed = (error) => ({ status: 'error', error: String(error?.message ?? error) });
const slugOf = (route) => (route === '/' ? 'index' : route.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-'));

async function main() {
  const loadAtStart = loadAverage();
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const outDir = resolve(root, opts.out ?? join('tests', 'bench', 'report'));
  const tmpDir = join(here, 'tmp');
  const partial = [
    opts.pages ? `pages limited to ${opts.pages.join(',')}` : null,
    opts.build ? null : 'build skipped',
    opts.lighthouse ? null : 'Lighthouse skipped',
    opts.typing ? null : 'typing skipped',
    opts.generator ? null : 'generator skipped',
    opts.starlight ? null : 'Starlight comparison skipped',
  ].filter(Boolean);
  const report = {
    schema: 1,
    environment: null,
    options: { ...opts, argv: process.argv.slice(2) },
    partial: partial.length ? partial.join('; ') : null,
    build: null,
    generator: null,
    migration: null,
    starlight: null,
    pages: [],
    checks: [],
    notMeasured: [],
    errors: [],
    fatal: [],
  };

  // 1. Build.
  if (opts.build) {
    log('astro build ...');
    report.build = await measureBuild(root);
    log(report.build.status === 'measured' ? `build: ${report.build.seconds.toFixed(1)} s` : 'build FAILED');
  } else {
    report.build = notMeasured('--skip-build');
  }
  let distUsable = report.build.status !== 'error' && existsSync(join(distDir, 'index.html'));
  if (!distUsable && report.build.status !== 'error') {
    report.fatal.push({ part: 'pages', scope: 'site', error: 'dist/index.html is missing: run without --skip-build (or run astro build first)' });
  }
  // Measure a copy of dist/ taken now, so a rebuild while the benchmark runs
  // (minutes) cannot change the files under it.
  const siteDir = join(tmpDir, 'dist');
  if (distUsable) {
    try {
      rmSync(siteDir, { recursive: true, force: true });
      cpSync(distDir, siteDir, { recursive: true });
    } catch (error) {
      distUsable = false;
      report.fatal.push({ part: 'pages', scope: 'site', error: `could not copy dist/: ${error.message}` });
    }
  }

  // 2. Generator (Node only, before any browser is running).
  if (opts.generator) {
    log('generator latency ...');
    report.generator = await measureGenerator(root, { iterations: opts.iterations });
    log('migration planner (1,000 variables + 1,000 connections) ...');
    report.migration = await measureMigration(root);
  } else {
    report.generator = notMeasured('--skip-generator');
    report.migration = notMeasured('--skip-generator');
  }

  // 3. Pages in Playwright-driven Chromium, then Lighthouse, against the static server.
  const pages = selectPages(distUsable ? siteDir : distDir, opts.pages);
  report.pages = pages.map((p) => ({ ...p, weight: null, typing: null, lighthouse: null }));

  // The same pages in Starlight, for the comparison (built from our built pages).
  const compared = report.pages.filter((p) => p.built && p.kind !== 'page').map((p) => p.route);
  let starlightDist = null;
  if (!opts.starlight) report.starlight = notMeasured('--skip-starlight');
  else if (!distUsable) report.starlight = notMeasured('no build of this site to compare');
  else if (compared.length === 0) report.starlight = notMeasured('no overview or guide page selected');
  else {
    log('Starlight comparison site: build ...');
    try {
      const { dist, ...built } = await buildStarlight(root, siteDir, compared, join(tmpDir, 'starlight'));
      report.starlight = built;
      starlightDist = dist ?? null;
    } catch (error) {
      report.starlight = failed(error);
    }
    if (report.starlight.status === 'measured') report.starlight.pages = compared.map((route) => ({ route, weight: null }));
  }
  report.typingFloor = null;
  let chromiumVersion = null;
  if (distUsable) {
    const server = await startStaticServer(siteDir);
    log(`serving a copy of dist/ at ${server.origin}`);
    try {
      let browser = null;
      try {
        browser = await launchChromium();
        chromiumVersion = browser.version();
      } catch (error) {
        report.fatal.push({ part: 'chromium', scope: 'browser', error: existsSync(chromiumPath) ? `could not start Chromium: ${error.message}` : chromiumMissingMessage() });
      }
      if (!opts.typing) report.typingFloor = notMeasured('--skip-typing');
      else if (!browser) report.typingFloor = failed('Chromium unavailable');
      else {
        log('typing floor (fixture page) ...');
        try {
          report.typingFloor = await measureTypingFloor(browser, server.origin, { keystrokes: opts.keystrokes, runs: opts.runs });
        } catch (error) {
          report.typingFloor = failed(error);
        }
      }
      for (const p of report.pages) {
        if (!p.built) {
          const why = report.build.status === 'error' ? 'build failed' : 'page not in dist/ (not built yet)';
          p.weight = notMeasured(why);
          p.typing = notMeasured(why);
          p.lighthouse = notMeasured(why);
          continue;
        }
        if (!browser) {
          p.weight = failed('Chromium unavailable');
          p.typing = failed('Chromium unavailable');
          continue;
        }
        log(`${p.route}: page weight ...`);
        try {
          p.weight = await measureWeight(browser, server.origin, p.route, siteDir);
        } catch (error) {
          p.weight = failed(error);
        }
        if (!opts.typing) {
          p.typing = notMeasured('--skip-typing');
        } else {
          log(`${p.route}: typing (${opts.runs} run${opts.runs > 1 ? 's' : ''}) ...`);
          try {
            p.typing = await measureTypingRuns(browser, server.origin, p.route, { keystrokes: opts.keystrokes, runs: opts.runs });
          } catch (error) {
            p.typing = failed(error);
          }
        }
      }
      if (browser && report.starlight?.status === 'measured' && starlightDist) {
        const theirs = await startStaticServer(starlightDist);
        try {
          for (const x of report.starlight.pages) {
            log(`${x.route}: page weight in Starlight ...`);
            try {
              x.weight = await measureWeight(browser, theirs.origin, x.route, starlightDist);
            } catch (error) {
              x.weight = failed(error);
            }
          }
        } finally {
          await theirs.close();
        }
      }
      if (browser) await browser.close();

      for (const p of report.pages) {
        if (!p.built) continue;
        if (!opts.lighthouse) {
          p.lighthouse = notMeasured('--skip-lighthouse');
          continue;
        }
        if (!existsSync(chromiumPath)) {
          p.lighthouse = failed(chromiumMissingMessage());
          continue;
        }
        log(`${p.route}: Lighthouse (${opts.runs} run${opts.runs > 1 ? 's' : ''}) ...`);
        try {
          p.lighthouse = await measureLighthouse(server.origin + p.route, {
            chromePath: chromiumPath,
            runs: opts.runs,
            tmpDir: join(tmpDir, 'lighthouse'),
            slug: slugOf(p.route),
          });
        } catch (error) {
          p.lighthouse = failed(error);
        }
      }
    } finally {
      await server.close();
    }
  } else {
    const why = report.build.status === 'error' ? 'build failed' : 'no dist/';
    report.typingFloor = notMeasured(why);
    for (const p of report.pages) {
      p.weight = failed(why);
      p.typing = failed(why);
      p.lighthouse = opts.lighthouse ? failed(why) : notMeasured('--skip-lighthouse');
    }
  }

  // 4. Report.
  report.environment = environment(root, chromiumVersion, loadAtStart);
  report.checks = collectChecks(report);
  report.notMeasured = collectNotMeasured(report);
  report.errors = collectErrors(report);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(outDir, 'report.md'), markdown(report));
  const text = summary(report);
  process.stdout.write(`\n${text}\n`);
  log(`report: ${join(outDir, 'report.md')} and report.json`);
  if (opts.updateBaseline) {
    if (report.errors.length) {
      log('baseline NOT updated: some parts could not be measured (see errors)');
    } else {
      writeFileSync(join(outDir, 'baseline.md'), text);
      log(`baseline updated: ${join(outDir, 'baseline.md')}`);
    }
  }
  return report.errors.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`[bench] could not run: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
