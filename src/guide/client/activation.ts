/**
 * When a guide's form islands hydrate. Until the reader reaches for the setup form, or the
 * page starts with something the server-rendered form does not show (a choice or value
 * from a link or from memory), the form is plain HTML: typing in it already updates the
 * page (setup.ts `followForms`), so Preact and the islands are not downloaded at load.
 *
 * boot.ts sets `<html data-setup-active>` once the islands are needed; the `client:setup`
 * directive (setup-directive.ts) hydrates every island that uses it at that moment.
 */
export const ACTIVE_ATTRIBUTE = 'data-setup-active';

/** Events in a setup form that mean the reader is about to use it. */
export const REACHING_EVENTS = ['focusin', 'pointerover', 'touchstart'] as const;
