/** AWS Secrets Manager. */
import { cmd, opt } from '../common-snippets.ts';
import { m } from '../context.ts';
import type { ProviderSpec } from '../provider-spec.ts';
import { plain } from '../slots.ts';
import { warning } from '../fields.ts';
import { AWS_AUTH, PIPE_NOTE, account, checkAwsConsistency, awsIdentity, awsKwargs, awsLocalContainers, awsLocalNotes, awsNaming, iamSnippets, nameCharChecks, partition, region } from './aws-shared.ts';

export const awsSecretsManager: ProviderSpec = {
  info: {
    id: 'aws-secrets-manager',
    name: 'AWS Secrets Manager',
    backendClass: 'airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend',
    providerPackage: 'apache-airflow-providers-amazon',
    defaultKwargs: {
      connections_prefix: 'airflow/connections',
      variables_prefix: 'airflow/variables',
      config_prefix: 'airflow/config',
      sep: '/',
    },
  },
  ...AWS_AUTH,
  checks: {
    ...AWS_AUTH.checks,
    ...nameCharChecks(/^[\w/+=.@-]*$/, /^[\w/+=.@-]+$/, 'Secret names can only contain letters, digits and / _ + = . @ -', (v) =>
      v.startsWith('/')
        ? warning(`Secrets Manager keeps a leading / as typed: secrets under ${v} and under ${v.replace(/^\/+/, '')} are different secrets.`)
        : undefined,
    ),
  },
  kwargs: (ctx) => awsKwargs(ctx, true),
  naming: (ctx) => awsNaming(ctx, true),
  setup(ctx) {
    return iamSnippets(
      ctx,
      awsSecretsManager,
      'secretsmanager:GetSecretValue',
      // Secret ARNs end in the name plus "-" and six random characters; the trailing * of the
      // prefix wildcard covers them. No "-??????": a request for a secret that does not exist is
      // authorized against the bare name, which that pattern never matches.
      (name) => 'arn:' + partition(ctx) + ':secretsmanager:' + m(ctx, 'region') + ':' + account(ctx) + ':secret:' + name,
      [
        'Secrets encrypted with a customer managed KMS key also need kms:Decrypt on that key; the default aws/secretsmanager key needs nothing more.',
        'The resources end in * with no -?????? pattern: the * covers the random ARN suffix, and a missing',
        'secret gives ResourceNotFound (Airflow tries the next source), not AccessDenied (an error on every miss).',
      ],
    );
  },
  write(ctx, kind, names, v) {
    const name = kind === 'variable' ? names.variable : names.connection;
    return (
      PIPE_NOTE +
      '\n# It exists already (ResourceExistsException)? Run put-secret-value --secret-id=NAME instead of create-secret --name=NAME.\n' +
      cmd(['aws', 'secretsmanager', 'create-secret', region(ctx), opt('--name', name), '--secret-string file:///dev/stdin'], v) +
      '\n'
    );
  },
  verify(ctx, names) {
    const get = (name: string) =>
      cmd(['aws', 'secretsmanager', 'get-secret-value', region(ctx), opt('--secret-id', name), '--query SecretString', '--output text']);
    return get(names.variable) + '\n' + get(names.connection) + '\n';
  },
  remove(ctx, names) {
    const del = (name: string) =>
      cmd(['aws', 'secretsmanager', 'delete-secret', region(ctx), opt('--secret-id', name), '--force-delete-without-recovery']);
    return (
      '# Delete both test secrets at once, with no recovery window: this cannot be undone. (Without\n' +
      '# --force-delete-without-recovery a secret is only scheduled for deletion and its name stays taken.\n' +
      '# Even with it, creating the same name again can fail for a few seconds.)\n' +
      del(names.variable) +
      '\n' +
      del(names.connection) +
      '\n'
    );
  },
  identity: awsIdentity,
  localNotes: awsLocalNotes,
  localContainers: awsLocalContainers,
  crossChecks(ctx, names) {
    checkAwsConsistency(ctx);
    for (const [field, name] of [
      ['variableKey', names.variable],
      ['connectionId', names.connection],
    ] as const) {
      const n = plain(name);
      if (n.length > 512) ctx.problems.push({ field, severity: 'error', message: `Secret names can be at most 512 characters (this one has ${n.length})` });
      if (/-[A-Za-z0-9]{6}$/.test(n)) {
        ctx.problems.push({ field, severity: 'warning', message: 'A name ending in a dash and six characters looks like the random ARN suffix and confuses lookups by ARN.' });
      }
    }
  },
};
