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

/** True once islands.ts has hydrated the page's islands. */
export const islandsHydrated = (): boolean => document.documentElement.dataset.islands === 'hydrated';

/** Does the kept actions, in order (islands.ts calls it right after hydrating). */
export function replayIslandActions(): void {
  for (const action of pendingIslandActions.splice(0)) {
    if (!action.target.isConnected) continue;
    if (action.kind === 'click') action.target.click();
    else action.target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  }
}
