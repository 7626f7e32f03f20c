import { existsSync } from 'node:fs';

/** Debian's Chromium; never a browser download. Override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a headless run on a machine without a network: without the
 * background-networking ones Chromium keeps trying to reach Google's hosts.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function assertChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium was not found at ${chromiumPath}.\n` +
        'The end-to-end tests drive the system Chromium and never download a browser.\n' +
        'Install it with: sudo apt-get install -y chromium\n' +
        'or point CHROMIUM_PATH at an existing Chromium/Chrome binary.',
    );
  }
}
