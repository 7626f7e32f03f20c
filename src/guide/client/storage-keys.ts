/**
 * The localStorage keys the site uses (remembered.ts writes and reads them; start.ts only
 * checks whether any is there). The theme's key is in theme.ts; the pre-paint script spells
 * the keys out, because it is inlined without imports.
 */
export const VALUES_KEY = 'guides:values';
export const CHOICE_KEY_PREFIX = 'guides:tab:';
