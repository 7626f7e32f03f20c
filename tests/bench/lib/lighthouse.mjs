// Lighthouse through its CLI (npm `lighthouse`), one page after another: Debian
// Chromium via CHROME_PATH, --chrome-flags="--headless=new --no-sandbox", mobile
// form factor with the default (simulated) throttling.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runProcess, tail } from './proc.mjs';
import { median, round } from './stats.mjs';

const require = createRequire(import.meta.url);
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

export function lighthouseVersion() {
  try {
    return require('lighthouse/package.json').version;
  } catch {
    return null;
  }
}

function cliPath() {
  return join(dirname(require.resolve('lighthouse/package.json')), 'cli', 'index.js');
}

/** Up to three short descriptions of what an audit found (what to fix). */
function auditItems(audit) {
  const items = Array.isArray(audit.details?.items) ? audit.details.items : [];
  return items.slice(0, 3).map((item) => {
    const parts = [item.description, item.node?.snippet, item.node?.nodeLabel, item.sourceLocation?.url ?? item.url]
      .filter((x) => typeof x === 'string' && x.length > 0);
    return [...new Set(parts)].join(' ').slice(0, 200);
  }).filter(Boolean);
}

/** The numbers the report keeps from one Lighthouse result (LHR). */
export function extract(lhr) {
  const audit = (id) => lhr.audits?.[id];
  const num = (id) => (typeof audit(id)?.numericValue === 'number' ? audit(id).numericValue : null);
  const scores = {};
  const failing = {};
  for (const id of CATEGORIES) {
    const cat = lhr.categories?.[id];
    scores[id] = typeof cat?.score === 'number' ? cat.score : null;
    failing[id] = (cat?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => audit(ref.id))
      .filter((a) => a && typeof a.score === 'number' && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
      .map((a) => ({
        id: a.id,
        title: a.title,
        score: a.score,
        ...(a.displayValue ? { displayValue: a.displayValue } : {}),
        items: auditItems(a),
      }));
  }
  return {
    scores,
    lcpMs: num('largest-contentful-paint'),
    tbtMs: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    fcpMs: num('first-contentful-paint'),
    speedIndexMs: num('speed-index'),
    failing,
    runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
    warnings: lhr.runWarnings ?? [],
    finalUrl: lhr.finalDisplayedUrl ?? lhr.finalUrl ?? null,
    lighthouseVersion: lhr.lighthouseVersion ?? null,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
  };
}

async function runOnce(url, chromePath, outFile) {
  const args = [
    cliPath(),
    url,
    '--output=json',
    `--output-path=${outFile}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--form-factor=mobile',
    '--chrome-flags=--headless=new --no-sandbox',
  ];
  const result = await runProcess(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: chromePath },
    timeoutMs: 5 * 60 * 1000,
  });
  let lhr = null;
  try {
    lhr = JSON.parse(readFileSync(outFile, 'utf8'));
  } catch {
    lhr = null;
  }
  if (lhr?.runtimeError) {
    throw new Error(`lighthouse could not measure ${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  }
  if (result.code !== 0 || !lhr) {
    const log = tail(`${result.stdout}\n${result.stderr}`.split('\n').filter((l) => !l.includes('LH:status')).join('\n'), 15);
    throw new Error(`lighthouse failed for ${url} (exit ${result.code ?? result.signal}${result.timedOut ? ', timed out' : ''}):\n${log}`);
  }
  return { ...extract(lhr), seconds: round(result.ms / 1000, 1) };
}

/** One run, tried a second time if Lighthouse itself failed (never because of a score). */
async function runWithRetry(url, chromePath, outFile, notes) {
  try {
    return await runOnce(url, chromePath, outFile);
  } catch (error) {
    notes.push(`first attempt failed, retried: ${String(error.message).split('\n')[0]}`);
    rmSync(outFile, { force: true });
    return runOnce(url, chromePath, outFile);
  }
}

/**
 * `runs` Lighthouse runs of one page; every number is the median over the runs
 * (per metric), the failing audits are those of the run closest to the median
 * performance score. Raw results stay under `runs`.
 */
export async function measureLighthouse(url, { chromePath, runs = 1, tmpDir, slug }) {
  mkdirSync(tmpDir, { recursive: true });
  const results = [];
  const notes = [];
  for (let i = 0; i < runs; i++) {
    const outFile = join(tmpDir, `${slug}-run${i + 1}.json`);
    rmSync(outFile, { force: true });
    results.push(await runWithRetry(url, chromePath, outFile, notes));
  }
  const med = (pick) => {
    const values = results.map(pick).filter((v) => typeof v === 'number');
    return values.length ? median(values) : null;
  };
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, med((r) => r.scores[id])]));
  const perf = scores.performance;
  const representative = results.reduce((best, r) =>
    Math.abs((r.scores.performance ?? 0) - (perf ?? 0)) < Math.abs((best.scores.performance ?? 0) - (perf ?? 0)) ? r : best,
  );
  return {
    status: 'measured',
    runs,
    scores,
    lcpMs: round(med((r) => r.lcpMs), 0),
    tbtMs: round(med((r) => r.tbtMs), 0),
    cls: med((r) => r.cls),
    fcpMs: round(med((r) => r.fcpMs), 0),
    speedIndexMs: round(med((r) => r.speedIndexMs), 0),
    failing: representative.failing,
    warnings: [...new Set([...results.flatMap((r) => r.warnings), ...notes])],
    lighthouseVersion: results[0]?.lighthouseVersion ?? null,
    raw: results.map(({ failing, ...r }) => r),
  };
}
