/** What the two AWS backends share: kwargs, account/partition/role name, IAM policy, identity. */
import { cmd, commented, opt, shellQuote, snippet } from '../common-snippets.ts';
import { type Ctx, m, placeholder, value } from '../context.ts';
import { type JsonTree, toJson } from '../escape/json.ts';
import { type Check, FIELDS, error, firstOf, mustMatch, listOf, warning } from '../fields.ts';
import type { Identity, LocalContainers, ProviderSpec } from '../provider-spec.ts';
import { secretName } from '../secret-name.ts';
import { mark } from '../slots.ts';
import type { ProviderId, SecretKind, Snippet } from '../types.ts';

/** The two AWS backends' auth methods and field checks. */
export const AWS_AUTH = {
  authMethods: { astro: ['role'], 'remote-execution': ['role'], software: ['access-keys'] },
  authLabels: { role: 'IAM role', 'access-keys': 'Access keys' },
  // role_arn, region_name and the access-key kwargs reach the backends' AWS connection since
  // provider 5.1.0 (changelog: "Allow AWS Secrets Backends use AWS Connection capabilities").
  minVersion: () => '5.1.0',
  checks: {
    region: mustMatch(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'Region must look like us-east-1'),
    roleArn: mustMatch(
      /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
      'Role ARN must look like arn:aws:iam::123456789012:role/airflow-secrets',
    ),
    accessKeyId: (v, ctx) => {
      const m = mustMatch(/^(AKIA|ASIA)[A-Z0-9]{16}$/, 'Access key ID must be 20 capital letters and digits starting with AKIA')(v, ctx);
      if (m) return m;
      return v.startsWith('ASIA') ? warning('ASIA keys are temporary and need a session token; use a long-term AKIA key.') : undefined;
    },
    secretAccessKey: (v) => (/^[A-Za-z0-9/+=]{40}$/.test(v) ? undefined : warning('Secret access keys are usually 40 characters of letters, digits, / and +')),
    awsAccountId: mustMatch(/^\d{12}$/, 'AWS account ID must be 12 digits'),
    iamUserName: mustMatch(/^[\w+=,.@-]{1,64}$/, 'IAM user names use letters, digits and + = , . @ - _ (up to 64)'),
    policyName: mustMatch(/^[\w+=,.@-]{1,128}$/, 'IAM policy names use letters, digits and + = , . @ - _ (up to 128)'),
    oidcIssuer: firstOf(FIELDS.oidcIssuer.check, (v) =>
      /^https:\/\/oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[A-Za-z0-9]+\/?$/.test(v)
        ? undefined
        : warning('EKS issuers look like https://oidc.eks.<region>.amazonaws.com/id/<ID>; check that this is the one the command printed.'),
    ),
  } as Record<string, Check>,
} as const;

/** Before a command that takes a piped value. */
export const PIPE_NOTE =
  '# Piped in, so a value that starts with file:// or http:// is not read from there. The AWS CLI\n' +
  '# reads it as text: \\r\\n and \\r line breaks are stored as \\n.';

const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[^/]*\/)*([^/]+)$/;

/** Account ID: typed, else from the role ARN, else its placeholder. Marked. */
export function account(ctx: Ctx): string {
  if (ctx.typed.awsAccountId) return m(ctx, 'awsAccountId');
  const r = ROLE_ARN.exec(value(ctx, 'roleArn'));
  return r ? mark('roleArn', r[2]) : m(ctx, 'awsAccountId');
}

/** The partition of a well-formed region (undefined for other text and unfamiliar isolated regions). */
function regionPartition(ctx: Ctx): string | undefined {
  const r = ctx.typed.region ?? '';
  if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(r)) return undefined;
  if (r.startsWith('cn-')) return 'aws-cn';
  if (r.startsWith('us-gov-')) return 'aws-us-gov';
  if (r.startsWith('us-iso-')) return 'aws-iso';
  if (r.startsWith('us-isob-')) return 'aws-iso-b';
  return /-iso/.test(r) ? undefined : 'aws';
}

/** The partition of the policy ARNs: the region's, else the role ARN's, else aws. */
export function partition(ctx: Ctx): string {
  return regionPartition(ctx) ?? ROLE_ARN.exec(value(ctx, 'roleArn'))?.[1] ?? 'aws';
}

/** Cross-field checks: the role's account and partition must match the typed account and region. */
export function checkAwsConsistency(ctx: Ctx): void {
  const r = ROLE_ARN.exec(ctx.typed.roleArn ?? '');
  if (!r || ctx.authMethod !== 'role') return;
  const acct = ctx.typed.awsAccountId;
  if (acct && /^\d{12}$/.test(acct) && acct !== r[2]) {
    ctx.problems.push({
      field: 'awsAccountId',
      severity: 'warning',
      message: `The role is in account ${r[2]}: the backend reads secrets by name in the role's own account, so the policy ARNs should use ${r[2]} (leave this empty to take it from the role).`,
    });
  }
  const p = regionPartition(ctx);
  if (p && p !== r[1]) {
    ctx.problems.push({
      field: 'region',
      severity: 'warning',
      message: `Region ${ctx.typed.region} is in partition ${p}, but the role ARN is in ${r[1]}: a role cannot read secrets across partitions.`,
    });
  }
}

/** The role name from the ARN (marked), or a placeholder. */
export function roleName(ctx: Ctx): string {
  const r = ROLE_ARN.exec(value(ctx, 'roleArn'));
  return mark('roleArn', r ? r[3] : value(ctx, 'roleArn') ? value(ctx, 'roleArn') : '<your-role-name>');
}

export function awsKwargs(ctx: Ctx, withSep: boolean): Record<string, JsonTree> {
  const kw: Record<string, JsonTree> = {
    connections_prefix: m(ctx, 'connectionsPrefix'),
    variables_prefix: m(ctx, 'variablesPrefix'),
  };
  if (withSep && ctx.typed.sep !== undefined) kw.sep = m(ctx, 'sep');
  kw.region_name = m(ctx, 'region');
  if (ctx.authMethod === 'access-keys') {
    kw.aws_access_key_id = m(ctx, 'accessKeyId');
    kw.aws_secret_access_key = m(ctx, 'secretAccessKey');
  } else if (ctx.platform !== 'remote-execution') {
    // On Astro the Deployment's workload identity assumes this role. On Remote Execution the
    // pods get the role's credentials through IRSA (see values.yaml), so no role_arn is needed.
    kw.role_arn = m(ctx, 'roleArn');
  }
  return kw;
}

export function awsNaming(ctx: Ctx, withSep: boolean): Record<string, unknown> {
  const kw: Record<string, unknown> = {
    connections_prefix: m(ctx, 'connectionsPrefix'),
    variables_prefix: m(ctx, 'variablesPrefix'),
  };
  if (withSep) kw.sep = value(ctx, 'sep');
  return kw;
}

/** IAM policy JSON + the commands that create and attach it. */
export function iamSnippets(ctx: Ctx, spec: ProviderSpec, action: string, resource: (name: string) => string, notes: string[]): Snippet[] {
  const names = (['connection', 'variable'] as SecretKind[]).map((k) => secretName(spec.info.id, spec.naming(ctx), k, '*') ?? '');
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'ReadAirflowSecrets', Effect: 'Allow', Action: action, Resource: names.map(resource) }],
  };
  const policyArn = 'arn:' + partition(ctx) + ':iam::' + account(ctx) + ':policy/' + m(ctx, 'policyName');
  const attach =
    ctx.authMethod === 'access-keys'
      ? cmd(['aws', 'iam', 'attach-user-policy', opt('--user-name', m(ctx, 'iamUserName')), opt('--policy-arn', policyArn)])
      : cmd(['aws', 'iam', 'attach-role-policy', opt('--role-name', roleName(ctx)), opt('--policy-arn', policyArn)]);
  const lines = [
    `# Create the read-only policy from ${'airflow-secrets-policy.json'} and attach it to the ${ctx.authMethod === 'access-keys' ? 'IAM user of the access key' : 'role Airflow uses'}.`,
    ...notes.map((n) => '# ' + n),
    cmd(['aws', 'iam', 'create-policy', opt('--policy-name', m(ctx, 'policyName')), '--policy-document file://airflow-secrets-policy.json']),
    attach,
  ];
  return [
    snippet('iam-policy', 'Least-privilege IAM policy', 'json', toJson(policy, { indent: 2 }) + '\n', 'airflow-secrets-policy.json'),
    ...(ctx.authMethod === 'role' ? trustSnippets(ctx) : []),
    snippet('iam-attach-policy', 'Create and attach the policy', 'sh', lines.join('\n') + '\n'),
    ...(ctx.authMethod === 'role' && ctx.platform === 'astro' ? [trustRestoreSnippet(ctx)] : []),
  ];
}

/**
 * Astro, once the local tests are done: the role trusts the Deployment's workload identity
 * alone again. The document is inline, so no second file is needed.
 */
function trustRestoreSnippet(ctx: Ctx): Snippet {
  const lines = [
    "# Done testing locally: the role trusts the Deployment's workload identity alone again.",
    cmd(['aws', 'iam', 'update-assume-role-policy', opt('--role-name', roleName(ctx)), '--policy-document=' + shellQuote(toJson(trustDocument(ctx, false)))]),
  ];
  return snippet('iam-trust-restore', 'Stop trusting your own sign-in', 'sh', lines.join('\n') + '\n');
}

/**
 * Who may assume the role Airflow uses. Astro: the Deployment's workload identity (an IAM role
 * Astronomer manages) and, until the local tests are done (`withLocalTests`), the reader's own
 * AWS sign-in, which the local containers start from; both with sts:AssumeRole. Remote
 * Execution (IRSA): tokens of the agent cluster's OIDC issuer for the agents' service accounts
 * (the listed ones, else every one in the agent namespace), with sts:AssumeRoleWithWebIdentity
 * and the STS audience.
 */
function trustDocument(ctx: Ctx, withLocalTests = true): JsonTree {
  if (ctx.platform === 'astro') {
    const trusted = (sid: string, principal: string) => ({ Sid: sid, Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' });
    return {
      Version: '2012-10-17',
      Statement: [
        trusted('AstroDeploymentWorkloadIdentity', m(ctx, 'workloadIdentityArn')),
        ...(withLocalTests ? [trusted('LocalTests', m(ctx, 'localPrincipalArn'))] : []),
      ],
    };
  }
  const issuer = issuerHost(ctx);
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'RemoteExecutionAgents',
        Effect: 'Allow',
        Principal: { Federated: 'arn:' + partition(ctx) + ':iam::' + account(ctx) + ':oidc-provider/' + issuer },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [issuer + ':aud']: 'sts.amazonaws.com' },
          StringLike: { [issuer + ':sub']: { markedField: 'kubernetesServiceAccount', value: agentSubjects(ctx), oneLine: true } },
        },
      },
    ],
  };
}

/** The issuer URL without its scheme, as IAM names the provider and its condition keys (marked). */
export function issuerHost(ctx: Ctx): string {
  const typed = ctx.typed.oidcIssuer;
  return typed ? mark('oidcIssuer', typed.replace(/^https:\/\//, '').replace(/\/$/, '')) : m(ctx, 'oidcIssuer');
}

/** The `sub` of each agent service account's token: the listed ones, else any in the namespace. */
export function agentSubjects(ctx: Ctx): string[] {
  const ns = value(ctx, 'kubernetesNamespace') || placeholder(ctx, 'kubernetesNamespace');
  const listed = listOf(ctx.typed.kubernetesServiceAccount ?? '');
  return (listed.length ? listed : ['*']).map((sa) => 'system:serviceaccount:' + ns + ':' + sa);
}

/** The role's trust policy file, and the commands that create the role with it. */
function trustSnippets(ctx: Ctx): Snippet[] {
  const file = '--assume-role-policy-document file://' + TRUST_FILE;
  const who = ctx.platform === 'astro' ? "the Deployment's workload identity and, for local tests, you" : "the agents' service accounts";
  const lines = [
    `# Create the role; ${who} may assume it.`,
    cmd(['aws', 'iam', 'create-role', opt('--role-name', roleName(ctx)), file]),
    '# The role exists? Give it this trust policy instead (it replaces the old one):',
    commented(['aws', 'iam', 'update-assume-role-policy', opt('--role-name', roleName(ctx)), '--policy-document file://' + TRUST_FILE]),
  ];
  const out = [
    snippet('iam-trust-policy', 'Trust policy of the role', 'json', toJson(trustDocument(ctx), { indent: 2 }) + '\n', TRUST_FILE),
    snippet('iam-create-role', 'Create the role', 'sh', lines.join('\n') + '\n'),
  ];
  if (ctx.platform === 'remote-execution') {
    const cluster = opt('--cluster', m(ctx, 'eksClusterName'));
    const oidc = [
      "# 1. The agents' cluster's OIDC issuer: enter it as Cluster OIDC issuer.",
      cmd(['aws', 'eks', 'describe-cluster', opt('--name', m(ctx, 'eksClusterName')), region(ctx), '--query cluster.identity.oidc.issuer', '--output text']),
      '# 2. Register it with IAM, once per cluster (with eksctl; skip this if',
      '#    IAM > Identity providers lists it already):',
      cmd(['eksctl', 'utils', 'associate-iam-oidc-provider', cluster, region(ctx), '--approve']),
      "# 3. The agents' service accounts (optional: enter the workers', DAG",
      "#    processor's and triggerer's as Agent service accounts to trust only them):",
      cmd(['kubectl', 'get', 'serviceaccounts', opt('--namespace', m(ctx, 'kubernetesNamespace'))]),
    ];
    out.unshift(snippet('eks-oidc-issuer', "Your cluster's OIDC issuer", 'sh', oidc.join('\n') + '\n'));
  }
  return out;
}

const TRUST_FILE = 'trust-policy.json';

export function awsIdentity(ctx: Ctx): Identity | undefined {
  return { annotations: { 'eks.amazonaws.com/role-arn': m(ctx, 'roleArn') } };
}

export function region(ctx: Ctx): string {
  return opt('--region', m(ctx, 'region'));
}

/** Your AWS CLI sign-in, read-only, in the local containers (the backend's boto3 starts from it). */
export function awsLocalContainers(ctx: Ctx): LocalContainers | undefined {
  if (ctx.authMethod !== 'role') return undefined;
  return {
    notes: [
      'Your AWS CLI sign-in (aws configure, or aws configure sso and aws sso login), read-only.',
      'Add AWS_PROFILE under environment to use a profile other than default.',
    ],
    volumes: ['${HOME}/.aws:/usr/local/airflow/.aws:ro'],
    environment: { AWS_CONFIG_FILE: '/usr/local/airflow/.aws/config', AWS_SHARED_CREDENTIALS_FILE: '/usr/local/airflow/.aws/credentials' },
  };
}

export function awsLocalNotes(ctx: Ctx): string[] {
  if (ctx.authMethod !== 'role') return [];
  const may = ctx.platform === 'remote-execution' ? 'read the ' + (ctx.provider === 'aws-parameter-store' ? 'parameters' : 'secrets') : 'assume role_arn';
  return [`Locally, the containers need AWS credentials that may ${may} (see the Astro CLI docs on cloud authentication).`];
}

/** The characters a backend allows in names, as the rules of the two prefixes and the two keys. */
export function nameCharChecks(prefix: RegExp, key: RegExp, message: string, prefixRule?: Check): Record<string, Check> {
  const chars =
    (re: RegExp): Check =>
    (v) =>
      re.test(v) ? undefined : error(message);
  const prefixCheck = firstOf(chars(prefix), prefixRule);
  return {
    connectionsPrefix: prefixCheck,
    variablesPrefix: prefixCheck,
    variableKey: firstOf(FIELDS.variableKey.check, chars(key)),
    connectionId: chars(key),
  };
}

export type AwsId = Extract<ProviderId, 'aws-parameter-store' | 'aws-secrets-manager'>;
