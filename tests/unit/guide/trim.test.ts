import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/generators/index.ts';
import { generatorInput } from '../../../src/guide/client/derived.ts';
import { isTrimmed, snippetValue } from '../../../src/guide/client/trim.ts';

describe('what of a typed value reaches the snippets', () => {
  it('spaces, tabs and line breaks at either end are left out; inner ones stay', () => {
    expect(snippetValue('region', ' \t eu-west-1 \r\n')).toBe('eu-west-1');
    expect(snippetValue('connHost', 'a b')).toBe('a b');
    expect(isTrimmed('region', 'eu-west-1')).toBe(false);
    expect(isTrimmed('region', 'eu-west-1 ')).toBe(true);
  });
  it("the test variable's value and the connection's password are kept exactly", () => {
    expect(snippetValue('variableValue', ' v ')).toBe(' v ');
    expect(snippetValue('connPassword', 'pw ')).toBe('pw ');
    expect(isTrimmed('connPassword', 'pw ')).toBe(false);
  });
  it('the generator gets the trimmed values, and a value of only spaces counts as empty', () => {
    const input = generatorInput({ platform: 'astro', authPref: '', airflowVersion: '3', values: { region: ' us-east-1 ', roleArn: '   ', variableValue: ' x ' } }, 'astro', 'role', '3');
    expect(input).toEqual({ platform: 'astro', authMethod: 'role', airflowVersion: '3', region: 'us-east-1', variableValue: ' x ' });
    const kwargs = generate('aws-secrets-manager', input).snippets.find((s) => s.id === 'backend-kwargs')!.code;
    expect(JSON.parse(kwargs).region_name).toBe('us-east-1');
  });
});
