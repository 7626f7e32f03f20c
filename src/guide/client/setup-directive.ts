/**
 * The `client:setup` hydration directive (registered by src/integrations/guide-islands.ts):
 * the island hydrates once `<html data-setup-active>` is set (see activation.ts), at once if
 * it already is. Astro inlines this small script in the page.
 */
import type { ClientDirective } from 'astro';
import { ACTIVE_ATTRIBUTE } from './activation.ts';

const hydrateWhenActive: ClientDirective = (load, _options, _island) => {
  const root = document.documentElement;
  let started = false;
  const start = () => {
    if (started || !root.hasAttribute(ACTIVE_ATTRIBUTE)) return;
    started = true;
    observer.disconnect();
    void load().then((hydrate) => hydrate());
  };
  const observer = new MutationObserver(start);
  observer.observe(root, { attributes: true, attributeFilter: [ACTIVE_ATTRIBUTE] });
  start();
};

export default hydrateWhenActive;
