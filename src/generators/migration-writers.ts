/**
 * How the migration script (migration.ts) writes one secret with each backend's CLI. Only the
 * migration tool loads this, so a guide page's generator bundle does not carry it. Every
 * command is built with `commandLine` (common-snippets.ts): a name may start with -, so it reaches
 * the CLI as `--flag="$1"` or after `--`, as on the guide pages.
 */
import { commandLine, expansion, opt, shellWord } from './common-snippets.ts';
import { type Ctx, m } from './context.ts';
import { region } from './providers/aws-shared.ts';
import { vaultName } from './providers/azure-key-vault.ts';
import { kvPathOf } from './providers/hashicorp-vault.ts';
import type { ProviderId, SecretKind } from './types.ts';

export interface MigrationWriter {
  /**
   * The body of the script's `write_secret` shell function: `"$1"` (and `"$2"`, if `args`
   * gives two) name the secret, standard input is its value. A second run must overwrite.
   */
  writer(ctx: Ctx): string[];
  /** The shell words `write_secret` gets for one secret (`name`: the name Airflow looks up). */
  args(ctx: Ctx, kind: SecretKind, key: string, name: string): string[];
  /** How a connection is stored: Airflow's JSON form (keeps extras exactly) or its URI. */
  connectionFormat: 'json' | 'uri';
}

/** `write_secret` gets the name Airflow looks up. */
const byName = (_ctx: Ctx, _kind: SecretKind, _key: string, name: string) => [shellWord(name)];
const quiet = (line: string) => line + ' >/dev/null';
const project = (ctx: Ctx) => opt('--project', m(ctx, 'projectId'));
const NAME = expansion('"$1"');

export const MIGRATION_WRITERS: Record<ProviderId, MigrationWriter> = {
  'hashicorp-vault': {
    // "$1" is the path under the mount, "$2" the key Airflow reads: value for a variable, conn_uri for a connection.
    writer: (ctx) => [quiet(commandLine(['vault', 'kv', 'put', opt('-mount', m(ctx, 'mountPoint')), NAME, '"$2"']))],
    args: (ctx, kind, key) => [shellWord(kvPathOf(ctx, kind, key)), kind === 'variable' ? 'value=-' : 'conn_uri=-'],
    connectionFormat: 'uri',
  },
  'aws-parameter-store': {
    writer: (ctx) => [quiet(commandLine(['aws', 'ssm', 'put-parameter', region(ctx), '--name="$1"', '--type SecureString', '--overwrite', '--value file:///dev/stdin']))],
    args: byName,
    connectionFormat: 'json',
  },
  'aws-secrets-manager': {
    // A name that exists gets a new version of its value; a new one is created.
    writer: (ctx) => [
      `if ${commandLine(['aws', 'secretsmanager', 'describe-secret', region(ctx), '--secret-id="$1"'])} >/dev/null 2>&1 </dev/null; then`,
      '  ' + quiet(commandLine(['aws', 'secretsmanager', 'put-secret-value', region(ctx), '--secret-id="$1"', '--secret-string file:///dev/stdin'])),
      'else',
      '  ' + quiet(commandLine(['aws', 'secretsmanager', 'create-secret', region(ctx), '--name="$1"', '--secret-string file:///dev/stdin'])),
      'fi',
    ],
    args: byName,
    connectionFormat: 'json',
  },
  'gcp-secret-manager': {
    // A secret that exists gets a new version (Airflow reads the latest); a new one is created with its first.
    writer: (ctx) => [
      `if ${commandLine(['gcloud', 'secrets', 'describe', project(ctx), NAME])} >/dev/null 2>&1 </dev/null; then`,
      '  ' + quiet(commandLine(['gcloud', 'secrets', 'versions', 'add', project(ctx), '--data-file=-', NAME])),
      'else',
      '  ' + quiet(commandLine(['gcloud', 'secrets', 'create', project(ctx), '--replication-policy=automatic', '--data-file=-', NAME])),
      'fi',
    ],
    args: byName,
    connectionFormat: 'json',
  },
  'azure-key-vault': {
    writer: (ctx) => [quiet(commandLine(['az', 'keyvault', 'secret', 'set', opt('--vault-name', vaultName(ctx)), '--name="$1"', '--file /dev/stdin', '--encoding utf-8']))],
    args: byName,
    connectionFormat: 'json',
  },
};
