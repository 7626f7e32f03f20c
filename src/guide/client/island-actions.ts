/**
 * Button presses in a form island before it has hydrated (start.ts keeps them, islands.ts
 * does them once the islands are live): a click on one of its buttons, or Enter in one of its
 * inputs. The islands' own inputs keep what was typed through hydration (they are not
 * controlled), so the action then reads the same text the reader saw.
 */
export type IslandAction = { kind: 'click'; target: HTMLElement } | { kind: 'enter'; target: HTMLElement };

/** The attribute of an island's host element; its value names the island (islands.ts). */
export const ISLAND_ATTRIBUTE = 'data-island';
export const ISLAND_HOST = `[${ISLAND_ATTRIBUTE}]`;

/** What is waiting for the islands. */
export const pendingIslandActions: IslandAction[] = [];

/** Marks an island's host once islands.ts has hydrated it. */
export const HYDRATED_ATTRIBUTE = 'data-hydrated';

/** True once the island around `el` is hydrated (islands hydrate one by one: islands.ts). */
export const islandHydrated = (el: Element): boolean => el.closest(ISLAND_HOST)?.hasAttribute(HYDRATED_ATTRIBUTE) ?? false;

/** Does the kept actions of one island, in order (islands.ts calls it right after hydrating it). */
export function replayIslandActions(host: Element): void {
  const mine = pendingIslandActions.filter((a) => host.contains(a.target));
  pendingIslandActions.splice(0, pendingIslandActions.length, ...pendingIslandActions.filter((a) => !mine.includes(a)));
  for (const action of mine) {
    if (!action.target.isConnected) continue;
    if (action.kind === 'click') action.target.click();
    else action.target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  }
}
