/**
 * Hydrates a guide's form islands (the setup form and the connection builder) when boot.ts
 * asks: the server rendered each one inside `<div data-island="<name>">` without any
 * hydration script or props, so Preact, the island code and their props (the guide's
 * SetupConfig, one JSON file per provider) download only now; the connection builder, further
 * down, when it comes near the view. `<html data-islands>` says how far the setup form got:
 * `loading`, then `hydrated` (a test hook), or `failed` (tried again at the next call); each
 * hydrated host gets `data-hydrated`.
 */
import type { FunctionComponent } from 'preact';
import type { GuideSpec, SetupConfig } from './config.ts';
import { setupConfigUrl } from './activation.ts';
import { whenNear } from './when-near.ts';
import { HYDRATED_ATTRIBUTE, ISLAND_ATTRIBUTE, ISLAND_HOST, replayIslandActions } from './island-actions.ts';

/** The island components by the name their host carries. */
const ISLANDS: Record<string, () => Promise<{ default: FunctionComponent<{ config: SetupConfig }> }>> = {
  'setup-form': () => import('../SetupFormIsland.tsx'),
  'connection-builder': () => import('../ConnectionBuilderIsland.tsx'),
};

async function readConfig(spec: GuideSpec): Promise<SetupConfig> {
  const response = await fetch(setupConfigUrl(spec.provider), { credentials: 'omit' });
  if (!response.ok) throw new Error(`setup config: HTTP ${response.status}`);
  const config = (await response.json()) as SetupConfig;
  if (config?.provider !== spec.provider || !Array.isArray(config.fields)) throw new Error('setup config: not this guide');
  return config;
}

let hydrating: Promise<void> | undefined;
let config: Promise<SetupConfig> | undefined;
const started = new WeakSet<HTMLElement>();

/** Hydrates one island (once; a failure is tried again at the next call). */
function hydrateHost(spec: GuideSpec, host: HTMLElement): Promise<void> {
  if (started.has(host)) return Promise.resolve();
  started.add(host);
  const load = ISLANDS[host.getAttribute(ISLAND_ATTRIBUTE) ?? ''];
  if (!load) return Promise.reject(new Error(`unknown island ${host.getAttribute(ISLAND_ATTRIBUTE)}`));
  return Promise.all([import('preact'), (config ??= readConfig(spec)), load()])
    .then(([{ h, hydrate }, props, component]) => {
      hydrate(h(component.default, { config: props }), host);
      host.setAttribute(HYDRATED_ATTRIBUTE, '');
      replayIslandActions(host);
    })
    .catch((error: unknown) => {
      started.delete(host);
      config = undefined;
      throw error;
    });
}

/**
 * An island further down the page (the connection builder) hydrates when it comes within a
 * screen of the view or the reader reaches for it; until then it is plain HTML, whose typing
 * the setup reads and whose button presses are kept (start.ts).
 */
function hydrateWhenNear(spec: GuideSpec, host: HTMLElement): void {
  whenNear([host], () => void hydrateHost(spec, host).catch(() => undefined));
}

export function hydrateIslands(spec: GuideSpec): Promise<void> {
  const root = document.documentElement;
  const hosts = Array.from(document.querySelectorAll<HTMLElement>(ISLAND_HOST));
  if (hosts.length === 0) return Promise.resolve();
  hydrating ??= (async () => {
    root.dataset.islands = 'loading';
    const later = hosts.filter((host) => host.getAttribute(ISLAND_ATTRIBUTE) === 'connection-builder');
    for (const host of later) hydrateWhenNear(spec, host);
    await Promise.all(hosts.filter((host) => !later.includes(host)).map((host) => hydrateHost(spec, host)));
    root.dataset.islands = 'hydrated';
  })().catch(() => {
    root.dataset.islands = 'failed';
    hydrating = undefined;
  });
  return hydrating;
}
