/**
 * Interface text of the guide parts that load on their own, later than the page's first
 * code (link-notice.ts, key-value-copies.ts): kept out of texts.ts, which that code carries.
 */
export const LATER_TEXTS = {
  keyValues: {
    name: 'Copy one box at a time:',
    copyKey: 'Copy key',
    copyValue: 'Copy value',
    label: (part: 'key' | 'value', name: string) => (part === 'key' ? `Copy the key ${name}` : `Copy the value of ${name}`),
    copied: (part: 'key' | 'value', name: string) => (part === 'key' ? `Copied the key ${name}.` : `Copied the value of ${name}.`),
    failed: 'Copy failed: select the text in the box above instead.',
    markSecret: 'mark as Secret',
  },
  linkNotice: {
    title: 'Prefilled from a shared link',
    body: 'The choices and values below came from the link. Check them before you run anything.',
    review: 'Review the setup',
    stillSecrets: (n: number) => `Links never carry secrets: enter your own ${n === 1 ? 'value' : 'values'} for `,
    noSecrets: 'Links never carry secrets; this setup needs none, or you have entered them.',
    dismiss: 'Dismiss',
  },
} as const;
