/** AWS Systems Manager Parameter Store. */
import { cmd, opt } from '../common-snippets.ts';
import type { ProviderSpec } from '../provider-spec.ts';
import { plain } from '../slots.ts';
import { AWS_AUTH, PIPE_NOTE, account, checkAwsConsistency, awsIdentity, awsKwargs, awsLocalContainers, awsLocalNotes, awsNaming, iamSnippets, nameCharChecks, partition, region } from './aws-shared.ts';
import { m, value } from '../context.ts';

export const awsParameterStore: ProviderSpec = {
  info: {
    id: 'aws-parameter-store',
    name: 'AWS Systems Manager Parameter Store',
    backendClass: 'airflow.providers.amazon.aws.secrets.systems_manager.SystemsManagerParameterStoreBackend',
    providerPackage: 'apache-airflow-providers-amazon',
    defaultKwargs: {
      connections_prefix: '/airflow/connections',
      variables_prefix: '/airflow/variables',
      config_prefix: '/airflow/config',
    },
  },
  ...AWS_AUTH,
  checks: { ...AWS_AUTH.checks, ...nameCharChecks(/^[\w./-]*$/, /^[\w./-]+$/, 'Parameter names can only contain letters, digits and . - _ /') },
  kwargs: (ctx) => awsKwargs(ctx, false),
  naming: (ctx) => awsNaming(ctx, false),
  setup(ctx) {
    return iamSnippets(
      ctx,
      awsParameterStore,
      'ssm:GetParameter',
      // Parameter ARNs end in "parameter" + the name, which starts with "/".
      (name) => 'arn:' + partition(ctx) + ':ssm:' + m(ctx, 'region') + ':' + account(ctx) + ':parameter' + name,
      ['SecureString parameters encrypted with a customer managed KMS key also need kms:Decrypt on that key; the default aws/ssm key needs nothing more.'],
    );
  },
  write(ctx, kind, names, v) {
    const name = kind === 'variable' ? names.variable : names.connection;
    return (
      PIPE_NOTE +
      '\n# A second run fails with ParameterAlreadyExists: add --overwrite to replace the value.\n' +
      cmd(['aws', 'ssm', 'put-parameter', region(ctx), opt('--name', name), '--type SecureString', '--value file:///dev/stdin'], v) +
      '\n'
    );
  },
  verify(ctx, names) {
    const get = (name: string) =>
      cmd(['aws', 'ssm', 'get-parameter', region(ctx), opt('--name', name), '--with-decryption', '--query Parameter.Value', '--output text']);
    return get(names.variable) + '\n' + get(names.connection) + '\n';
  },
  remove(ctx, names) {
    // One delete-parameter per name: the list form (--names a b) cannot pass a name that starts with -.
    const del = (name: string) => cmd(['aws', 'ssm', 'delete-parameter', region(ctx), opt('--name', name)]);
    return '# Delete both test parameters (this cannot be undone).\n' + del(names.variable) + '\n' + del(names.connection) + '\n';
  },
  identity: awsIdentity,
  localNotes: awsLocalNotes,
  localContainers: awsLocalContainers,
  crossChecks(ctx, names) {
    checkAwsConsistency(ctx);
    for (const [field, name, prefixField] of [
      ['variableKey', names.variable, 'variablesPrefix'],
      ['connectionId', names.connection, 'connectionsPrefix'],
    ] as const) {
      const n = plain(name);
      if (n.length > 1011) ctx.problems.push({ field, severity: 'error', message: `Parameter names can be at most 1011 characters (this one has ${n.length})` });
      if (n.split('/').length - 1 > 15) ctx.problems.push({ field, severity: 'error', message: 'Parameter names can have at most 15 levels' });
      // The first level comes from the prefix, or from the key when the prefix is empty.
      if (/^\/?(aws|ssm)/i.test(n)) {
        const f = value(ctx, prefixField).replace(/\//g, '') ? prefixField : field;
        ctx.problems.push({ field: f, severity: 'error', message: 'Parameter names cannot start with aws or ssm' });
      }
    }
  },
};

