// Page weight as the browser sees it: every response of a page load until 5 s after
// the load event with no interaction, the network idle ("at load"; of it, what started
// before the load event), then everything fetched because of the first edit in the
// setup form, until idle again ("later"). Gzip sizes are computed here
// (zlib default level) from each decoded response body, so they do not depend on
// how the server compressed. Inline <script> and <style> text is counted as
// JavaScript and CSS too (it is part of the HTML download as well).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { idleCallback, newPage } from './browser.mjs';
import { trackNetwork } from './network.mjs';

export const FORM_SELECTOR = 'form[data-setup-form]';
/** How long after the load event a reader who only reads is followed. */
export const READ_WINDOW_MS = 5000;
const TEXT_INPUT =
  'input:is([type="text" i], [type="search" i], [type="url" i], [type="email" i], [type="tel" i], :not([type]))';

/** Inline JavaScript and CSS currently in the document. */
function inlineCode(page) {
  return page.evaluate(() => {
    const jsTypes = new Set(['', 'module', 'text/javascript', 'application/javascript']);
    const scripts = [...document.querySelectorAll('script:not([src])')]
      .filter((s) => jsTypes.has((s.getAttribute('type') ?? '').trim().toLowerCase()))
      .map((s) => s.textContent ?? '');
    const styles = [...document.querySelectorAll('style')].map((s) => s.textContent ?? '');
    return { scripts, styles };
  });
}

const gz = (text) => (text.length === 0 ? 0 : gzipSync(Buffer.from(text, 'utf8')).length);
const bytes = (text) => Buffer.byteLength(text, 'utf8');

/** Size of a list of inline blocks: raw bytes, gzip of them joined (as they travel in one HTML file). */
function inlineSize(blocks) {
  const joined = blocks.join('\n');
  return { count: blocks.length, raw: bytes(joined), gzip: gz(joined) };
}

function sum(resources, type, phase, field = 'gzip') {
  return resources.filter((r) => r.type === type && r.phase === phase).reduce((a, r) => a + (r[field] ?? 0), 0);
}

/** Compare a same-origin response with the file in dist/ (a sanity check of the numbers). */
function distSize(distDir, origin, url) {
  if (!url.startsWith(`${origin}/`)) return null;
  let path = decodeURIComponent(new URL(url).pathname);
  if (path.endsWith('/')) path += 'index.html';
  try {
    return statSync(join(distDir, path)).size;
  } catch {
    return null;
  }
}

export async function measureWeight(browser, origin, route, distDir) {
  const { context, page } = await newPage(browser);
  const warnings = [];
  try {
    const net = trackNetwork(page, origin);
    net.setPhase('load');
    const response = await page.goto(origin + route, { waitUntil: 'load', timeout: 30000 });
    if (!response) throw new Error(`no response for ${route}`);
    if (response.status() !== 200) throw new Error(`${route} answered HTTP ${response.status()}`);
    // What started before the load event, by the page's own resource timing.
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const loadEventStart = nav && nav.loadEventStart > 0 ? nav.loadEventStart : performance.now();
      return {
        loadEventStart,
        before: performance
          .getEntriesByType('resource')
          .filter((r) => r.startTime < loadEventStart)
          .map((r) => r.name),
      };
    });
    // A reader who only reads: READ_WINDOW_MS after the load event without any input.
    await page.waitForFunction((t) => performance.now() >= t, timing.loadEventStart + READ_WINDOW_MS, {
      polling: 100,
      timeout: READ_WINDOW_MS + 15000,
    });
    let pending = await net.waitQuiet();
    await idleCallback(page);
    pending = pending.concat(await net.waitQuiet());
    if (pending.length) warnings.push(`network not idle after page load: ${pending.join(', ')}`);
    const startedBeforeLoad = new Set(timing.before);
    const inlineAtLoad = await inlineCode(page);

    // The first edit: one character into the first text input of the setup form.
    let edit;
    const form = page.locator(FORM_SELECTOR).first();
    if ((await form.count()) === 0) {
      edit = { done: false, reason: `no ${FORM_SELECTOR} on the page` };
    } else {
      const input = form.locator(TEXT_INPUT).filter({ visible: true }).first();
      if ((await input.count()) === 0) {
        edit = { done: false, reason: `${FORM_SELECTOR} has no visible text input` };
      } else {
        const field = (await input.getAttribute('name')) ?? (await input.getAttribute('id')) ?? '(unnamed)';
        net.setPhase('later');
        await input.click();
        await page.keyboard.type('a');
        let late = await net.waitQuiet();
        await idleCallback(page);
        late = late.concat(await net.waitQuiet());
        if (late.length) warnings.push(`network not idle after the first edit: ${late.join(', ')}`);
        edit = { done: true, field, typed: 'a' };
      }
    }
    const inlineAfter = await inlineCode(page);
    const resources = await net.finish();

    const documentEntry = resources.find((r) => r.resourceType === 'document' && r.url === origin + route);
    if (!documentEntry?._body) throw new Error(`could not read the HTML of ${route}`);
    const seenScripts = new Set(inlineAtLoad.scripts);
    const seenStyles = new Set(inlineAtLoad.styles);
    const inline = {
      load: { js: inlineSize(inlineAtLoad.scripts), css: inlineSize(inlineAtLoad.styles) },
      later: {
        js: inlineSize(inlineAfter.scripts.filter((s) => !seenScripts.has(s))),
        css: inlineSize(inlineAfter.styles.filter((s) => !seenStyles.has(s))),
      },
    };

    const list = resources.map(({ _body, ...r }) => {
      const expected = distSize(distDir, origin, r.url);
      return {
        url: r.url.startsWith(origin) ? r.url.slice(origin.length) : r.url,
        phase: r.phase,
        type: r.type,
        status: r.status ?? null,
        raw: r.raw,
        gzip: r.gzip,
        ...(r.otherOrigin ? { otherOrigin: true } : {}),
        ...(r.failure ? { failure: r.failure } : {}),
        ...(expected !== null && r.raw !== null && r.status === 200 ? { matchesDist: expected === r.raw } : {}),
      };
    });
    const mismatched = list.filter((r) => r.matchesDist === false);
    if (mismatched.length) warnings.push(`bytes differ from dist/ for: ${mismatched.map((r) => r.url).join(', ')}`);
    const broken = list.filter((r) => r.failure || (r.status !== null && r.status >= 400));
    const other = list.filter((r) => r.otherOrigin);

    const phaseTotals = (phase) => ({
      js: {
        external: sum(resources, 'js', phase),
        inline: inline[phase].js.gzip,
        total: sum(resources, 'js', phase) + inline[phase].js.gzip,
        files: resources.filter((r) => r.type === 'js' && r.phase === phase).length,
      },
      css: {
        external: sum(resources, 'css', phase),
        inline: inline[phase].css.gzip,
        total: sum(resources, 'css', phase) + inline[phase].css.gzip,
        files: resources.filter((r) => r.type === 'css' && r.phase === phase).length,
      },
      otherGzip: resources
        .filter((r) => r.phase === phase && !['js', 'css'].includes(r.type) && r !== documentEntry)
        .reduce((a, r) => a + (r.gzip ?? 0), 0),
      requests: resources.filter((r) => r.phase === phase).length,
    });

    const load = phaseTotals('load');
    const jsBeforeLoad = resources.filter((r) => r.type === 'js' && r.phase === 'load' && startedBeforeLoad.has(r.url));
    const external = jsBeforeLoad.reduce((a, r) => a + (r.gzip ?? 0), 0);
    return {
      status: 'measured',
      html: { raw: documentEntry.raw, gzip: documentEntry.gzip },
      // JavaScript before the load event: inline scripts and script files started before it.
      beforeLoadEvent: { js: { external, inline: inline.load.js.gzip, total: external + inline.load.js.gzip, files: jsBeforeLoad.length } },
      // Everything a reader who only reads downloads in READ_WINDOW_MS after the load event.
      byReadWindow: {
        ms: READ_WINDOW_MS,
        js: load.js.total,
        total: resources.filter((r) => r.phase === 'load').reduce((a, r) => a + (r.gzip ?? 0), 0),
        requests: load.requests,
      },
      load,
      later: edit.done ? phaseTotals('later') : null,
      edit,
      inline,
      otherOrigins: { count: other.length, urls: other.map((r) => r.url) },
      broken: broken.map((r) => ({ url: r.url, status: r.status, failure: r.failure })),
      resources: list,
      warnings,
    };
  } finally {
    await context.close();
  }
}
