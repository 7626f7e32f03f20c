/** HashiCorp Vault: KV mount, least-privilege policy, AppRole or Kubernetes auth. */
import { arg, cmd, commented, opt, shellWord, snippet } from '../common-snippets.ts';
import { type Ctx, m, mList, value } from '../context.ts';
import { hclString } from '../escape/hcl.ts';
import type { JsonTree } from '../escape/json.ts';
import { type Check, FIELDS, error, firstOf, mustMatch, warning } from '../fields.ts';
import type { ProviderSpec } from '../provider-spec.ts';
import { rstripChars, secretName } from '../secret-name.ts';
import { mark, plain } from '../slots.ts';
import type { SecretKind, Snippet } from '../types.ts';

const PATH_SEGMENTS = /^[\w.-]+(\/[\w.-]+)*\/?$/;
const vaultPath = (what: string) => mustMatch(PATH_SEGMENTS, `${what} can only use letters, digits, . - _ and / between segments`);
const NAME = /^[\w.-]{1,128}$/;
const LOCAL_HOST = /^https?:\/\/(localhost|127\.[\d.]+|0\.0\.0\.0|\[::1\])(:|\/|$)/i;

/** Keys become Vault paths. */
const keyPath: Check = (v) =>
  /^[\w./-]+$/.test(v) ? undefined : warning('Vault paths work best with letters, digits, . - _ and /; other characters need care in the CLI and policies.');

/** Vault's field checks. */
const CHECKS: Record<string, Check> = {
  variableKey: firstOf(FIELDS.variableKey.check, keyPath),
  connectionId: keyPath,
  vaultUrl: (v, ctx) => {
    if (!/^https?:\/\/[^\s/?#@]+(:\d{1,5})?(\/\S*)?$/.test(v)) {
      return error('Vault URL must start with http:// or https://, like https://vault.example.com:8200');
    }
    if (LOCAL_HOST.test(v)) {
      return warning(
        "localhost is Airflow's own container, locally and on a Deployment. Use an address Airflow can reach (locally, http://host.docker.internal:8200 reaches a Vault on your computer).",
      );
    }
    if (/^https?:\/\/host\.docker\.internal(:|\/|$)/i.test(v)) {
      return warning('host.docker.internal only works with the Astro CLI on your computer, not on a deployed Airflow.');
    }
    if (/^https?:\/\/[^/]+(\/.*)?\/v1\/?$/i.test(v)) return warning('Leave out /v1: the Vault client adds it, so every request would go to /v1/v1/... and fail.');
    if (/^http:/i.test(v) && ctx.platform !== 'software') {
      return warning('Plain http:// sends the Vault login (such as the AppRole secret ID) and tokens unencrypted: use https:// unless Vault is only reachable on a private network.');
    }
    return undefined;
  },
  namespace: vaultPath('Namespace'),
  mountPoint: vaultPath('Mount path'),
  kvVersion: (v, ctx) => {
    if (v !== '1' && v !== '2') return error('KV version must be 1 or 2');
    if (v === '1' && (ctx.values.mountPoint || 'airflow') === 'secret') {
      return warning(
        "A Vault dev server's secret/ mount is KV version 2: with version 1 selected, Airflow and the policy use secret/<path> instead of secret/data/<path> and miss the data.",
      );
    }
    return undefined;
  },
  connectionsPath: vaultPath('Connections path'),
  variablesPath: vaultPath('Variables path'),
  policyName: mustMatch(NAME, 'Policy name can only use letters, digits, . - _ (up to 128)'),
  roleName: mustMatch(NAME, 'AppRole name can only use letters, digits, . - _'),
  kubernetesRole: mustMatch(NAME, 'Role name can only use letters, digits, . - _'),
  kubernetesAuthMount: vaultPath('Auth mount'),
  kubernetesHost: mustMatch(/^https:\/\/[^\s/?#@]+(:\d{1,5})?\/?$/, 'Kubernetes API URL must look like https://203.0.113.10:443'),
};

function kvVersion(ctx: Ctx): '1' | '2' {
  return value(ctx, 'kvVersion') === '1' ? '1' : '2';
}

/** `<path>/<key>` under the mount, as the CLI's -mount form and Airflow use it. */
export function kvPathOf(ctx: Ctx, kind: SecretKind, key: string): string {
  const path = rstripChars(m(ctx, kind === 'variable' ? 'variablesPath' : 'connectionsPath'), '/');
  return plain(path) === '' ? key : path + '/' + key;
}

/** The test secret's path under the mount. */
function kvPath(ctx: Ctx, kind: SecretKind): string {
  return kvPathOf(ctx, kind, m(ctx, kind === 'variable' ? 'variableKey' : 'connectionId'));
}

function policyFile(ctx: Ctx): string {
  return m(ctx, 'policyName') + '.hcl';
}

/**
 * The AppRole Airflow logs in with: the deployed identity, or with Kubernetes auth on the
 * agents, the one the local containers test with (same read policy).
 */
function appRole(ctx: Ctx, localOnly: boolean): Snippet {
  const role = 'auth/approle/role/' + m(ctx, 'roleName');
  const lines = [
    ...(localOnly
      ? ['# For local tests only (the agents keep Kubernetes auth):', '# the same read policy, a login of its own.']
      : []),
    '# Enable AppRole once per Vault',
    '# (a second run fails with "path is already in use").',
    'vault auth enable approle',
    "# A role whose tokens get the read policy (and Vault's default policy).",
    cmd(['vault', 'write', arg(role), 'token_policies=' + shellWord(m(ctx, 'policyName'))]),
    localOnly
      ? '# The role ID and a new secret ID: enter them below\n# (they go into the local .env only).'
      : '# The role ID and a new secret ID (role_id and secret_id of the kwargs):',
    cmd(['vault', 'read', '-field=role_id', arg(role + '/role-id')]),
    cmd(['vault', 'write', '-f', '-field=secret_id', arg(role + '/secret-id')]),
  ];
  return snippet('vault-approle', localOnly ? 'AppRole for local tests' : 'AppRole for Airflow', 'sh', lines.join('\n') + '\n');
}

export const hashicorpVault: ProviderSpec = {
  info: {
    id: 'hashicorp-vault',
    name: 'HashiCorp Vault',
    backendClass: 'airflow.providers.hashicorp.secrets.vault.VaultBackend',
    providerPackage: 'apache-airflow-providers-hashicorp',
    defaultKwargs: {
      connections_path: 'connections',
      variables_path: 'variables',
      config_path: 'config',
      mount_point: 'secret',
      kv_engine_version: 2,
      auth_type: 'token',
    },
  },
  authMethods: { astro: ['approle'], 'remote-execution': ['approle', 'kubernetes'], software: ['approle'] },
  authLabels: { approle: 'AppRole', kubernetes: 'Kubernetes auth' },
  checks: CHECKS,

  kwargs(ctx) {
    const version = ctx.typed.kvVersion;
    const kw: Record<string, JsonTree> = {
      connections_path: m(ctx, 'connectionsPath'),
      variables_path: m(ctx, 'variablesPath'),
      mount_point: m(ctx, 'mountPoint'),
      // A number, or the typed text when it is not a KV version (flagged by the check): the
      // whole JSON value is the slot either way.
      kv_engine_version: {
        markedField: 'kvVersion',
        value: version === undefined || version === '1' || version === '2' ? Number(kvVersion(ctx)) : version,
      },
      url: m(ctx, 'vaultUrl'),
    };
    if (ctx.typed.namespace) kw.namespace = m(ctx, 'namespace');
    if (ctx.authMethod === 'kubernetes') {
      kw.auth_type = 'kubernetes';
      kw.kubernetes_role = m(ctx, 'kubernetesRole');
      kw.auth_mount_point = m(ctx, 'kubernetesAuthMount');
    } else {
      kw.auth_type = 'approle';
      kw.role_id = m(ctx, 'roleId');
      kw.secret_id = m(ctx, 'secretId');
    }
    return kw;
  },

  naming(ctx) {
    return {
      connections_path: m(ctx, 'connectionsPath'),
      variables_path: m(ctx, 'variablesPath'),
      mount_point: m(ctx, 'mountPoint'),
      kv_engine_version: Number(kvVersion(ctx)),
    };
  },

  setup(ctx) {
    const v2 = kvVersion(ctx) === '2';
    const enable = [
      ...(ctx.typed.namespace ? ['export VAULT_NAMESPACE=' + shellWord(m(ctx, 'namespace'))] : []),
      `# Enable a KV version ${kvVersion(ctx)} secrets engine for the Airflow secrets (skip this if the mount exists:`,
      `# \`vault secrets list\`). Run the vault commands with VAULT_ADDR${ctx.typed.namespace ? ', VAULT_NAMESPACE' : ''} and an admin token set.`,
      cmd(['vault', 'secrets', 'enable', opt('-path', m(ctx, 'mountPoint')), opt('-version', mark('kvVersion', kvVersion(ctx))), 'kv']),
    ];
    // The policy paths are the names Airflow requests, with the key replaced by *.
    const block = (kind: SecretKind) => {
      const path = secretName('hashicorp-vault', hashicorpVault.naming(ctx), kind, '*') ?? '';
      return [`path ${hclString(path)} {`, '  capabilities = ["read"]', '}'];
    };
    const policy = [
      '# Read-only access to exactly the paths Airflow reads, nothing else.',
      v2 ? '# KV version 2 serves secret data under <mount>/data/, so that is the path to allow.' : '# KV version 1 serves secrets at <mount>/<path>.',
      ...block('connection'),
      '',
      ...block('variable'),
    ];
    const out = [
      snippet('vault-enable-kv', 'Enable the KV secrets engine', 'sh', enable.join('\n') + '\n'),
      snippet('vault-policy', 'Least-privilege policy', 'hcl', policy.join('\n') + '\n', plain(policyFile(ctx))),
      snippet(
        'vault-write-policy',
        'Write the policy',
        'sh',
        cmd(['vault', 'policy', 'write', arg(m(ctx, 'policyName')), arg(policyFile(ctx))]) + '\n',
      ),
    ];
    if (ctx.authMethod === 'kubernetes') {
      const mount = m(ctx, 'kubernetesAuthMount');
      const lines = [
        '# Enable Kubernetes auth once and point it at the agent cluster. If Vault runs outside that',
        '# cluster, also set kubernetes_ca_cert and token_reviewer_jwt (see the Vault Kubernetes auth docs).',
        cmd(['vault', 'auth', 'enable', opt('-path', mount), 'kubernetes']),
        cmd(['vault', 'write', arg('auth/' + mount + '/config'), 'kubernetes_host=' + shellWord(m(ctx, 'kubernetesHost'))]),
        '# Pods running as this service account in this namespace get the read policy.',
        cmd([
          'vault',
          'write',
          arg('auth/' + mount + '/role/' + m(ctx, 'kubernetesRole')),
          // Vault takes a comma-separated list: workers, DAG processor and triggerer each have one.
          'bound_service_account_names=' + shellWord(mList(ctx, 'kubernetesServiceAccount').join(',')),
          'bound_service_account_namespaces=' + shellWord(m(ctx, 'kubernetesNamespace')),
          'token_policies=' + shellWord(m(ctx, 'policyName')),
        ]),
      ];
      out.push(snippet('vault-kubernetes-auth', 'Kubernetes auth role for the agents', 'sh', lines.join('\n') + '\n'));
      // The local containers have no token of the agent cluster: they test with an AppRole.
      out.push(appRole(ctx, true));
    } else {
      out.push(appRole(ctx, false));
    }
    return out;
  },

  write(ctx, kind, _names, v) {
    const field = kind === 'variable' ? 'value=-' : 'conn_uri=-';
    const mount = opt('-mount', m(ctx, 'mountPoint'));
    const note =
      kind === 'variable'
        ? '# Airflow reads a variable from the key "value". The value is piped in, so it is stored exactly as typed.'
        : '# Airflow reads a connection from the key "conn_uri" (or from conn_type, host, login, ... keys).';
    return note + '\n' + cmd(['vault', 'kv', 'put', mount, arg(kvPath(ctx, kind)), field], v) + '\n';
  },

  verify(ctx) {
    const mount = opt('-mount', m(ctx, 'mountPoint'));
    return (
      cmd(['vault', 'kv', 'get', mount, arg(kvPath(ctx, 'variable'))]) +
      '\n' +
      cmd(['vault', 'kv', 'get', mount, arg(kvPath(ctx, 'connection'))]) +
      '\n'
    );
  },

  remove(ctx) {
    const mount = opt('-mount', m(ctx, 'mountPoint'));
    // KV v2: `kv delete` only soft-deletes the latest version; `kv metadata delete` removes every
    // version and the metadata. KV v1 keeps no versions, so `kv delete` removes the secret.
    const v2 = kvVersion(ctx) === '2';
    const del = (kind: SecretKind) => cmd(['vault', 'kv', ...(v2 ? ['metadata', 'delete'] : ['delete']), mount, arg(kvPath(ctx, kind))]);
    return (
      (v2 ? '# Delete both test secrets with all their versions (KV version 2 keeps old versions otherwise).' : '# Delete both test secrets (KV version 1 keeps no versions).') +
      '\n' +
      del('variable') +
      '\n' +
      del('connection') +
      '\n' +
      // Kubernetes auth: the AppRole made for local tests outlives them unless it is removed.
      (ctx.authMethod === 'kubernetes'
        ? '# Once you no longer test locally, remove the local AppRole and its secret IDs:\n' + commented(['vault', 'delete', arg('auth/approle/role/' + m(ctx, 'roleName'))]) + '\n'
        : '')
    );
  },

  // Kubernetes auth needs a service-account token of the agent cluster: the local containers have none.
  localAuthMethod: () => 'approle',
  localNotes(ctx) {
    return ctx.typed.vaultUrl
      ? []
      : ['A Vault on your computer is http://host.docker.internal:8200 from inside the Astro CLI containers.'];
  },
  localContainers() {
    // For a Vault on your computer: Docker Desktop resolves host.docker.internal on its own;
    // Docker Engine on Linux needs the host-gateway entry. Harmless for any other Vault.
    return {
      notes: ['Needed only for a Vault on your computer (http://host.docker.internal:8200) with Docker Engine on', 'Linux: the name then means your computer inside the containers. Docker Desktop has it already.'],
      extraHosts: ['host.docker.internal:host-gateway'],
    };
  },
};
