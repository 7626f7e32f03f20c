// The comparison site of the benchmark: the same pages in Starlight with its defaults
// (search, theme, sidebar, Expressive Code). The benchmark writes the pages into a copy of
// this project (make-content.mjs) and builds it next to ours.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://starlight-comparison.example',
  integrations: [starlight({ title: 'Secrets backend guides' })],
});
