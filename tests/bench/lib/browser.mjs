// Debian's Chromium driven by Playwright; never a browser download.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/chromium.ts';

export { chromiumPath };

/** Desktop-sized window for the Playwright parts (Lighthouse does its own mobile emulation). */
export const VIEWPORT = { width: 1280, height: 800 };

export function chromiumMissingMessage() {
  return (
    `Chromium was not found at ${chromiumPath}. The benchmark drives the system Chromium and ` +
    'never downloads a browser: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.'
  );
}

export async function launchChromium() {
  if (!existsSync(chromiumPath)) throw new Error(chromiumMissingMessage());
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

export async function newPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  return { context, page };
}

/** Resolve once the page had an idle period (requestIdleCallback, capped at 3 s). */
export function idleCallback(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const ric = window.requestIdleCallback;
        if (typeof ric === 'function') ric(() => resolve(undefined), { timeout: 3000 });
        else setTimeout(() => resolve(undefined), 50);
      }),
  );
}

/** Resolve after two animation frames (the frame in flight, then a full one). */
export function twoFrames(page) {
  return page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined)))),
  );
}
