/** Every word the config doctor's tool shows or announces (Doctor.astro, client.ts). */
import type { Platform } from '../generators/types.ts';
import type { InputFormat, Severity } from './read.ts';

export const DOCTOR_TEXTS = {
  private: 'What you paste stays in this browser tab: it is never put in the page address, saved, sent anywhere or logged. Secret values are never put in the guide link either.',
  noScript: 'The doctor runs in your browser and needs JavaScript.',
  input: 'Your settings',
  inputHelp: 'A .env file, Dockerfile ENV lines, a values.yaml, the two variables from the Astro or Software UI, the kwargs alone, or astro deployment variable commands.',
  inputExample: 'AIRFLOW__SECRETS__BACKEND=...\nAIRFLOW__SECRETS__BACKEND_KWARGS=...',
  format: 'Format',
  detect: (found: string) => (found ? `Detected: ${found}` : 'Detect automatically'),
  formats: {
    env: '.env file',
    dockerfile: 'Dockerfile ENV lines',
    'values-yaml': 'values.yaml',
    ui: 'Values from a UI',
    kwargs: 'The kwargs only',
    'astro-command': 'astro commands',
  } satisfies Record<InputFormat, string>,
  platform: 'Runs on',
  platformGuess: (label: string) => `Guessed: ${label}`,
  platforms: { astro: 'Astro', 'remote-execution': 'Remote Execution', software: 'Astronomer Software' } satisfies Record<Platform, string>,
  empty: 'Paste your settings above: the diagnosis appears here.',
  summary: (errors: number, warnings: number) =>
    errors + warnings === 0
      ? 'No problems found.'
      : [errors ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '', warnings ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''].filter(Boolean).join(' and ') + ' found.',
  read: (n: number, provider: string) => `Read ${n} ${n === 1 ? 'setting' : 'settings'}${provider ? ` for ${provider}` : ''}.`,
  findings: 'What the doctor found',
  severity: { error: 'Error', warning: 'Warning', info: 'Note' } satisfies Record<Severity, string>,
  fix: 'Fix:',
  corrected: 'Corrected lines',
  correctedTitle: 'Corrected',
  correctedHelp: 'The same target, with every fix above applied. Values the doctor cannot know (placeholders) are still to fill.',
  copy: 'Copy',
  lookups: 'What Airflow looks up',
  lookupsHelp: 'Type a key to see the secret name these settings make Airflow request.',
  variableKey: 'Variable key',
  connectionId: 'Connection ID',
  lookupVariable: 'Variable',
  lookupConnection: 'Connection',
  notLookedUp: 'not looked up in the backend (its prefix or path is null, or the key does not match the lookup pattern)',
  guide: (provider: string) => `Open the ${provider} guide with these settings`,
  guideNote: 'The link carries the non-secret settings only: enter secrets again in the guide.',
  failed: 'The doctor could not load. Reload the page and try again.',
} as const;
