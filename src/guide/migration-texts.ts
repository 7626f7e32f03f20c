/** Every word the migration tool of a guide shows or announces (MigrationTool.astro, client/migration.ts). */
export const MIGRATION_TEXTS = {
  private: 'What you paste stays in this browser tab: it is never put in the page address, saved, or sent anywhere. The scripts are made here, from your setup above.',
  variables: 'Variables: the output of airflow variables export, or an airflow_settings.yaml (astro dev object export)',
  connections: 'Connections: the output of airflow connections export (json, yaml or env), or an airflow_settings.yaml',
  variablesExample: '{"my_var": "my value"}',
  connectionsExample: '{"my_db": {"conn_type": "postgres", "host": "db.example.com", ...}}',
  noScript: 'This tool runs in your browser and needs JavaScript.',
  empty: 'Paste an export above: the table of what will be written and the script appear here.',
  loading: 'Reading your export…',
  summary: (write: number, skipped: number) =>
    `${write} ${write === 1 ? 'item' : 'items'} to write` + (skipped ? `, ${skipped} left out (see Problems)` : '') + '.',
  failed: 'The tool could not load. Reload the page and try again.',
  caption: 'What will be written',
  columns: ['Kind', 'Key', 'Name Airflow looks up', 'Stored as', 'Problems'] as const,
  format: { text: 'text', json: 'JSON', uri: 'URI' } as Record<string, string>,
  none: '—',
  scriptTitle: 'Move your variables and connections',
  checkTitle: 'Check that Airflow finds them',
  download: 'Download',
  copy: 'Copy',
} as const;
