/**
 * Build time: the setup pre-paint script as inline code, and its CSP hash. The page
 * (src/pages/[provider].astro) adds the hash to the Content-Security-Policy, since a
 * component rendered inside MDX content runs too late to add it itself.
 */
import { createHash } from 'node:crypto';
import { prepaintSetup } from './client/prepaint-setup.ts';

export const prepaintSetupCode = `(${prepaintSetup.toString()})();`;
export const prepaintSetupHash = `sha256-${createHash('sha256').update(prepaintSetupCode).digest('base64')}` as const;
