// The comparison site: the pages of our build rewritten as Starlight pages
// (tests/bench/starlight/make-content.mjs) in a copy of the Starlight project under
// tests/bench/starlight/, built with the same Astro, served like ours.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageToMdx } from '../starlight/make-content.mjs';
import { runProcess, tail } from './proc.mjs';

const template = join(dirname(fileURLToPath(import.meta.url)), '..', 'starlight');

/** The content file of a route: `/` is the index page, `/a/` is `a.mdx`. */
export function docPath(route) {
  return route === '/' ? 'index.mdx' : `${route.replace(/^\/|\/$/g, '')}.mdx`;
}

/**
 * Writes the Starlight project for `routes` of the built site in `siteDir` into
 * `workDir` and builds it. Resolves to { status, dist, seconds } or { status: 'error', error }.
 */
export async function buildStarlight(root, siteDir, routes, workDir) {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  cpSync(join(template, 'astro.config.mjs'), join(workDir, 'astro.config.mjs'));
  cpSync(join(template, 'src'), join(workDir, 'src'), { recursive: true });
  const docs = join(workDir, 'src', 'content', 'docs');
  for (const route of routes) {
    const html = readFileSync(join(siteDir, route === '/' ? '' : route, 'index.html'), 'utf8');
    const file = join(docs, docPath(route));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, pageToMdx(html));
  }
  const result = await runProcess('npx', ['astro', 'build', '--root', workDir], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    timeoutMs: 10 * 60 * 1000,
  });
  const dist = join(workDir, 'dist');
  if (result.code !== 0 || !existsSync(join(dist, 'index.html'))) {
    return { status: 'error', error: `Starlight build failed (exit ${result.code ?? result.signal}):\n${tail(`${result.stdout}\n${result.stderr}`, 30)}` };
  }
  return { status: 'measured', dist, seconds: result.ms / 1000 };
}
