// Realistic exports for timing the migration planner (planMigration): what a team with
// many variables and connections pastes into a guide's migration tool. Generated from a
// fixed seed, so every run times the same text. Keys use letters, digits and _ only, so
// every backend can store every item (the timing covers the whole script).
import { stringify } from 'yaml';

export const MIGRATION_ITEMS = 1000;

/**
 * The pastes timed, per provider:
 *  - json: `airflow variables export` + `airflow connections export --file-format json`;
 *  - yaml: the same variables + `airflow connections export --file-format yaml`;
 *  - astro: one `airflow_settings.yaml` (`astro dev object export`) with both, in the connections box.
 */
export const MIGRATION_FORMATS = ['json', 'yaml', 'astro'];

/** mulberry32: a small seeded generator (the same numbers on every machine). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = ['finance', 'growth', 'ml', 'ops', 'sales', 'risk', 'data_eng', 'bi'];
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const word = (rnd, n = 8) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(rnd() * 36)]).join('');

/** `airflow variables export`: a value that is JSON (an object, a number) is exported as that JSON. */
function variable(rnd, i) {
  const team = pick(rnd, TEAMS);
  switch (i % 10) {
    case 0: return [`${team}_raw_bucket_${i}`, `s3://acme-${team}-lake/raw/${word(rnd, 6)}/`];
    case 1: return [`${team}_etl_config_${i}`, { batch_size: 500 + i, tables: [`${team}.orders`, `${team}.customers`], enabled: true, schedule: '0 3 * * *' }];
    case 2: return [`${team}_alert_emails_${i}`, `${team}-oncall@acme.example,${word(rnd, 5)}@acme.example`];
    case 3: return [`${team}_max_retries_${i}`, 3 + (i % 5)];
    case 4: return [`${team}_api_base_${i}`, `https://api.acme.example/v2/${team}?region=eu-west-1&page_size=100`];
    case 5: return [`${team}_sql_${i}`, `SELECT id, "name", amount\nFROM ${team}.orders\nWHERE status = 'open' AND note <> '$(date)'\n  AND created_at > now() - interval '1 day'`];
    case 6: return [`${team}_feature_on_${i}`, i % 4 === 0];
    case 7: return [`${team}_token_${i}`, `Tr0ub4dor&3 "${word(rnd, 12)}" $HOME \`x\` it's`];
    case 8: return [`${team}_label_${i}`, `Zürich – 東京 ✓ ${word(rnd, 4)} 🚀`];
    default: return [`${team}_notes_${i}`, `Owner: ${team}. ${'Loads the daily extract and checks row counts against the source before publishing. '.repeat(3)}`];
  }
}

const KEYFILE = (rnd) =>
  JSON.stringify({
    type: 'service_account',
    project_id: 'acme-data-platform',
    private_key_id: word(rnd, 40),
    private_key: `-----BEGIN PRIVATE KEY-----\n${word(rnd, 64)}\n${word(rnd, 64)}\n-----END PRIVATE KEY-----\n`,
    client_email: 'airflow@acme-data-platform.iam.gserviceaccount.com',
    client_id: '104857600000000000001',
    token_uri: 'https://oauth2.googleapis.com/token',
  });

/** One connection as `airflow connections export` writes it (extra as Airflow stored it: JSON text). */
function connection(rnd, i) {
  const team = pick(rnd, TEAMS);
  const password = `${word(rnd, 10)}:@/?#%'"$\`${i}`;
  const base = { conn_type: 'postgres', description: null, host: null, login: null, password: null, schema: null, port: null, extra: null };
  switch (i % 8) {
    case 0: return [`${team}_warehouse_${i}`, { ...base, description: `${team} reporting database`, host: `pg-${i}.db.acme.internal`, login: `${team}_reader`, password, schema: 'analytics', port: 5432, extra: '{"sslmode": "require", "connect_timeout": 10}' }];
    case 1: return [`${team}_mysql_${i}`, { ...base, conn_type: 'mysql', host: `mysql-${i}.db.acme.internal`, login: 'etl', password, schema: team, port: 3306, extra: '{"charset": "utf8mb4"}' }];
    case 2: return [`${team}_http_${i}`, { ...base, conn_type: 'http', host: `https://api-${i}.acme.example`, password: word(rnd, 32), extra: JSON.stringify({ headers: { 'X-Team': team, Accept: 'application/json' }, timeout: 30 }) }];
    case 3: return [`${team}_aws_${i}`, { ...base, conn_type: 'aws', login: 'AKIAIOSFODNN7EXAMPLE', password: `wJalrXUtnFEMI/K7MDENG/${word(rnd, 16)}`, extra: JSON.stringify({ region_name: 'eu-west-1', role_arn: `arn:aws:iam::123456789012:role/${team}-airflow` }) }];
    case 4: return [`${team}_gcp_${i}`, { ...base, conn_type: 'google_cloud_platform', description: 'BigQuery and GCS', extra: JSON.stringify({ project: 'acme-data-platform', keyfile_dict: KEYFILE(rnd), num_retries: 5 }) }];
    case 5: return [`${team}_snowflake_${i}`, { ...base, conn_type: 'snowflake', login: `${team}_svc`, password, schema: 'PUBLIC', extra: JSON.stringify({ account: 'acme-eu', warehouse: `${team.toUpperCase()}_WH`, database: 'ANALYTICS', role: 'AIRFLOW' }) }];
    case 6: return [`${team}_sftp_${i}`, { ...base, conn_type: 'sftp', host: `sftp-${i}.partner.example`, login: 'acme', password, port: 22, extra: '{"no_host_key_check": false}' }];
    default: return [`${team}_slack_${i}`, { ...base, conn_type: 'slackwebhook', host: 'hooks.slack.com/services', password: `T000/B000/${word(rnd, 24)}` }];
  }
}

/** The pastes for one format: { variables?, connections? } as planMigration takes them. */
export function migrationExports(format, n = MIGRATION_ITEMS, seed = 17) {
  const rnd = random(seed);
  const variables = Object.fromEntries(Array.from({ length: n }, (_, i) => variable(rnd, i)));
  const connections = Object.fromEntries(Array.from({ length: n }, (_, i) => connection(rnd, i)));
  if (format === 'json') return { variables: JSON.stringify(variables, null, 4), connections: JSON.stringify(connections, null, 4) };
  if (format === 'yaml') return { variables: JSON.stringify(variables, null, 4), connections: stringify(connections) };
  if (format !== 'astro') throw new Error(`unknown migration format ${format}`);
  // What astro dev object export writes: lists of conn_* and variable_* entries, 4-space indents,
  // extra as a map, text values as text.
  const settings = {
    airflow: {
      connections: Object.entries(connections).map(([id, c]) => ({
        conn_id: id,
        conn_type: c.conn_type,
        conn_host: c.host ?? '',
        conn_schema: c.schema ?? '',
        conn_login: c.login ?? '',
        conn_password: c.password ?? '',
        conn_port: c.port ?? 0,
        conn_uri: '',
        conn_extra: c.extra ? JSON.parse(c.extra) : {},
      })),
      pools: [{ pool_name: 'default_pool', pool_slot: 128, pool_description: 'Default pool' }],
      variables: Object.entries(variables).map(([k, v]) => ({ variable_name: k, variable_value: typeof v === 'string' ? v : JSON.stringify(v) })),
    },
  };
  return { connections: stringify(settings, { indent: 4, lineWidth: 0 }) };
}
