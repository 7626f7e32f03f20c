/** secretName against every naming rule in the reference sheet (sections 1-5). */
import { describe, expect, it } from 'vitest';
import { secretName } from '../../../src/generators/secret-name.ts';

describe('HashiCorp Vault', () => {
  it('KV v2 adds /data/ after the mount; defaults are mount secret, paths connections/variables', () => {
    expect(secretName('hashicorp-vault', {}, 'connection', 'smtp_default')).toBe('secret/data/connections/smtp_default');
    expect(secretName('hashicorp-vault', {}, 'variable', 'hello')).toBe('secret/data/variables/hello');
    expect(secretName('hashicorp-vault', { mount_point: 'airflow' }, 'variable', 'hello')).toBe('airflow/data/variables/hello');
  });
  it('KV v1 has no /data/', () => {
    expect(secretName('hashicorp-vault', { mount_point: 'airflow', kv_engine_version: 1 }, 'variable', 'hello')).toBe('airflow/variables/hello');
    expect(secretName('hashicorp-vault', { kv_engine_version: '1' }, 'connection', 'c')).toBe('secret/connections/c');
  });
  it('an empty path uses the key directly; trailing slashes of the path are stripped', () => {
    expect(secretName('hashicorp-vault', { mount_point: 'airflow', variables_path: '', kv_engine_version: 1 }, 'variable', 'path/to/variables/hello')).toBe(
      'airflow/path/to/variables/hello',
    );
    expect(secretName('hashicorp-vault', { mount_point: 'airflow', connections_path: '' }, 'connection', 'my_conn')).toBe('airflow/data/my_conn');
    expect(secretName('hashicorp-vault', { connections_path: 'conns//' }, 'connection', 'x')).toBe('secret/data/conns/x');
  });
  it('a null mount point takes the mount from the key; a key without / is not looked up', () => {
    expect(secretName('hashicorp-vault', { mount_point: null, kv_engine_version: 1 }, 'variable', 'airflow/hello')).toBe('airflow/variables/hello');
    expect(secretName('hashicorp-vault', { mount_point: null, variables_path: '', kv_engine_version: 1 }, 'variable', 'airflow/path/to/variables/hello')).toBe(
      'airflow/path/to/variables/hello',
    );
    expect(secretName('hashicorp-vault', { mount_point: null }, 'connection', 'simple_id')).toBeNull();
  });
  it('a null path disables the lookup; a list of paths uses the first', () => {
    expect(secretName('hashicorp-vault', { connections_path: null }, 'connection', 'c')).toBeNull();
    expect(secretName('hashicorp-vault', { variables_path: ['a', 'b'] }, 'variable', 'v')).toBe('secret/data/a/v');
  });
});

describe('AWS SSM Parameter Store', () => {
  it('always has a leading slash and keeps the id as is', () => {
    expect(secretName('aws-parameter-store', {}, 'connection', 'smtp_default')).toBe('/airflow/connections/smtp_default');
    expect(secretName('aws-parameter-store', { variables_prefix: 'airflow/variables' }, 'variable', 'hello')).toBe('/airflow/variables/hello');
    expect(secretName('aws-parameter-store', { connections_prefix: '' }, 'connection', 'my_db')).toBe('/my_db');
    expect(secretName('aws-parameter-store', { variables_prefix: '/a/b/' }, 'variable', 'My_Var')).toBe('/a/b/My_Var');
  });
  it('null prefix and a non-matching lookup pattern skip the lookup', () => {
    expect(secretName('aws-parameter-store', { connections_prefix: null }, 'connection', 'x')).toBeNull();
    expect(secretName('aws-parameter-store', { connections_lookup_pattern: '^aws' }, 'connection', 'my_db')).toBeNull();
    expect(secretName('aws-parameter-store', { connections_lookup_pattern: '^AWS' }, 'connection', 'aws_default')).toBe('/airflow/connections/aws_default');
  });
});

describe('AWS Secrets Manager', () => {
  it('prefix + sep + key, no leading slash added, no separator for an empty prefix', () => {
    expect(secretName('aws-secrets-manager', {}, 'connection', 'smtp_default')).toBe('airflow/connections/smtp_default');
    expect(secretName('aws-secrets-manager', { connections_prefix: '' }, 'connection', 'x')).toBe('x');
    expect(secretName('aws-secrets-manager', { variables_prefix: '/airflow/variables' }, 'variable', 'v')).toBe('/airflow/variables/v');
    expect(secretName('aws-secrets-manager', { variables_prefix: 'airflow-variables-', sep: '-' }, 'variable', 'v')).toBe('airflow-variables-v');
  });
  it('null prefix disables', () => {
    expect(secretName('aws-secrets-manager', { variables_prefix: null }, 'variable', 'v')).toBeNull();
  });
});

describe('Google Cloud Secret Manager', () => {
  it('keeps underscores; an empty prefix gives a leading separator', () => {
    expect(secretName('gcp-secret-manager', {}, 'connection', 'smtp_default')).toBe('airflow-connections-smtp_default');
    expect(secretName('gcp-secret-manager', {}, 'variable', 'hello')).toBe('airflow-variables-hello');
    expect(secretName('gcp-secret-manager', { connections_prefix: '' }, 'connection', 'smtp_default')).toBe('-smtp_default');
    expect(secretName('gcp-secret-manager', { sep: '_' }, 'variable', 'v')).toBe('airflow-variables_v');
  });
  it('null prefix disables', () => {
    expect(secretName('gcp-secret-manager', { connections_prefix: null }, 'connection', 'x')).toBeNull();
  });
});

describe('Azure Key Vault', () => {
  it('replaces every underscore in the whole name with sep', () => {
    expect(secretName('azure-key-vault', {}, 'connection', 'smtp_default')).toBe('airflow-connections-smtp-default');
    expect(secretName('azure-key-vault', { variables_prefix: 'airflow_variables' }, 'variable', 'my_var')).toBe('airflow-variables-my-var');
    expect(secretName('azure-key-vault', { connections_prefix: '' }, 'connection', 'my_db')).toBe('my-db');
    expect(secretName('azure-key-vault', { connections_prefix: '', sep: '' }, 'connection', 'my_db')).toBe('mydb');
  });
  it('null prefix disables', () => {
    expect(secretName('azure-key-vault', { variables_prefix: null }, 'variable', 'v')).toBeNull();
  });
});
