// Self-tests of the benchmark's measuring code against a small fixture site
// (tests/bench/fixtures/site) with known bytes and known delays.
// Run: node --test tests/bench/
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { normaliseRoute, parseArgs } from './lib/args.mjs';
import { launchChromium } from './lib/browser.mjs';
import { BUDGETS, meets } from './lib/budgets.mjs';
import { collectChecks, collectErrors, collectNotMeasured } from './lib/checks.mjs';
import { environment } from './lib/env.mjs';
import { markdown, summary } from './lib/report.mjs';
import { measureGenerator } from './lib/generator.mjs';
import { MIGRATION_FORMATS, MIGRATION_ITEMS, migrationExports } from './lib/migration-inputs.mjs';
import { measureMigration } from './lib/migration.mjs';
import { builtRoutes, pageKind, selectPages } from './lib/pages.mjs';
import { startStaticServer } from './lib/server.mjs';
import { docPath } from './lib/starlight.mjs';
import { pageToMdx } from './starlight/make-content.mjs';
import { median, percentile } from './lib/stats.mjs';
import { combineTypingRuns, keystrokeWork, longestTraceTask, measureTyping, measureTypingFloor, measureTypingRuns } from './lib/typing.mjs';
import { measureWeight } from './lib/weight.mjs';

const site = fileURLToPath(new URL('./fixtures/site/', import.meta.url));
const gz = (path) => gzipSync(readFileSync(join(site, path))).length;
// Measurements of the fixture pages, reused by the report test at the end.
const measured = {};

describe('statistics and budgets', () => {
  test('median and nearest-rank percentile', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(hundred, 95), 95);
    assert.equal(percentile(hundred, 99), 99);
    assert.equal(percentile([5], 95), 5);
  });
  test('budget comparisons', () => {
    assert.equal(meets(8000, BUDGETS.jsLoad.overview), true);
    assert.equal(meets(8001, BUDGETS.jsLoad.overview), false);
    assert.equal(meets(0.98, BUDGETS.lighthouse.performance), true);
    assert.equal(meets(0.97, BUDGETS.lighthouse.performance), false);
    assert.equal(meets(0.0001, BUDGETS.lighthouse.cls), false);
    assert.equal(meets(16, BUDGETS.typingWorkP95Ms), false);
    assert.equal(meets(15.9, BUDGETS.typingWorkP95Ms), true);
    assert.equal(meets(null, BUDGETS.typingWorkP95Ms), null);
  });
  test('options', () => {
    const o = parseArgs(['--skip-build', '--pages', '/,hashicorp-vault', '--runs=3']);
    assert.equal(o.build, false);
    assert.deepEqual(o.pages, ['/', '/hashicorp-vault/']);
    assert.equal(o.runs, 3);
    assert.equal(o.starlight, true);
    assert.equal(parseArgs(['--skip-starlight']).starlight, false);
    assert.throws(() => parseArgs(['--runs', '0']));
    assert.throws(() => parseArgs(['--nope']));
    assert.equal(normaliseRoute('/a?x=1'), '/a/');
  });
  test('pages found in a built folder', () => {
    assert.deepEqual(builtRoutes(site), ['/', '/after-load/', '/busy/', '/far-snippet/', '/guide/', '/heavy-frame/', '/plain/', '/slow/', '/third/']);
    assert.equal(pageKind('/'), 'overview');
    assert.equal(pageKind('/azure-key-vault/'), 'guide');
    const pages = selectPages(site, null);
    assert.equal(pages.find((p) => p.route === '/hashicorp-vault/').built, false);
    assert.equal(pages.find((p) => p.route === '/guide/').built, true);
  });
  test('longest task from a trace', () => {
    const trace = {
      traceEvents: [
        { ph: 'M', name: 'thread_name', pid: 1, tid: 2, args: { name: 'CrRendererMain' } },
        { ph: 'M', name: 'thread_name', pid: 1, tid: 3, args: { name: 'Compositor' } },
        { ph: 'X', name: 'ThreadControllerImpl::RunTask', pid: 1, tid: 2, dur: 12000 },
        { ph: 'X', name: 'ThreadControllerImpl::RunTask', pid: 1, tid: 3, dur: 90000 },
        { ph: 'X', name: 'Layout', pid: 1, tid: 2, dur: 70000 },
      ],
    };
    assert.equal(longestTraceTask(Buffer.from(JSON.stringify(trace))), 12);
  });
  test('work per keystroke from a trace: busy time from the key task to the frame task', () => {
    const main = { pid: 1, tid: 2 };
    const task = (ts, dur, where = main) => ({ ph: 'X', name: 'ThreadControllerImpl::RunTask', ts, dur, ...where });
    const mark = (name, ts, where = main) => ({ ph: 'I', name, ts, ...where });
    const trace = {
      traceEvents: [
        { ph: 'M', name: 'thread_name', pid: 1, tid: 2, args: { name: 'CrRendererMain' } },
        { ph: 'M', name: 'thread_name', pid: 1, tid: 3, args: { name: 'Compositor' } },
        // Key 1: a 3 ms key task, 5 ms idle, a 1 ms timer task, 4 ms idle, a 2 ms frame.
        task(1000, 3000),
        mark('typing:key:1', 1100),
        task(9000, 1000),
        task(9200, 300), // nested in the timer task: not counted twice
        task(14000, 2000),
        mark('typing:frame:1', 14500),
        task(14000, 50000, { pid: 1, tid: 3 }), // another thread: not counted
        // Key 2: key and frame in one task.
        task(20000, 6000),
        mark('typing:key:2', 20100),
        mark('typing:frame:2', 25000),
        // Key 3: no frame mark (timed out): left out.
        task(40000, 1000),
        mark('typing:key:3', 40100),
      ],
    };
    const work = keystrokeWork(Buffer.from(JSON.stringify(trace)));
    assert.deepEqual([...work.keys()].sort(), [1, 2]);
    // Painted: the end of the frame's task, counted from the key mark.
    assert.deepEqual(work.get(1), { workMs: 6, spanMs: 15, keyMarkToPaintedMs: 14.9 });
    assert.deepEqual(work.get(2), { workMs: 6, spanMs: 6, keyMarkToPaintedMs: 5.9 });
    assert.equal(keystrokeWork(Buffer.from('not json')).size, 0);
  });
});

describe('Starlight comparison pages', () => {
  const page = `<html><body><main><h1 class="page-title">Vault &amp; Airflow</h1><p class="lead">Read {secrets} from <b>Vault</b>.</p>
<div class="prose"><section class="doc-section"><div class="heading heading--h2"><h2 id="s">Step 1: Set <code>VAULT_ADDR</code></h2><a class="heading__anchor" href="#s"><span class="sr-only">Link</span></a></div>
<p>Use <a href="https://example.com/a b">the CLI</a> with <code>a\`b</code> and 1 < 2.</p>
<div class="setup"><form data-setup-form><input name="x"></form></div>
<div class="tabs" data-tabs="platform"><div class="tabs__list"><button data-tab-value="astro">Astro</button><button data-tab-value="software">Software</button></div>
<div class="tabs__panels"><section class="tabs__panel" data-tab-value="astro"><h3 class="tabs__panel-heading">Astro</h3><ul><li>One</li><li>Two</li></ul></section>
<section class="tabs__panel" data-tab-value="software"><h3 class="tabs__panel-heading">Software</h3><ol><li>First</li></ol></section></div></div>
<div class="callout callout--warning"><p class="callout__title"><span>Careful</span></p><div class="callout__body"><p>Mind the gap.</p></div></div>
<div class="live-snippet" data-live-snippet="x"><figure class="code-block" data-lang="sh" data-empty-for="software:"><pre><code>other</code></pre></figure>
<figure class="code-block" data-lang="sh" data-default=""><figcaption><span class="code-block__filename">.env</span></figcaption><pre><code><span>A=&quot;1&quot;</span>
<span>B=2</span></code></pre></figure><template data-line-pool><span>pool</span></template></div>
</section></div></main></body></html>`;

  test('prose, headings, tabs, callouts and the default rendering of a snippet carry over; the form does not', () => {
    const mdx = pageToMdx(page);
    assert.match(mdx, /^---\ntitle: "Vault & Airflow"\ndescription: "Read \{secrets\} from Vault\."\n---/);
    assert.match(mdx, /import \{ Tabs, TabItem \} from '@astrojs\/starlight\/components';/);
    assert.match(mdx, /Read \\\{secrets\\\} from \*\*Vault\*\*\./);
    assert.match(mdx, /^## Step 1: Set `VAULT_ADDR`$/m);
    assert.match(mdx, /Use \[the CLI\]\(https:\/\/example\.com\/a%20b\) with `` a`b `` and 1 \\< 2\./);
    assert.match(mdx, /<Tabs syncKey="platform">\n<TabItem label="Astro">\n\n- One\n- Two\n\n<\/TabItem>\n<TabItem label="Software">\n\n1\. First\n\n<\/TabItem>\n<\/Tabs>/);
    assert.match(mdx, /:::caution\[Careful\]\nMind the gap\.\n:::/);
    assert.match(mdx, /```sh title="\.env"\nA="1"\nB=2\n```/);
    for (const gone of ['other', 'pool', 'input', 'data-setup-form', 'Link', '### Astro']) assert.ok(!mdx.includes(gone), gone);
  });

  test('a route is one content file', () => {
    assert.equal(docPath('/'), 'index.mdx');
    assert.equal(docPath('/hashicorp-vault/'), 'hashicorp-vault.mdx');
  });
});

describe('typing runs', () => {
  // The shape measureTyping returns, with the numbers that matter here.
  const run = (workP95, latencyP95, longest, timedOut = 0) => ({
    status: 'measured',
    keystrokes: 200,
    watched: ['lookup:variableKey'],
    timedOut,
    latencyMs: { median: latencyP95 - 4, p95: latencyP95 },
    workMs: { median: workP95 - 5, p95: workP95, keystrokes: 200 },
    rest: { snippet: 'example-dag', updatedMs: null, missed: 0 },
    longestTaskMs: longest,
    samplesMs: [workP95],
  });
  test('every number is the median over the runs; time-outs add up; each run is listed', () => {
    const c = combineTypingRuns([run(19, 22, 40, 1), run(12, 16, 20), run(13, 17, 30, 2)]);
    assert.equal(c.runs, 3);
    assert.equal(c.workMs.p95, 13);
    assert.equal(c.workMs.median, 8);
    assert.equal(c.latencyMs.p95, 17);
    assert.equal(c.longestTaskMs, 30);
    assert.equal(c.timedOut, 3);
    assert.equal(c.rest.updatedMs, null);
    assert.deepEqual(c.watched, ['lookup:variableKey']);
    // The samples are those of the run in the middle by work p95.
    assert.deepEqual(c.samplesMs, [13]);
    assert.deepEqual(c.perRun.map((r) => r.workP95Ms), [19, 12, 13]);
  });
  test('one run is returned as measured; a run that did not measure is the result', () => {
    assert.equal(combineTypingRuns([run(12, 16, 20)]).workMs.p95, 12);
    const failedRun = { status: 'error', error: 'never painted' };
    assert.deepEqual(combineTypingRuns([run(12, 16, 20), failedRun]), failedRun);
    assert.throws(() => combineTypingRuns([]));
  });
});

describe('static server', () => {
  let server;
  before(async () => {
    server = await startStaticServer(site);
  });
  after(() => server.close());
  test('serves pages, redirects, 404 and gzip', async () => {
    const index = await fetch(`${server.origin}/`);
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type'), /text\/html/);
    assert.match(await index.text(), /Fixture overview/);
    const redirect = await fetch(`${server.origin}/guide`, { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/guide/');
    const missing = await fetch(`${server.origin}/nope/`);
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /Not found/);
    const traversal = await fetch(`${server.origin}/..%2f..%2fetc/passwd`);
    assert.notEqual(traversal.status, 200);
    const js = await fetch(`${server.origin}/_astro/lazy.js`);
    assert.equal(js.headers.get('content-encoding'), 'gzip');
    assert.equal((await js.text()).length, readFileSync(join(site, '_astro/lazy.js'), 'utf8').length);
  });
});

describe('in Chromium', () => {
  let server;
  let browser;
  before(async () => {
    server = await startStaticServer(site);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('plain page: no JavaScript, no edit', async () => {
    const w = await measureWeight(browser, server.origin, '/', site);
    measured.overviewWeight = w;
    assert.equal(w.load.js.total, 0);
    assert.equal(w.later, null);
    assert.match(w.edit.reason, /no form/);
    assert.equal(w.html.raw, readFileSync(join(site, 'index.html')).length);
    assert.ok(w.inline.load.css.raw > 0);
  });

  test('guide page: island at load, lazy chunk after the first edit', async () => {
    const w = await measureWeight(browser, server.origin, '/guide/', site);
    measured.guideWeight = w;
    assert.equal(w.load.js.external, gz('_astro/island.js'));
    assert.ok(w.load.js.inline > 0, 'the inline head script counts');
    assert.equal(w.load.js.total, w.load.js.external + w.load.js.inline);
    assert.equal(w.load.css.external, gz('_astro/site.css'));
    assert.equal(w.edit.done, true);
    assert.equal(w.edit.field, 'deploymentId');
    assert.equal(w.later.js.external, gz('_astro/lazy.js'));
    assert.equal(w.later.js.files, 1);
    assert.equal(w.otherOrigins.count, 0);
    assert.ok(w.resources.every((r) => r.matchesDist !== false));
    // Everything of this page starts before the load event.
    assert.equal(w.beforeLoadEvent.js.total, w.load.js.total);
    assert.equal(w.byReadWindow.total, w.html.gzip + gz('_astro/island.js') + gz('_astro/site.css'));
  });

  test('code started after the load event counts in the 5 s window, not before the load event', async () => {
    const w = await measureWeight(browser, server.origin, '/after-load/', site);
    measured.afterLoadWeight = w;
    assert.equal(w.beforeLoadEvent.js.external, 0);
    assert.equal(w.beforeLoadEvent.js.files, 0);
    assert.ok(w.beforeLoadEvent.js.inline > 0);
    assert.equal(w.byReadWindow.js, w.beforeLoadEvent.js.inline + gz('_astro/late.js'));
    assert.equal(w.byReadWindow.total, w.html.gzip + gz('_astro/late.js'));
    assert.equal(w.byReadWindow.ms, 5000);
  });

  test('requests to another origin are counted', async () => {
    const w = await measureWeight(browser, server.origin, '/third/', site);
    assert.equal(w.otherOrigins.count, 1);
    assert.match(w.otherOrigins.urls[0], /localhost:65534/);
  });

  test('typing: a synchronous update is fast and every keystroke is seen', async () => {
    const t = await measureTyping(browser, server.origin, '/guide/', { keystrokes: 40 });
    assert.equal(t.status, 'measured');
    assert.equal(t.timedOut, 0);
    assert.equal(t.finalValueLength, 40);
    assert.deepEqual(t.snippetsSeen, ['example-dag']);
    assert.equal(t.watchedKind, 'in view');
    assert.equal(t.rest, null, 'the DAG is in view, so there is no rest');
    assert.ok(t.latencyMs.median > 0 && t.latencyMs.median < 100, `median ${t.latencyMs.median}`);
  });

  test('typing: a delayed update and a blocking task are measured', async () => {
    const t = await measureTyping(browser, server.origin, '/slow/', { keystrokes: 60 });
    assert.equal(t.status, 'measured');
    assert.equal(t.timedOut, 0);
    assert.ok(t.latencyMs.median >= 40, `median ${t.latencyMs.median} should include the 40 ms delay`);
    assert.ok(t.longestTaskMs >= 80, `longest task ${t.longestTaskMs} should include the 80 ms busy loop`);
    assert.ok(t.longTasks.observer.count >= 1);
    // The 40 ms the update waits on a timer is idle time, not work.
    assert.ok(t.workMs, 'Chromium traced the typing');
    assert.ok(t.workMs.median < t.latencyMs.median - 30, `work median ${t.workMs.median} vs latency median ${t.latencyMs.median}`);
    assert.ok(t.workMs.max >= 80, `work max ${t.workMs.max} should include the 80 ms busy loop`);
  });

  test('typing: work done on every keystroke is the work measured', async () => {
    const t = await measureTyping(browser, server.origin, '/busy/', { keystrokes: 30 });
    measured.busyTyping = t;
    assert.equal(t.status, 'measured');
    assert.equal(t.workMs.keystrokes, 30);
    assert.ok(t.workMs.median >= 20, `work median ${t.workMs.median} should include the 20 ms of work per key`);
    assert.ok(t.latencyMs.median >= 20);
  });

  test('typing: rendering work in the frame that shows the snippet is part of the latency', async () => {
    // /heavy-frame/ updates the snippet at once, then spends 25 ms in that frame's animation callback.
    const t = await measureTyping(browser, server.origin, '/heavy-frame/', { keystrokes: 30 });
    assert.equal(t.status, 'measured');
    assert.equal(t.timedOut, 0);
    assert.equal(t.paintedFrom.trace, 30, 'every keystroke timed from the trace');
    assert.ok(t.latencyMs.median >= 25, `median ${t.latencyMs.median} should include the 25 ms frame`);
    assert.ok(t.workMs.median >= 25, `work median ${t.workMs.median} should include the 25 ms frame`);
    // The painted time is the end of the frame, never before the frame's own callback.
    assert.ok(t.latencyMs.median <= t.messageLatencyMs.median + 0.5, `trace ${t.latencyMs.median} vs message ${t.messageLatencyMs.median}`);
  });

  test('typing: the code in view is what is timed; the example DAG out of view is followed as the rest', async () => {
    // /far-snippet/ updates the lookup name under the field at once, the DAG 4000 px below 120 ms later.
    const t = await measureTyping(browser, server.origin, '/far-snippet/', { keystrokes: 20 });
    assert.equal(t.status, 'measured');
    assert.equal(t.timedOut, 0);
    assert.equal(t.watchedKind, 'in view');
    assert.deepEqual(t.watched, ['lookup:variable']);
    assert.deepEqual(t.snippetsSeen, ['lookup:variable']);
    assert.ok(t.latencyMs.p95 < 100, `key to paint p95 ${t.latencyMs.p95} should not wait for the DAG`);
    assert.equal(t.rest.snippet, 'example-dag');
    assert.equal(t.rest.missed, 0);
    assert.ok(t.rest.updatedMs.median >= 120, `the DAG updated after ${t.rest.updatedMs.median} ms, 120 ms late by design`);
  });

  test('typing floor: the fixture page measured with the same harness', async () => {
    const t = await measureTypingFloor(browser, server.origin, { keystrokes: 30, runs: 2 });
    measured.floor = t;
    assert.equal(t.status, 'measured');
    assert.equal(t.runs, 2);
    assert.equal(t.perRun.length, 2);
    assert.equal(t.timedOut, 0);
    assert.deepEqual(t.snippetsSeen, ['example-dag']);
    assert.ok(t.workMs && t.workMs.median < 16, `floor work median ${t.workMs?.median}`);
    assert.equal(t.paintedFrom.trace, 30, 'every keystroke timed from the trace');
  });

  test('typing: a page without the variableKey field is not measured', async () => {
    const t = await measureTypingRuns(browser, server.origin, '/plain/', { keystrokes: 5, runs: 3 });
    assert.equal(t.status, 'not-measured');
  });
});

describe('generator latency', () => {
  const scratch = [];
  const scratchDir = (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    scratch.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });
  test('times every provider, platform and auth method of a module', async () => {
    const root = scratchDir('bench-gen-');
    mkdirSync(join(root, 'src', 'generators'), { recursive: true });
    writeFileSync(
      join(root, 'src', 'generators', 'index.ts'),
      [
        "export const providers: Array<{ id: string }> = [{ id: 'hashicorp-vault' }, { id: 'azure-key-vault' }];",
        'export function generate(provider: string, input: Record<string, string>) {',
        "  const code: string = `${provider} ${input.platform} ${input.authMethod} ${input.variableKey}`.repeat(50);",
        "  return { snippets: [{ id: 'example-dag', code }], problems: [] as Array<{ severity: string }> };",
        '}',
      ].join('\n'),
    );
    const g = await measureGenerator(root, { iterations: 50, warmup: 5 });
    measured.generator = g;
    assert.equal(g.status, 'measured');
    assert.deepEqual(Object.keys(g.byProvider), ['hashicorp-vault', 'azure-key-vault']);
    // vault: astro, remote-execution x2, software; azure: astro x2, remote-execution x2, software
    assert.equal(g.rows.length, 9);
    assert.ok(g.rows.every((r) => r.iterations === 50 && r.medianMs >= 0 && r.snippets === 1));
    const missing = await measureGenerator(scratchDir('bench-none-'), { iterations: 5, warmup: 1 });
    assert.equal(missing.status, 'not-measured');
  });

  test('times planMigration() for 1,000 variables and 1,000 connections per provider and paste format', async () => {
    const root = scratchDir('bench-plan-');
    const dir = join(root, 'src', 'generators');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.ts'), "export const providerIds: string[] = ['hashicorp-vault', 'azure-key-vault'];\n");
    // A planner that reads what it is given: one item per variable and per connection.
    writeFileSync(
      join(dir, 'migration.ts'),
      [
        'export function planMigration(provider: string, input: Record<string, string>, exports: { variables?: string; connections?: string }) {',
        '  const text: string = (exports.variables ?? "") + (exports.connections ?? "");',
        '  const n: number = (text.match(/(?:_raw_bucket|_etl_config|_alert_emails|_max_retries|_api_base|_sql|_feature_on|_token|_label|_notes)_\\d+/g) ?? []).length',
        '    + (text.match(/(?:_warehouse|_mysql|_http|_aws|_gcp|_snowflake|_sftp|_slack)_\\d+/g) ?? []).length;',
        '  const items = Array.from({ length: n }, (_, i) => ({ kind: "variable", key: String(i), problems: [] as Array<{ severity: string }> }));',
        '  return { items, snippets: [{ id: "migrate-secrets", code: provider + input.platform }], problems: [] as Array<{ severity: string; field: string; message: string }> };',
        '}',
      ].join('\n'),
    );
    const m = await measureMigration(root, { iterations: 3, warmup: 1 });
    measured.migration = m;
    assert.equal(m.status, 'measured', m.error);
    assert.equal(m.items, MIGRATION_ITEMS);
    assert.deepEqual(m.formats, MIGRATION_FORMATS);
    assert.deepEqual(Object.keys(m.byProvider), ['hashicorp-vault', 'azure-key-vault']);
    assert.equal(m.rows.length, 2 * MIGRATION_FORMATS.length);
    for (const r of m.rows) {
      assert.equal(r.items, 2 * MIGRATION_ITEMS, `${r.format}: every generated variable and connection is in the paste`);
      assert.deepEqual(r.errors, []);
      assert.ok(r.medianMs >= 0 && r.p95Ms >= r.medianMs && r.iterations === 3);
    }
    assert.ok(MIGRATION_FORMATS.includes(m.byProvider['azure-key-vault'].worstFormat));
    // The same text every run (a fixed seed).
    assert.equal(migrationExports('astro').connections, migrationExports('astro').connections);
    const missing = await measureMigration(scratchDir('bench-plan-none-'), { iterations: 1, warmup: 0 });
    assert.equal(missing.status, 'not-measured');
  });
});

describe('report', () => {
  test('summary and Markdown show every part with its budget marks', () => {
    assert.ok(measured.guideWeight && measured.overviewWeight && measured.busyTyping && measured.floor && measured.generator && measured.migration, 'earlier tests ran');
    const lighthouse = {
      status: 'measured',
      runs: 1,
      scores: { performance: 0.97, accessibility: 1, 'best-practices': 1, seo: 1 },
      lcpMs: 900,
      tbtMs: 0,
      cls: 0,
      fcpMs: 800,
      speedIndexMs: 800,
      failing: { performance: [{ id: 'largest-contentful-paint', title: 'Largest Contentful Paint', score: 0.9, items: [] }], accessibility: [], 'best-practices': [], seo: [] },
      warnings: [],
    };
    const report = {
      environment: environment(process.cwd(), 'test', [0, 0, 0]),
      options: { lighthouse: true, typing: true, runs: 1, argv: [] },
      partial: null,
      build: { status: 'measured', seconds: 21.5 },
      generator: measured.generator,
      migration: measured.migration,
      typingFloor: measured.floor,
      pages: [
        { route: '/', kind: 'overview', built: true, weight: measured.overviewWeight, typing: { status: 'not-measured', reason: 'no form' }, lighthouse: { ...lighthouse, scores: { ...lighthouse.scores, performance: 1 } } },
        { route: '/hashicorp-vault/', kind: 'guide', built: true, weight: measured.guideWeight, typing: measured.busyTyping, lighthouse },
        { route: '/azure-key-vault/', kind: 'guide', built: false, weight: { status: 'not-measured', reason: 'page not in dist/' }, typing: { status: 'not-measured', reason: 'page not in dist/' }, lighthouse: { status: 'error', error: 'boom' } },
      ],
      // The guide against a "Starlight" page that is the after-load fixture: less JS before load.
      starlight: { status: 'measured', seconds: 5, pages: [{ route: '/hashicorp-vault/', weight: measured.afterLoadWeight }, { route: '/', weight: measured.guideWeight }] },
    };
    report.checks = collectChecks(report);
    report.notMeasured = collectNotMeasured(report);
    report.errors = collectErrors(report);
    const failedMetrics = report.checks.filter((c) => c.pass === false).map((c) => `${c.scope} ${c.metric}`);
    assert.ok(failedMetrics.includes('site build seconds'));
    assert.ok(failedMetrics.includes('/hashicorp-vault/ Lighthouse performance'));
    assert.ok(failedMetrics.includes('/hashicorp-vault/ typing work p95 ms'));
    assert.ok(!failedMetrics.some((m) => m.startsWith('/ ')), 'the overview meets its budgets');
    // Against Starlight: the ratio of the two measurements, judged on guides only.
    const jsRatio = report.checks.find((c) => c.scope === '/hashicorp-vault/' && c.metric === "JS before load / Starlight's");
    const expected = Math.round((measured.guideWeight.beforeLoadEvent.js.total / measured.afterLoadWeight.beforeLoadEvent.js.total) * 100) / 100;
    assert.equal(jsRatio?.value, expected);
    assert.equal(jsRatio?.pass, expected <= 1);
    assert.ok(report.checks.some((c) => c.scope === '/hashicorp-vault/' && c.metric === "bytes by 5 s / Starlight's"));
    assert.ok(!report.checks.some((c) => c.scope === '/' && /Starlight/.test(c.metric)), 'the overview is compared, not judged');
    assert.deepEqual(report.errors.map((e) => `${e.part} ${e.scope}`), ['lighthouse /azure-key-vault/']);
    const text = summary(report);
    assert.match(text, /Build: 21\.5 s ✗/);
    assert.match(text, /Typing floor \(.*\): key to paint median [\d.]+ ms, p95 [\d.]+ ms, work p95 [\d.]+ ms/);
    assert.match(text, /\| \/hashicorp-vault\/ .*0\.97 ✗/);
    // Key to paint is shown as the distance from the floor measured in the same run, unjudged.
    const over = measured.busyTyping.latencyMs.p95 - measured.floor.latencyMs.p95;
    const vaultRow = text.split('\n').find((l) => l.startsWith('| /hashicorp-vault/')) ?? '';
    assert.ok(vaultRow.includes(`(floor ${over < 0 ? '-' : '+'}${Math.abs(over).toFixed(1)})`), vaultRow);
    assert.ok(!report.checks.some((c) => /key to paint/.test(c.metric)), 'key to paint is reported, not judged');
    assert.match(text, /not measured: page weight, typing on \/azure-key-vault\/ \(page not in dist\/\)/);
    assert.match(text, /hashicorp-vault +\| +\d+\.\d{3} ✓/);
    // planMigration() in the generator's table, judged, with the format that took longest.
    assert.match(text, /planMigration\(\) of 1000 variables \+ 1000 connections/);
    assert.match(text, /\| hashicorp-vault +\| +\d+\.\d{3} ✓ \| +[\d.]+ \| +\d+ \| +\d+\.\d ✓ \((json|yaml|astro)\) \| +\d+\.\d \|/);
    assert.ok(report.checks.some((c) => c.scope === 'azure-key-vault' && /planMigration/.test(c.metric) && c.pass === true));
    assert.match(text, /ERROR lighthouse \/azure-key-vault\/: boom/);
    assert.match(text, /Against the same pages in Starlight/);
    assert.match(text, new RegExp(`\\| /hashicorp-vault/ +\\| +[\\d.]+ / [\\d.]+ = ${expected.toFixed(2)} ${expected <= 1 ? '✓' : '✗'}`));
    assert.ok(text.split('\n').length < 50, 'fits on one screen');
    const md = markdown(report);
    for (const heading of ['## Page weight', '## Lighthouse', '## Typing latency', '## Generator latency', '## Migration planner latency', '## All budget checks', '## Method']) {
      assert.ok(md.includes(heading), heading);
    }
    assert.match(md, /`largest-contentful-paint` Largest Contentful Paint/);
    assert.match(md, /`\/_astro\/lazy\.js`/);
  });
});
