import { expect, test, type Page } from '@playwright/test';
import { DESKTOP } from './site-helpers';
import { choose, fillFields, visibleSnippetTexts, waitLive, waitSettled } from './guide-helpers';

const SECRET = 'Pr1nt-S3cret-$(id)-"q"';
const PASSWORD = 'pw-on-paper-NEVER';

/**
 * Every element the reader would see on paper that is one of the interface's controls. A
 * disclosure's summary is its title (checked below: it prints as a plain line).
 */
const visibleControls = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('header, nav, input, select, textarea, button, summary:not(.disclosure > summary), [data-island], dialog'))
      .filter((el) => (el as HTMLElement).checkVisibility())
      .map((el) => el.tagName.toLowerCase() + (el.className ? `.${String(el.className).split(' ')[0]}` : '')),
  );

test.describe('print', () => {
  test.use({ viewport: DESKTOP });

  test('prints the text and the chosen platform only: no controls, no secret, every code line inside the page', async ({ page }) => {
    await page.goto('/azure-key-vault/');
    await choose(page, 'software');
    await fillFields(page, { clientSecret: SECRET, connPassword: PASSWORD, tenantId: '00000000-0000-0000-0000-000000000001' });
    await waitLive(page);
    // On screen, sections far from view are skipped (not rendered): read the snippets' code.
    const snippets = async () => (await visibleSnippetTexts(page)).join('\n');
    await expect.poll(snippets).toContain('00000000-0000-0000-0000-000000000001');
    // On paper every section is rendered: the page's text is what prints.
    const body = () => page.locator('body').innerText();
    // On screen the snippets carry what was typed (as quoted for their language).
    await expect(page.locator('[data-live-snippet] [data-slot="clientSecret"]').filter({ visible: true }).first()).toContainText('Pr1nt-S3cret');

    await page.emulateMedia({ media: 'print' });
    await waitSettled(page);
    await expect.poll(body).not.toContain('Pr1nt-S3cret');
    expect(await snippets()).not.toContain('Pr1nt-S3cret');
    expect(await body()).not.toContain(PASSWORD);
    expect(await body()).not.toContain('pw-on-paper');
    // The secret's place shows its placeholder; the other values stay.
    expect(await body()).toContain('<your-client-secret>');
    expect(await body()).toContain('00000000-0000-0000-0000-000000000001');
    expect(await visibleControls(page)).toEqual([]);
    // Closed disclosures (the changes since older versions) print open, their summary as a plain line.
    const disclosures = page.locator('details.disclosure');
    expect(await disclosures.count()).toBeGreaterThan(3);
    for (const d of await disclosures.all()) {
      expect(await d.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
      await expect(d.locator('.disclosure__body')).toBeVisible();
      expect(await d.locator('summary').evaluate((el) => getComputedStyle(el).display)).toBe('block');
    }
    // Only the chosen platform's panels, each titled with its tab's name.
    const panels = await page.locator('[role="tabpanel"]').evaluateAll((els) =>
      els.filter((el) => (el as HTMLElement).checkVisibility()).map((el) => (el as HTMLElement).dataset.tabValue),
    );
    expect(panels.length).toBeGreaterThan(0);
    expect(panels.every((v) => !['astro', 'remote-execution'].includes(v as string))).toBe(true);
    await expect(page.locator('[role="tabpanel"][data-tab-value="software"] > .tabs__panel-heading').first()).toBeVisible();
    // No code line is cut: every code block fits its box, and every box the page.
    const overflowing = await page.locator('pre').evaluateAll((pres) =>
      pres
        .filter((p) => (p as HTMLElement).checkVisibility())
        .filter((p) => p.scrollWidth > p.clientWidth + 1 || p.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((p) => p.textContent?.slice(0, 60)),
    );
    expect(overflowing).toEqual([]);
    // A link's address follows its text.
    const external = page.locator('.prose a[href^="http"]').first();
    const after = await external.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain(await external.getAttribute('href'));

    // Back on screen, the snippets show what was typed again.
    await page.emulateMedia({ media: 'screen' });
    await waitSettled(page);
    await expect(page.locator('[data-live-snippet] [data-slot="clientSecret"]').filter({ visible: true }).first()).toContainText('Pr1nt-S3cret');
  });

  test('a real print (to PDF) also leaves the secret out and restores it afterwards', async ({ page }) => {
    await page.goto('/hashicorp-vault/');
    await fillFields(page, { secretId: SECRET });
    await waitLive(page);
    const slot = page.locator('[data-live-snippet] [data-slot="secretId"]').filter({ visible: true }).first();
    await expect(slot).toContainText('Pr1nt-S3cret');
    const seen: string[] = [];
    await page.exposeFunction('recordPrinted', (text: string) => seen.push(text));
    await page.evaluate(() =>
      addEventListener('beforeprint', () =>
        // After the page's own beforeprint handler (registered earlier) has run.
        queueMicrotask(() =>
          (window as unknown as { recordPrinted(t: string): void }).recordPrinted(
            Array.from(document.querySelectorAll('[data-live-snippet]'), (el) => el.textContent).join('\n'),
          ),
        ),
      ),
    );
    await page.pdf();
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    expect(seen.join('\n')).not.toContain('Pr1nt-S3cret');
    expect(seen.join('\n')).toContain('<your-approle-secret-id>');
    await expect(slot).toContainText('Pr1nt-S3cret');
  });
});
