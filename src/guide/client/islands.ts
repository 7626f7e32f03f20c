/**
 * Hydrates a guide's form islands (the setup form and the connection builder) when boot.ts
 * asks: the server rendered each one inside `<div data-island="<name>">` without any
 * hydration script or props, so Preact, the island code and their props (the guide's
 * SetupConfig, one JSON file per provider) download only now. `<html data-islands>` says
 * how far it got: `loading`, then `hydrated` (a test hook), or `failed` (tried again at the
 * next call).
 */
import type { FunctionComponent } from 'preact';
import { setupConfigUrl } from './activation.ts';
import type { GuideSpec, SetupConfig } from './config.ts';
import { ISLAND_ATTRIBUTE, ISLAND_HOST, replayIslandActions } from './island-actions.ts';

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

export function hydrateIslands(spec: GuideSpec): Promise<void> {
  const root = document.documentElement;
  const hosts = Array.from(document.querySelectorAll<HTMLElement>(ISLAND_HOST));
  if (hosts.length === 0) return Promise.resolve();
  hydrating ??= (async () => {
    root.dataset.islands = 'loading';
    const [{ h, hydrate }, config, ...components] = await Promise.all([
      import('preact'),
      readConfig(spec),
      ...hosts.map((host) => {
        const load = ISLANDS[host.getAttribute(ISLAND_ATTRIBUTE) ?? ''];
        if (!load) throw new Error(`unknown island ${host.getAttribute(ISLAND_ATTRIBUTE)}`);
        return load();
      }),
    ]);
    hosts.forEach((host, i) => {
      const Island = components[i]?.default;
      if (Island) hydrate(h(Island, { config }), host);
    });
    root.dataset.islands = 'hydrated';
    replayIslandActions();
  })().catch(() => {
    root.dataset.islands = 'failed';
    hydrating = undefined;
  });
  return hydrating;
}
