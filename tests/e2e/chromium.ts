import { existsSync } from 'node:fs';

/** Debian's Chromium; never a browser download. Override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
