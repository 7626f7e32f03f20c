/**
 * readPanels: the tab list of a group comes from its rendered TabPanel markup, in the build
 * and under the dev server, which adds source annotations to every element.
 */
import { describe, expect, it } from 'vitest';
import { readPanels } from '../../../src/user-components/tab-ids';

const panel = (value: string, label: string, extra = '') =>
  `<section class="tabs__panel" data-tab-pending="1" data-tab-value="${value}" data-tab-label="${label}"${extra}>` +
  `<p class="tabs__panel-heading" data-tab-heading="1"${extra}>${label}</p><p>Body of ${value}</p></section>`;

describe('readPanels', () => {
  it('lists the tabs and gives each panel its role, ids and heading level', () => {
    const { tabs, panels } = readPanels(panel('astro', 'Astro') + panel('software', 'Astronomer &amp; Software'), 'platform', 'tabs-platform-1', 3);
    expect(tabs).toEqual([
      { value: 'astro', labelHtml: 'Astro' },
      { value: 'software', labelHtml: 'Astronomer &amp; Software' },
    ]);
    expect(panels).toContain('<section class="tabs__panel" role="tabpanel" id="tabs-platform-1-panel-astro" aria-labelledby="tabs-platform-1-tab-astro" tabindex="0" data-tab-value="astro">');
    expect(panels).toContain('<h3 class="tabs__panel-heading">Astro</h3>');
    expect(panels).not.toContain('data-tab-pending');
  });

  it('reads the panels the dev server renders, with source annotations on every element', () => {
    const dev = ' data-astro-source-file="/src/components/TabPanel.astro" data-astro-source-loc="10:1"';
    const built = readPanels(panel('astro', 'Astro') + panel('remote-execution', 'Remote Execution'), 'platform', 'g', 4);
    const served = readPanels(panel('astro', 'Astro', dev) + panel('remote-execution', 'Remote Execution', dev), 'platform', 'g', 4);
    expect(served).toEqual(built);
  });

  it('refuses a repeated or malformed tab value', () => {
    expect(() => readPanels(panel('astro', 'A') + panel('astro', 'B'), 'platform', 'g', 3)).toThrow(/appears twice/);
    expect(() => readPanels(panel('Not A Slug', 'A'), 'platform', 'g', 3)).toThrow(/simple slug/);
  });
});
