/** Airflow's own connection URI test cases (reference sheet section 7), parser and builder. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildConnectionJson,
  buildConnectionUri,
  parseConnectionUri,
  pyQuote,
} from '../../../src/generators/connection.ts';
import { hostileString } from '../helpers/arbitraries.ts';

const BASE = { connType: 'scheme', host: 'host/location', schema: 'schema', login: 'user', password: 'password', port: 1234 };

describe('parseConnectionUri: section 7.1 rows 1-27', () => {
  const rows: [number, string, Record<string, unknown>][] = [
    [1, 'scheme://user:password@host%2Flocation:1234/schema', { ...BASE, extra: null }],
    [2, 'scheme://user:password@host%2Flocation:1234/schema?extra1=a%20value&extra2=%2Fpath%2F', { ...BASE, extra: { extra1: 'a value', extra2: '/path/' } }],
    [
      3,
      'scheme://user:password@host%2Flocation:1234/schema?__extra__=%7B%22my_val%22%3A+%5B%22list%22%2C+%22of%22%2C+%22values%22%5D%2C+%22extra%22%3A+%7B%22nested%22%3A+%7B%22json%22%3A+%22val%22%7D%7D%7D',
      { ...BASE, extra: { my_val: ['list', 'of', 'values'], extra: { nested: { json: 'val' } } } },
    ],
    [4, 'scheme://user:password@host%2Flocation:1234/schema?extra1=a%20value&extra2=', { ...BASE, extra: { extra1: 'a value', extra2: '' } }],
    [5, 'scheme://user:password@host%2Flocation%3Ax%3Ay:1234/schema?extra1=a%20value&extra2=%2Fpath%2F', { ...BASE, host: 'host/location:x:y', extra: { extra1: 'a value', extra2: '/path/' } }],
    [6, 'scheme://user:password%20with%20space@host%2Flocation%3Ax%3Ay:1234/schema', { ...BASE, host: 'host/location:x:y', password: 'password with space' }],
    [7, 'scheme://domain%2Fuser:password@host%2Flocation%3Ax%3Ay:1234/schema', { ...BASE, host: 'host/location:x:y', login: 'domain/user' }],
    [8, 'scheme://user:password%20with%20space@host:1234/schema%2Ftest', { ...BASE, host: 'host', schema: 'schema/test', password: 'password with space' }],
    [9, 'scheme://user:password%20with%20space@host:1234', { ...BASE, host: 'host', schema: '', password: 'password with space' }],
    [
      10,
      'google-cloud-platform://?key_path=%2Fkeys%2Fkey.json&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fcloud-platform&project=airflow',
      {
        connType: 'google_cloud_platform',
        host: '',
        schema: '',
        login: null,
        password: null,
        port: null,
        extra: { key_path: '/keys/key.json', scope: 'https://www.googleapis.com/auth/cloud-platform', project: 'airflow' },
      },
    ],
    [11, 'scheme://host:1234', { connType: 'scheme', host: 'host', schema: '', login: null, password: null, port: 1234 }],
    [12, 'scheme://%2FTmP%2F:1234', { host: '/TmP/', port: 1234 }],
    [13, 'scheme:///airflow', { schema: 'airflow', host: '' }],
    [14, 'scheme://@:1234', { port: 1234 }],
    [15, 'scheme://:password%2F%21%40%23%24%25%5E%26%2A%28%29%7B%7D@', { password: 'password/!@#$%^&*(){}' }],
    [16, 'scheme://login%2F%21%40%23%24%25%5E%26%2A%28%29%7B%7D@', { login: 'login/!@#$%^&*(){}' }],
    [17, 'http://:password@host:80/database', { login: '', password: 'password', host: 'host', port: 80, schema: 'database' }],
    [18, 'http://user:@host:80/database', { login: 'user', password: null }],
    [19, 'http://user:password@/database', { host: '', port: null, schema: 'database' }],
    [20, 'postgresql://user:password@%2Ftmp%2Fz6rqdzqh%2Fexample%3Awest1%3Atestdb/testdb', { connType: 'postgres', host: '/tmp/z6rqdzqh/example:west1:testdb', schema: 'testdb' }],
    [21, 'spark://k8s%3a%2F%2F100.68.0.1:443?deploy-mode=cluster', { connType: 'spark', host: 'k8s://100.68.0.1', port: 443, schema: '' }],
    [22, 'spark://user@k8s%3a%2F%2F100.68.0.1:443?deploy-mode=cluster', { login: 'user', password: null, host: 'k8s://100.68.0.1' }],
    [23, 'spark://k8s://100.68.0.1:443?deploy-mode=cluster', { host: 'k8s://100.68.0.1', port: 443, extra: { 'deploy-mode': 'cluster' } }],
    [24, 'type://protocol://user:pass@host:123?param=value', { host: 'protocol://host', login: 'user', password: 'pass', port: 123, extra: { param: 'value' } }],
    [26, 'spark://mysparkcluster.com:80?deploy-mode=cluster&spark_binary=command&namespace=kube+namespace', { extra: { 'deploy-mode': 'cluster', spark_binary: 'command', namespace: 'kube namespace' } }],
    [27, 'type://host?__extra__=%7B%22foo%22%3A+%22bar%22%7D', { extra: { foo: 'bar' } }],
  ];
  it.each(rows)('row %i: %s', (_n, uri, expected) => {
    expect(parseConnectionUri(uri)).toMatchObject(expected);
  });
  it('row 25: a protocol host after the authority is invalid', () => {
    const uri = 'type://user:pass@protocol://host:port?param=value';
    expect(() => parseConnectionUri(uri)).toThrow(`Invalid connection string: ${uri}.`);
  });
  it('more than two :// is invalid', () => {
    expect(() => parseConnectionUri('a://b://c://d')).toThrow('Invalid connection string');
  });
});

describe('buildConnectionUri: section 7.2 rows A-I (code behaviour)', () => {
  const extra = { param1: 'val1', param2: 'val2' };
  const rows: [string, Parameters<typeof buildConnectionUri>[0], string][] = [
    ['A', { connType: 'type', login: 'user', password: 'pass', host: 'host', port: 100, schema: 'schema', extra }, 'type://user:pass@host:100/schema?param1=val1&param2=val2'],
    ['B', { connType: 'type', host: 'protocol://host', port: 100, schema: 'schema', extra }, 'type://protocol://host:100/schema?param1=val1&param2=val2'],
    ['C', { connType: 'type', host: 'protocol://host', login: 'user', password: 'pass', port: 100, schema: 'schema', extra }, 'type://protocol://user:pass@host:100/schema?param1=val1&param2=val2'],
    [
      'D',
      { connType: 'type', host: 'host', extra: { bool_param: true, int_param: 123, float_param: 1.5, list_param: [1, 2] } },
      'type://host/?__extra__=%7B%22bool_param%22%3A+true%2C+%22int_param%22%3A+123%2C+%22float_param%22%3A+1.5%2C+%22list_param%22%3A+%5B1%2C+2%5D%7D',
    ],
    [
      'E',
      { connType: 'scheme', host: 'host/location', schema: 'schema', login: 'user', password: 'password', port: 1234, extra: { my_val: ['list', 'of', 'values'], extra: { nested: { json: 'val' } } } },
      'scheme://user:password@host%2Flocation:1234/schema?__extra__=%7B%22my_val%22%3A+%5B%22list%22%2C+%22of%22%2C+%22values%22%5D%2C+%22extra%22%3A+%7B%22nested%22%3A+%7B%22json%22%3A+%22val%22%7D%7D%7D',
    ],
    ['F (empty)', {}, '//'],
    ['F (host only)', { host: 'abc' }, '//abc'],
    ['G', { connType: 'sqlite', host: '/tmp/sqlite_default.db' }, 'sqlite://%2Ftmp%2Fsqlite_default.db'],
    ['H', { connType: 'postgresql', login: 'airflow', password: 'airflow', host: 'host', port: '5432', schema: 'airflow', extra: { foo: 'bar', baz: 'taz' } }, 'postgres://airflow:airflow@host:5432/airflow?foo=bar&baz=taz'],
    ['I', { connType: 'mysql', host: 'myhost.com', login: 'myname', password: 'mypassword', extra: { this_param: 'some val', that_param: 'other val*' } }, 'mysql://myname:mypassword@myhost.com/?this_param=some+val&that_param=other+val%2A'],
  ];
  it.each(rows)('row %s', (_n, fields, expected) => {
    expect(buildConnectionUri(fields)).toBe(expected);
  });
  it('writes conn types with dashes and keeps login "" and an @ before a bare port', () => {
    expect(buildConnectionUri({ connType: 'google_cloud_platform', extra: { project: 'p' } })).toBe('google-cloud-platform:///?project=p');
    expect(buildConnectionUri({ connType: 'foo', login: '', password: 'p@$$' })).toBe('foo://:p%40%24%24@');
    expect(buildConnectionUri({ connType: 'foo', port: 5 })).toBe('foo://@:5');
  });
});

describe('JSON form', () => {
  it('normalises conn_type and the port and keeps an extra object', () => {
    expect(JSON.parse(buildConnectionJson({ connType: 'postgresql', host: 'h', port: '1', extra: { yo: 'hi' } }))).toEqual({
      conn_type: 'postgres',
      host: 'h',
      port: 1,
      extra: { yo: 'hi' },
    });
    expect(JSON.parse(buildConnectionJson({ connType: 'abc-abc', login: '', password: 'pass :/!@#$%^&*(){}"' }))).toEqual({
      conn_type: 'abc_abc',
      login: '',
      password: 'pass :/!@#$%^&*(){}"',
    });
  });
});

describe('round trip', () => {
  it('parse(build(fields)) gives the fields back for hostile text', () => {
    const text = hostileString.filter((s) => s.length > 0);
    fc.assert(
      fc.property(
        fc.record({
          connType: fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
          host: text.filter((s) => !s.includes('://') && !/[A-Z]/.test(s)),
          login: text,
          password: text,
          port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
          schema: fc.option(text, { nil: undefined }),
          extra: fc.option(fc.dictionary(fc.string({ minLength: 1 }), fc.oneof(fc.string(), fc.integer())), { nil: undefined }),
        }),
        (f) => {
          const parsed = parseConnectionUri(buildConnectionUri(f));
          expect(parsed.connType).toBe(f.connType);
          expect(parsed.login).toBe(f.login);
          expect(parsed.password).toBe(f.password);
          expect(parsed.port).toBe(f.port ?? null);
          expect(parsed.schema).toBe(f.schema ?? '');
          expect(parsed.host).toBe(f.host);
          if (f.extra && Object.keys(f.extra).length) expect(parsed.extra).toEqual(f.extra);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
  it('pyQuote keeps only unreserved characters', () => {
    expect(pyQuote("a b/!'()*~._-é")).toBe('a%20b%2F%21%27%28%29%2A~._-%C3%A9');
  });
});
