import { expect, test, type Locator, type Page } from '@playwright/test';
import { GUIDE_ROUTES, expectNoProblems, findPageWithGroups, layoutShiftTotal, watchPage } from './site-helpers';

const groups = (page: Page, name = 'platform') => page.locator(`[data-tabs="${name}"]`);
/** Tabs of the group itself, not of groups nested in its panels. */
const ownTabs = (group: Locator) => group.locator(':scope > .tabs__list > [role="tab"]');
const tab = (group: Locator, label: string) =>
  group.locator(':scope > .tabs__list').getByRole('tab', { name: label, exact: true });

/** Asserts the group shows exactly the panel of `label` and marks only that tab. */
async function expectSelected(group: Locator, label: string): Promise<void> {
  const tabs = ownTabs(group);
  const n = await tabs.count();
  for (let i = 0; i < n; i += 1) {
    const t = tabs.nth(i);
    const on = ((await t.textContent()) ?? '').trim() === label;
    await expect(t).toHaveAttribute('aria-selected', String(on));
    await expect(t).toHaveAttribute('tabindex', on ? '0' : '-1');
    const panel = group.locator(`[id="${await t.getAttribute('aria-controls')}"]`);
    if (on) await expect(panel).toBeVisible();
    else await expect(panel).toBeHidden();
  }
}

let multi = '';
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  multi = await findPageWithGroups(page, 'platform', 2);
  await page.close();
});

test('tabs follow the WAI-ARIA pattern with unique ids', async ({ page }) => {
  for (const r of GUIDE_ROUTES) {
    await page.goto(r.path);
    const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(ids).size, `duplicate ids on ${r.path}`).toBe(ids.length);
    const lists = page.getByRole('tablist');
    for (let i = 0; i < (await lists.count()); i += 1) {
      const list = lists.nth(i);
      expect((await list.getAttribute('aria-label'))?.length).toBeGreaterThan(0);
      const tabs = list.getByRole('tab');
      await expect(list.locator('[role="tab"][aria-selected="true"]')).toHaveCount(1);
      for (let j = 0; j < (await tabs.count()); j += 1) {
        const t = tabs.nth(j);
        const panel = page.locator(`[id="${await t.getAttribute('aria-controls')}"]`);
        await expect(panel).toHaveAttribute('role', 'tabpanel');
        await expect(panel).toHaveAttribute('aria-labelledby', (await t.getAttribute('id')) as string);
      }
    }
  }
});

test('clicking a tab switches every platform group on the page, the URL and storage', async ({ page, baseURL }) => {
  const problems = await watchPage(page, baseURL as string);
  await page.goto(multi);
  const all = groups(page);
  const first = all.first();
  await expectSelected(first, 'Astro');
  await tab(first, 'Astronomer Software').click();
  for (let i = 0; i < (await all.count()); i += 1) {
    const g = all.nth(i);
    if ((await tab(g, 'Astronomer Software').count()) > 0) await expectSelected(g, 'Astronomer Software');
  }
  expect(new URL(page.url()).searchParams.get('platform')).toBe('software');
  expect(await page.evaluate(() => localStorage.getItem('guides:tab:platform'))).toBe('software');

  // A group that does not offer the choice keeps what it shows.
  await tab(first, 'Remote Execution').click();
  for (let i = 0; i < (await all.count()); i += 1) {
    const g = all.nth(i);
    const offers = (await tab(g, 'Remote Execution').count()) > 0;
    if (offers) await expectSelected(g, 'Remote Execution');
    else await expect(g.locator('[role="tab"][aria-selected="true"]')).toHaveCount(1);
  }
  expectNoProblems(problems);
});

test('keyboard: arrows, Home and End move focus and selection (roving tabindex)', async ({ page }) => {
  await page.goto(multi);
  const group = groups(page).first();
  const labels = (await ownTabs(group).allTextContents()).map((t) => t.trim());
  expect(labels.length).toBeGreaterThanOrEqual(2);
  const last = labels[labels.length - 1] as string;

  // Tab into the tab list lands on the selected tab.
  await tab(group, labels[0] as string).focus();
  await expect(tab(group, labels[0] as string)).toBeFocused();

  await page.keyboard.press('ArrowRight');
  await expect(tab(group, labels[1] as string)).toBeFocused();
  await expectSelected(group, labels[1] as string);

  await page.keyboard.press('End');
  await expect(tab(group, last)).toBeFocused();
  await expectSelected(group, last);

  await page.keyboard.press('ArrowRight'); // wraps around
  await expect(tab(group, labels[0] as string)).toBeFocused();
  await expectSelected(group, labels[0] as string);

  await page.keyboard.press('ArrowLeft'); // wraps backwards
  await expect(tab(group, last)).toBeFocused();
  await expectSelected(group, last);

  await page.keyboard.press('Home');
  await expect(tab(group, labels[0] as string)).toBeFocused();
  await expectSelected(group, labels[0] as string);

  // Tab leaves the tab list for the panel (only one tab is in the tab order).
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).not.toHaveAttribute('role', 'tab');
});

test('the selection is restored from ?platform= and keeps other parameters and the hash', async ({ page, baseURL }) => {
  const problems = await watchPage(page, baseURL as string);
  await page.goto(`${multi}?region=eu-west-1&platform=software&note=a%20b#check-the-setup`);
  const all = groups(page);
  for (let i = 0; i < (await all.count()); i += 1) {
    const g = all.nth(i);
    if ((await tab(g, 'Astronomer Software').count()) > 0) await expectSelected(g, 'Astronomer Software');
  }
  await tab(all.first(), 'Remote Execution').click();
  await expectSelected(all.first(), 'Remote Execution');
  const url = new URL(page.url());
  expect(url.search).toBe('?region=eu-west-1&platform=remote-execution&note=a%20b');
  expect(url.hash).toBe('#check-the-setup');
  expectNoProblems(problems);
});

test('invalid or hostile ?platform= values are ignored', async ({ page, baseURL }) => {
  const problems = await watchPage(page, baseURL as string);
  for (const bad of ['bogus', '%3Cscript%3E', '%22%5D%7Bdisplay:none%7D', '%E0%A4%A', '']) {
    await page.goto(`${multi}?platform=${bad}`);
    await expectSelected(groups(page).first(), 'Astro');
  }
  await page.goto(`${multi}?platform=software&platform=astro`);
  await expectSelected(groups(page).first(), 'Astronomer Software');
  expectNoProblems(problems);
});

test('the choice is remembered across pages and the URL wins over it', async ({ page }) => {
  await page.goto(multi);
  await tab(groups(page).first(), 'Remote Execution').click();
  await expectSelected(groups(page).first(), 'Remote Execution');
  const other = GUIDE_ROUTES.find((r) => r.path !== multi)?.path as string;
  await page.goto(other);
  await expectSelected(groups(page).first(), 'Remote Execution');
  await page.goto(`${other}?platform=astro`);
  await expectSelected(groups(page).first(), 'Astro');
});

test('the chosen panel is shown before any module script runs, without layout shift', async ({ page }) => {
  await page.goto(multi);
  await page.evaluate(() => localStorage.setItem('guides:tab:platform', 'remote-execution'));
  // Block the bundled scripts: only the inline head script may act.
  await page.route('**/_astro/*.js', (route) => route.abort());
  await page.goto(`${multi}?platform=software`);
  const first = groups(page).first();
  await expect(first.locator('[data-tab-value="software"][role="tabpanel"]')).toBeVisible();
  await expect(first.locator('[data-tab-value="astro"][role="tabpanel"]')).toBeHidden();
  const line = await tab(first, 'Astronomer Software').evaluate((el) => getComputedStyle(el).getPropertyValue('--tab-line'));
  expect(line.trim()).not.toBe('');
  expect(await page.locator('html').getAttribute('data-tab-platform')).toBe('software');
  // A group without Software shows its first tab, as the tabs script will.
  const groupsCount = await groups(page).count();
  for (let i = 0; i < groupsCount; i += 1) {
    const g = groups(page).nth(i);
    if ((await g.locator('[role="tab"][data-tab-value="software"]').count()) === 0) {
      const visible = g.locator('[role="tabpanel"]:visible');
      await expect(visible).toHaveCount(1);
      await expect(visible).toHaveAttribute('data-tab-value', (await g.locator('[role="tab"]').first().getAttribute('data-tab-value')) as string);
    }
  }
  await page.unroute('**/_astro/*.js');

  await page.goto(`${multi}?platform=software`);
  expect(await layoutShiftTotal(page, 500)).toBe(0);
});

test('the tabs and the setup form show one choice: either one switches the other', async ({ page }) => {
  const guide = GUIDE_ROUTES[0]?.path as string;
  await page.goto(guide);
  const radio = (value: string) => page.locator(`form[data-setup-form] input[name="platform"][value="${value}"]`);
  await radio('software').check();
  await expectSelected(groups(page).first(), 'Astronomer Software');
  expect(new URL(page.url()).searchParams.get('platform')).toBe('software');
  await tab(groups(page).first(), 'Remote Execution').click();
  await expect(radio('remote-execution')).toBeChecked();
  await expect(radio('software')).not.toBeChecked();
  expect(await page.evaluate(() => localStorage.getItem('guides:tab:platform'))).toBe('remote-execution');
});

test('a link to an element inside a hidden panel opens that panel', async ({ page }) => {
  await page.goto(multi);
  const panelId = await groups(page).first().locator('[role="tabpanel"][data-tab-value="software"]').getAttribute('id');
  await page.goto(`${multi}#${panelId}`);
  await expectSelected(groups(page).first(), 'Astronomer Software');
});

test('choice tabs of another group switch independently of the platform', async ({ page }) => {
  let path = '';
  for (const r of GUIDE_ROUTES) {
    await page.goto(r.path);
    if ((await page.locator('[data-tabs]:not([data-tabs="platform"])').count()) > 0) {
      path = r.path;
      break;
    }
  }
  test.skip(!path, 'no guide uses ChoiceTabs yet');
  const group = page.locator('[data-tabs]:not([data-tabs="platform"])').filter({ visible: true }).first();
  const name = (await group.getAttribute('data-tabs')) as string;
  const labels = (await ownTabs(group).allTextContents()).map((t) => t.trim());
  const before = await groups(page).first().locator('[aria-selected="true"]').textContent();
  await tab(group, labels[1] as string).click();
  await expectSelected(group, labels[1] as string);
  const value = await tab(group, labels[1] as string).getAttribute('data-tab-value');
  expect(new URL(page.url()).searchParams.get(name)).toBe(value);
  expect(await groups(page).first().locator('[aria-selected="true"]').textContent()).toBe(before);
  await page.reload();
  await expectSelected(page.locator(`[data-tabs="${name}"]`).filter({ visible: true }).first(), labels[1] as string);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every panel is shown one after another under its own heading', async ({ page }) => {
    await page.goto(`${multi}?platform=software`);
    await expect(page.getByRole('tablist').first()).toBeHidden();
    const all = groups(page);
    for (let i = 0; i < (await all.count()); i += 1) {
      const panels = all.nth(i).locator(':scope > .tabs__panels > .tabs__panel');
      const n = await panels.count();
      expect(n).toBeGreaterThan(1);
      let previousBottom = -1;
      for (let j = 0; j < n; j += 1) {
        const panel = panels.nth(j);
        await expect(panel).toBeVisible();
        const heading = panel.locator(':scope > .tabs__panel-heading');
        await expect(heading).toBeVisible();
        expect(await heading.evaluate((el) => /^H[2-6]$/.test(el.tagName))).toBe(true);
        expect(['Astro', 'Remote Execution', 'Astronomer Software']).toContain((await heading.innerText()).trim());
        const box = await panel.boundingBox();
        expect(box?.y ?? 0).toBeGreaterThan(previousBottom);
        previousBottom = (box?.y ?? 0) + (box?.height ?? 0) - 1;
      }
    }
  });

  test('the page stays usable: menu, table of contents, code without copy buttons', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.locator('summary', { hasText: 'Menu' }).click();
    await expect(page.getByRole('navigation', { name: 'Guides' })).toBeVisible();
    await expect(page.locator('.code-block pre').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy' }).first()).toBeHidden();
    await expect(page.getByRole('button', { name: 'Dark theme' })).toBeHidden();
  });
});

test('a click and arrow keys on tabs before the page code has loaded are done when it arrives', async ({ page }) => {
  await page.goto(multi);
  await page.waitForLoadState('networkidle');
  // The page code (the setup and the tab view) loads at the first interaction: hold it back.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route('**/_astro/*.js', async (route) => {
    held += 1;
    await gate;
    await route.continue();
  });
  const group = groups(page).first();
  const labels = (await ownTabs(group).allTextContents()).map((t) => t.trim());
  expect(labels.length).toBeGreaterThanOrEqual(3);
  await tab(group, labels[1] as string).click();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => held).toBeGreaterThan(0);
  // Nothing is chosen yet, and the arrow key did not scroll the page.
  await expectSelected(group, labels[0] as string);
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
  release();
  await expectSelected(group, labels[2] as string);
  await expect(tab(group, labels[2] as string)).toBeFocused();
  await expectSelected(groups(page).nth(1), labels[2] as string);
  await expect(page).toHaveURL(/[?&]platform=/);
});

test('Remote Execution runs Airflow 3 only: its Airflow 2 tabs are hidden and the Airflow 3 panels show, and Astro gets the choice back', async ({ page }) => {
  const path = GUIDE_ROUTES[0]?.path as string;
  await page.goto(path);
  const versions = page.locator('[data-tabs="airflowVersion"]').first();
  await versions.scrollIntoViewIfNeeded();
  await tab(versions, 'Airflow 2').click();
  await expectSelected(versions, 'Airflow 2');
  await tab(groups(page).first(), 'Remote Execution').click();
  await expectSelected(versions, 'Airflow 3');
  await expect(tab(versions, 'Airflow 2')).toBeHidden();
  await tab(groups(page).first(), 'Astro').click();
  await expectSelected(versions, 'Airflow 2');
  await expect(tab(versions, 'Airflow 2')).toBeVisible();
  // On Remote Execution the arrow keys skip the hidden tab.
  await tab(groups(page).first(), 'Remote Execution').click();
  await tab(versions, 'Airflow 3').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab(versions, 'Airflow 3')).toBeFocused();
  await expectSelected(versions, 'Airflow 3');
  // The same before any script runs, for a link that asks for both.
  await page.route('**/_astro/*.js', (route) => route.abort());
  await page.goto(`${path}?platform=remote-execution&airflowVersion=2`);
  const panels = page.locator('[data-tabs="airflowVersion"]').first().locator(':scope > .tabs__panels > [role="tabpanel"]');
  await expect(panels.and(page.locator('[data-tab-value="3"]'))).toBeVisible();
  await expect(panels.and(page.locator('[data-tab-value="2"]'))).toBeHidden();
  await expect(tab(page.locator('[data-tabs="airflowVersion"]').first(), 'Airflow 2')).toBeHidden();
});
