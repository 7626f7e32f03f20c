/**
 * When the interactive parts of a page load. At load a page runs only start.ts (a few
 * listeners); the page's setup, the tab view and a guide's live code arrive as one chunk
 * (page.ts) when the page needs them, and a guide's form islands hydrate when the reader
 * reaches for the setup form, or the page starts with something the server-rendered form
 * does not show (a choice or value from a link or from memory). Until then the form is
 * plain HTML: what is typed in it is read when the setup starts (setup.ts `typedInForms`).
 *
 * boot.ts sets `<html data-setup-active>` once the islands are needed and hydrates them
 * (islands.ts).
 */
export const ACTIVE_ATTRIBUTE = 'data-setup-active';

/** Events in a setup form or a tab list that mean the reader is about to use it. */
export const REACHING_EVENTS = ['focusin', 'pointerover', 'touchstart'] as const;

/** The forms whose fields are the page's setup: the setup form, the connection builder and the inline fields. */
export const SETUP_FORMS = 'form[data-setup-form], form[data-connection-builder], form[data-inline-fields]';

/** A tab of a tab group (src/user-components/TabGroup.astro). */
export const TAB = '[data-tabs] > .tabs__list > [role="tab"]';

/** A file snippet's Download button. */
export const DOWNLOAD_BUTTON = '.code-block__download';

/** The keys that move between the tabs of a tab list. */
export const TAB_KEYS = ['ArrowRight', 'ArrowLeft', 'Home', 'End'] as const;

/** The migration tool of a guide (src/guide/MigrationTool.astro); its code loads when reached for. */
export const MIGRATION_TOOL = '[data-migration]';

/** Where a guide's SetupConfig is served (src/pages/setup-config/[provider].json.ts): here, with the page's first code, so that any later code can use it. */
export const setupConfigUrl = (provider: string): string => `/setup-config/${provider}.json`;

/** The id prefix of each form's fields: `#sf-roleArn` in the setup form, `#cb-uri` in the connection builder. */
export const FIELD_ID_PREFIX = { setup: 'sf', builder: 'cb' } as const;

/** The id of a field's input in a form (FIELD_ID_PREFIX). */
export const fieldInputId = (form: keyof typeof FIELD_ID_PREFIX, field: string): string => `${FIELD_ID_PREFIX[form]}-${field}`;
