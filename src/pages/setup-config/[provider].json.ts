/**
 * What a guide's form islands render (their props), one file per provider, fetched when the
 * islands hydrate (src/guide/client/islands.ts) instead of repeated in every page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { providerIds, type ProviderId } from '../../generators/index.ts';
import { setupConfig } from '../../guide/setup-config.ts';

export const getStaticPaths = (() => providerIds.map((provider) => ({ params: { provider } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(setupConfig(params.provider as ProviderId)), { headers: { 'content-type': 'application/json' } });
