/** Google Cloud Secret Manager. */
import { arg, cmd, commented, opt, snippet } from '../common-snippets.ts';
import { type Ctx, m, mList, value } from '../context.ts';
import type { JsonTree } from '../escape/json.ts';
import { error, mustMatch, parseJsonObject, warning } from '../fields.ts';
import type { ProviderSpec } from '../provider-spec.ts';
import { mark, plain } from '../slots.ts';

/** A key-file template shown (as a JSON object) until a key is pasted. */
const KEYFILE_TEMPLATE = {
  type: 'service_account',
  project_id: '<your-gcp-project-id>',
  private_key_id: '<your-private-key-id>',
  private_key: '<your-private-key>',
  client_email: '<your-service-account-email>',
  client_id: '<your-client-id>',
  token_uri: 'https://oauth2.googleapis.com/token',
};

function keyfile(ctx: Ctx): JsonTree {
  const t = ctx.typed.keyfileJson;
  if (t === undefined) {
    // The template names the project and account the reader typed, as the real key will.
    const email = accountEmail(ctx)?.email;
    const template = { ...KEYFILE_TEMPLATE, project_id: ctx.typed.projectId ?? KEYFILE_TEMPLATE.project_id, client_email: email ?? KEYFILE_TEMPLATE.client_email };
    return { markedField: 'keyfileJson', value: template };
  }
  const o = parseJsonObject(t);
  // Not a JSON object: rendered as typed (a string) so the reader sees it; a problem explains.
  return o ? { markedField: 'keyfileJson', value: o as JsonTree } : mark('keyfileJson', t);
}

/** The service account email and the field it comes from: typed, else the key file's client_email. */
function accountEmail(ctx: Ctx): { field: string; email: string } | undefined {
  if (ctx.typed.serviceAccountEmail) return { field: 'serviceAccountEmail', email: ctx.typed.serviceAccountEmail };
  const email = ctx.typed.keyfileJson ? parseJsonObject(ctx.typed.keyfileJson)?.client_email : undefined;
  return typeof email === 'string' && email ? { field: 'keyfileJson', email } : undefined;
}

/** The service account (marked): typed, else the key file's client_email, else its placeholder. */
function serviceAccount(ctx: Ctx): string {
  const a = accountEmail(ctx);
  return a ? mark(a.field, a.email) : m(ctx, 'serviceAccountEmail');
}

/** The account ID (the email before @), marked as the email's slot; a placeholder when unknown. */
function accountId(ctx: Ctx): string {
  const a = accountEmail(ctx);
  const id = a ? a.email.split('@')[0] : '';
  return mark(a?.field ?? 'serviceAccountEmail', id || '<your-service-account-id>');
}

const ACCOUNT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const HOME = '.iam.gserviceaccount.com';

/**
 * True when the email is not a user-managed account of this project (NAME@PROJECT_ID.iam...; with no
 * project typed, of any valid project ID): a Google-managed account or another project's, never created here.
 */
function foreign(ctx: Ctx, email: string): boolean {
  const domain = email.slice(email.indexOf('@') + 1);
  const pid = ctx.typed.projectId;
  return pid ? domain !== pid + HOME : !(domain.endsWith(HOME) && ACCOUNT_ID.test(domain.slice(0, -HOME.length)));
}

const project = (ctx: Ctx) => opt('--project', m(ctx, 'projectId'));

/** A role on the service account itself (who may act as it), granted to `member`. */
const bindOnAccount = (ctx: Ctx, role: string, member: string) =>
  cmd(['gcloud', 'iam', 'service-accounts', 'add-iam-policy-binding', project(ctx), '--role=' + role, opt('--member', member), arg(serviceAccount(ctx))]);

/** Astro workload identity with the Deployment's own identity typed: it impersonates the service account. */
const impersonating = (ctx: Ctx) => ctx.platform === 'astro' && ctx.authMethod === 'workload-identity' && ctx.typed.deploymentIdentity !== undefined;

export const gcpSecretManager: ProviderSpec = {
  info: {
    id: 'gcp-secret-manager',
    name: 'Google Cloud Secret Manager',
    backendClass: 'airflow.providers.google.cloud.secrets.secret_manager.CloudSecretManagerBackend',
    providerPackage: 'apache-airflow-providers-google',
    defaultKwargs: {
      connections_prefix: 'airflow-connections',
      variables_prefix: 'airflow-variables',
      config_prefix: 'airflow-config',
      sep: '-',
    },
  },
  authMethods: { astro: ['workload-identity', 'key-file'], 'remote-execution': ['workload-identity'], software: ['key-file'] },
  authLabels: { 'workload-identity': 'Workload Identity', 'key-file': 'Service account key' },
  checks: {
    // GCP-only field: its rule lives here, so other providers' browser bundles leave it out.
    deploymentIdentity: (v) => (/^[^@\s]+@[^@\s]+\.gserviceaccount\.com$/.test(v) ? undefined : error('The workload identity is a service account email, ending in .gserviceaccount.com')),
    projectId: mustMatch(
      /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
      'Project ID must be 6 to 30 lowercase letters, digits and dashes, start with a letter and not end with a dash',
    ),
    serviceAccountEmail: (v) => {
      if (!/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(v)) return error('Service account email must look like name@project-id.iam.gserviceaccount.com');
      return /\.gserviceaccount\.com$/.test(v) ? undefined : warning('Service account emails usually end in .gserviceaccount.com');
    },
    variablesPrefix: (v) => (/^[\w-]*$/.test(v) ? undefined : error('Secret names can only contain letters, digits, - and _')),
    keyfileJson: (v) => {
      const o = parseJsonObject(v);
      if (!o) return error('The key must be the JSON object from the key file, starting with {');
      const missing = ['type', 'private_key', 'client_email'].filter((k) => typeof o[k] !== 'string');
      if (missing.length) return warning(`This key has no ${missing.join(' or ')}: paste the whole key file`);
      return o.type === 'service_account' ? undefined : warning('This is not a service account key ("type" is not "service_account")');
    },
  },

  kwargs(ctx) {
    const kw: Record<string, JsonTree> = {
      connections_prefix: m(ctx, 'connectionsPrefix'),
      variables_prefix: m(ctx, 'variablesPrefix'),
    };
    if (ctx.typed.sep !== undefined) kw.sep = m(ctx, 'sep');
    kw.project_id = m(ctx, 'projectId');
    // The Deployment keeps its own identity and acts as the reader's service account.
    if (impersonating(ctx)) kw.impersonation_chain = serviceAccount(ctx);
    // gcp_keyfile_dict must be a JSON object: the backend reads its fields directly.
    if (ctx.authMethod === 'key-file') kw.gcp_keyfile_dict = keyfile(ctx);
    return kw;
  },
  naming(ctx) {
    return { connections_prefix: m(ctx, 'connectionsPrefix'), variables_prefix: m(ctx, 'variablesPrefix'), sep: value(ctx, 'sep') };
  },
  setup(ctx) {
    const a = accountEmail(ctx);
    const lines =
      a && a.email.indexOf('@') > 0 && foreign(ctx, a.email)
        ? ['# This account is Google-managed or belongs to another project: nothing to create here, only grant it access.']
        : [
            '# The service account Airflow uses. Skip this if it exists already; a Google-managed account or one',
            "# from another project (such as an Astro Deployment's default workload identity) is never created here.",
            cmd(['gcloud', 'iam', 'service-accounts', 'create', project(ctx), "--display-name='Airflow secrets backend'", arg(accountId(ctx))]),
          ];
    lines.unshift(
      '# Secret Manager must be enabled in the project (once; running it again changes nothing).',
      cmd(['gcloud', 'services', 'enable', 'secretmanager.googleapis.com', project(ctx)]),
    );
    const key = ctx.authMethod === 'key-file';
    if (key) {
      lines.push(
        '# A key for it. key.json is a credential: never commit it (add it to .gitignore); paste its content',
        '# as the key (gcp_keyfile_dict), then delete the file.',
        cmd(['gcloud', 'iam', 'service-accounts', 'keys', 'create', 'key.json', opt('--iam-account', serviceAccount(ctx))]),
      );
    }
    return [snippet('gcp-service-account', key ? 'Create the service account and a key' : 'Create the service account', 'sh', lines.join('\n') + '\n')];
  },
  write(ctx, kind, names, v) {
    const name = kind === 'variable' ? names.variable : names.connection;
    const note =
      kind === 'variable'
        ? '# --data-file=- stores the piped value as the first version: Airflow reads the latest version,\n# and a secret without any version is "not found".\n'
        : '';
    const again = commented(['gcloud', 'secrets', 'versions', 'add', project(ctx), '--data-file=-', arg(name)], v);
    return (
      note +
      cmd(['gcloud', 'secrets', 'create', project(ctx), '--replication-policy=automatic', '--data-file=-', arg(name)], v) +
      '\n# It exists already (ALREADY_EXISTS)? Add the value as a new version instead:\n' +
      again +
      '\n'
    );
  },
  verify(ctx, names) {
    const get = (name: string) => cmd(['gcloud', 'secrets', 'versions', 'access', 'latest', project(ctx), opt('--secret', name)]);
    return get(names.variable) + '\n' + get(names.connection) + '\n';
  },
  remove(ctx, names) {
    const del = (name: string) => cmd(['gcloud', 'secrets', 'delete', project(ctx), '--quiet', arg(name)]);
    return (
      '# Delete both test secrets with all their versions (--quiet skips the prompt; there is no undo).\n' +
      del(names.variable) +
      '\n' +
      del(names.connection) +
      '\n'
    );
  },
  afterWrite(ctx, names) {
    const member = opt('--member', 'serviceAccount:' + serviceAccount(ctx));
    const role = '--role=roles/secretmanager.secretAccessor';
    const perSecret = (name: string) => commented(['gcloud', 'secrets', 'add-iam-policy-binding', project(ctx), member, role, arg(name)]);
    const lines = [
      '# Let the service account read every secret in the project (Secret Manager Secret Accessor), not',
      "# only Airflow's: keep Airflow's secrets in a project of their own, or grant per secret below.",
      '# It covers secrets you add later, and a missing secret gives NotFound, which Airflow skips quietly.',
      cmd(['gcloud', 'projects', 'add-iam-policy-binding', member, role, arg(m(ctx, 'projectId'))]),
      '# Stricter: grant it on each secret instead. Every new secret then needs its own grant, and a lookup',
      '# of a missing name gives PermissionDenied, which Airflow logs as an error each time:',
      perSecret(names.variable),
      perSecret(names.connection),
    ];
    if (ctx.platform === 'remote-execution') {
      lines.push("# GKE Workload Identity: let each of the agents' Kubernetes service accounts act as this service account.");
      for (const name of mList(ctx, 'kubernetesServiceAccount')) {
        const ksa = m(ctx, 'projectId') + '.svc.id.goog[' + m(ctx, 'kubernetesNamespace') + '/' + name + ']';
        lines.push(bindOnAccount(ctx, 'roles/iam.workloadIdentityUser', 'serviceAccount:' + ksa));
      }
    }
    const snippets = [snippet('gcp-grant-access', 'Grant read access', 'sh', lines.join('\n') + '\n')];
    if (ctx.platform === 'astro' && ctx.authMethod === 'workload-identity') {
      const deployment = ctx.typed.deploymentIdentity === undefined ? mark('deploymentIdentity', '<your-deployment-workload-identity>') : m(ctx, 'deploymentIdentity');
      snippets.push(
        snippet(
          'gcp-impersonation',
          "Let the Deployment's identity act as the service account",
          'sh',
          [
            "# Instead of attaching the service account: the Deployment keeps its own identity and gets short-lived",
            '# tokens for the service account (Service Account Token Creator on that account only). With the',
            '# identity entered, the backend options name the service account in impersonation_chain.',
            bindOnAccount(ctx, 'roles/iam.serviceAccountTokenCreator', 'serviceAccount:' + deployment),
          ].join('\n') + '\n',
        ),
      );
    }
    return snippets;
  },
  identity(ctx) {
    return { annotations: { 'iam.gke.io/gcp-service-account': serviceAccount(ctx) } };
  },
  localNotes(ctx) {
    if (ctx.authMethod !== 'workload-identity') return [];
    const notes = ['Workload Identity exists only on the Deployment: locally, the backend uses your gcloud login (docker-compose.override.yml).'];
    if (impersonating(ctx)) notes.push('With impersonation_chain, your own account needs Service Account Token Creator on the service account too.');
    return notes;
  },
  localContainers(ctx) {
    if (ctx.authMethod !== 'workload-identity') return undefined;
    const file = '/usr/local/airflow/gcloud/application_default_credentials.json';
    return {
      notes: ['Your gcloud application default credentials (gcloud auth application-default login), read-only.'],
      volumes: ['${HOME}/.config/gcloud/application_default_credentials.json:' + file + ':ro'],
      environment: { GOOGLE_APPLICATION_CREDENTIALS: file },
    };
  },
  crossChecks(ctx, names) {
    const a = accountEmail(ctx);
    const at = a ? a.email.indexOf('@') : -1;
    if (a && at > 0) {
      const pid = ctx.typed.projectId;
      if (foreign(ctx, a.email)) {
        ctx.problems.push({
          field: a.field,
          severity: 'warning',
          message: `${pid ? 'This service account is not in project ' + pid : 'This is not a service account you create'} (those end in @${pid || 'PROJECT_ID'}${HOME}). A Google-managed account or one from another project, such as an Astro Deployment's default workload identity, must not be created here: the commands only grant it access.`,
        });
      } else if (!ACCOUNT_ID.test(a.email.slice(0, at))) {
        ctx.problems.push({
          field: a.field,
          severity: 'warning',
          message: 'A service account ID (the part before @) is 6 to 30 lowercase letters, digits and dashes, starting with a letter and not ending with a dash',
        });
      }
    }
    const prefix = value(ctx, 'connectionsPrefix') + value(ctx, 'sep');
    if (!/^[\w-]*$/.test(prefix)) {
      ctx.problems.push({
        field: ctx.typed.sep !== undefined && !/^[\w-]*$/.test(value(ctx, 'sep')) ? 'sep' : 'connectionsPrefix',
        severity: 'error',
        message: 'The connections prefix and separator may only use letters, digits, - and _ (or Airflow will not start)',
      });
    }
    for (const [field, name] of [
      ['variableKey', names.variable],
      ['connectionId', names.connection],
    ] as const) {
      const n = plain(name);
      if (ctx.typed[field] !== undefined && !/^[\w-]+$/.test(ctx.typed[field])) {
        ctx.problems.push({ field, severity: 'error', message: `Secret names can only contain letters, digits, - and _ (the name would be ${n})` });
      } else if (n.length > 255) {
        ctx.problems.push({ field, severity: 'error', message: `Secret names can be at most 255 characters (this one has ${n.length})` });
      }
    }
  },
};
