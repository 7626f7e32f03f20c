/**
 * Every word the guide's interface shows or announces (form, connection builder, notices,
 * statuses), in one place. Field labels and help come from the generator's field table;
 * everything else a reader reads in the live part of a guide is here (the migration tool's
 * words are in migration-texts.ts, so that the form's code does not carry them).
 */

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const TEXTS = {
  form: {
    name: 'Your setup',
    platform: 'Platform',
    auth: 'Authentication',
    airflowVersion: 'Airflow version',
    airflow: (v: string) => `Airflow ${v}`,
    testGroup: 'Test variable and connection',
    testHelp: "The connection's details are in the connection builder in the step that stores it.",
    optional: 'Names and paths (optional: the defaults work)',
    lookup: 'Airflow will look up:',
    copyLink: 'Copy link to this setup',
    clear: 'Clear my values',
    cleared: 'Your values were cleared and are no longer remembered in this browser.',
    linkCopied: 'Link copied.',
    linkCopyFailed: 'Copying failed: copy the address from the address bar.',
    secretsLeftOut: (labels: string[]) => ` Left out because they are secret: ${list(labels)}. Your teammate enters their own.`,
    noSecretsInLinks: ' Secret fields are never included in links.',
  },
  field: {
    secretTag: ' (secret)',
    secretHelp: 'Never leaves this browser tab: not put in links or saved.',
    more: 'More',
    moreAbout: (label: string) => ` about ${label}`,
    show: 'Show',
    hide: 'Hide',
    error: 'Error: ',
    check: 'Check: ',
    trimmed: 'The spaces or line breaks at the start or end are left out of the snippets.',
  },
  summary: {
    title: 'Your setup',
    close: 'Close',
  },
  builder: {
    name: 'Test connection',
    paste: 'Paste a connection URI instead',
    more: 'Port, schema and extra (optional)',
    uriLabel: 'Connection URI',
    uriExample: 'postgres://user:password@db.example.com:5432/analytics',
    fill: 'Fill the fields',
    uriHelp: 'A URI can contain a password: it is read here and never leaves this browser tab.',
    notAUri: 'A connection URI starts with the connection type and ://, like postgres://user:password@host:5432/db.',
    filled: 'The fields below were filled from the URI.',
    unreadable: (why: string) => `This is not a connection URI Airflow can read: ${why}`,
  },
  link: {
    droppedSecrets: (labels: string[]) =>
      `This link contained ${list(labels)}. Secrets are never read from links, so ${labels.length > 1 ? 'they were' : 'it was'} ignored and removed from the address bar.`,
    cut: (labels: string[], max: number) => `${list(labels)}: the value in the link was longer than ${max.toLocaleString('en-US')} characters and was cut.`,
    invalid: (param: string, value: string) => `This link asked for ${param} “${value}”, which does not exist here; it was ignored.`,
    unofferedAuth: (platform: string, offered: string[], provider: string, shown: string) =>
      `${platform} offers ${list(offered)} for ${provider}; showing ${shown}.`,
  },
  download: {
    done: (name: string) => `Downloaded ${name}`,
    // Chromium saves a file whose name starts with a dot without it (.env arrives as env).
    doneDotfile: (name: string) => `Downloaded ${name}. If it was saved as ${name.slice(1)}, rename it to ${name}.`,
  },
} as const;
