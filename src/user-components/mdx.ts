/**
 * Components every MDX page gets without importing them: headings with anchor
 * links, and the contract components.
 */
import Callout from './Callout.astro';
import ChoiceTab from './ChoiceTab.astro';
import ChoiceTabs from './ChoiceTabs.astro';
import CodeBlock from './CodeBlock.astro';
import Disclosure from './Disclosure.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import H4 from './H4.astro';
import PlatformTab from './PlatformTab.astro';
import PlatformTabs from './PlatformTabs.astro';

export const mdxComponents = {
  h2: H2,
  h3: H3,
  h4: H4,
  Callout,
  ChoiceTab,
  ChoiceTabs,
  CodeBlock,
  Disclosure,
  PlatformTab,
  PlatformTabs,
};
