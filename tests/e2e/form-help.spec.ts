import { expect, test } from '@playwright/test';
import { DESKTOP, PHONE } from './site-helpers';
import { choose, form, openOptional } from './guide-helpers';
import { GUIDE_ROUTES } from './site-helpers';

test.describe('field help', () => {
  test('at most two lines under a field, at 1280 px and on a phone', async ({ page }) => {
    const tooTall: string[] = [];
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      for (const route of GUIDE_ROUTES) {
        for (const platform of ['astro', 'remote-execution', 'software']) {
          await page.goto(`${route.path}?platform=${platform}`);
          // The optional section's fields count too.
          await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('details.sf-more').forEach((d) => (d.open = true)));
          const tall = await page.locator('form[data-setup-form] .sf-help').evaluateAll((els) =>
            els
              .filter((el) => (el as HTMLElement).checkVisibility() && !el.closest('details.sf-help-more:not([open])'))
              .filter((el) => el.getBoundingClientRect().height > 2.1 * parseFloat(getComputedStyle(el).lineHeight))
              .map((el) => `${el.closest('.sf-field')?.querySelector('label, legend')?.textContent}: ${el.textContent}`),
          );
          tooTall.push(...tall.map((t) => `${viewport.width} px ${route.path} ${platform}: ${t}`));
        }
      }
    }
    expect(tooTall).toEqual([]);
  });

  test('at 1280 px every example in an empty field shows whole, in the form and next to the steps', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    const cut: string[] = [];
    for (const route of GUIDE_ROUTES) {
      await page.goto(route.path);
      const auth = JSON.parse((await page.locator('html').getAttribute('data-guide')) as string).auth as Record<string, string[]>;
      const combos = Object.entries(auth).flatMap(([platform, methods]) => methods.map((method) => ({ platform, method })));
      for (const { platform, method } of combos) {
        await page.goto(`${route.path}?platform=${platform}&authMethod=${method}`);
        await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('details.sf-more').forEach((d) => (d.open = true)));
        const found = await page.locator('form input[placeholder]:not([type="hidden"])').evaluateAll((inputs) => {
          const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
          return (inputs as HTMLInputElement[])
            .filter((input) => input.checkVisibility() && input.placeholder !== '')
            .filter((input) => {
              const style = getComputedStyle(input);
              context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
              const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
              return context.measureText(input.placeholder).width > room + 0.5;
            })
            .map((input) => `${input.labels?.[0]?.textContent?.trim()}: ${input.placeholder}`);
        });
        cut.push(...found.map((f) => `${route.path} ${platform} ${method}: ${f}`));
      }
    }
    expect(cut).toEqual([]);
  });

  test("a platform's help shows only while it is chosen; More opens the rest, by keyboard too", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto('/gcp-secret-manager/');
    const field = form(page).locator('.sf-field', { has: page.locator('label', { hasText: 'Service account email' }) });
    await expect(field.getByText('On Astro:')).toBeVisible();
    await expect(field.getByText('On Remote Execution:')).toBeHidden();
    await choose(page, 'remote-execution');
    await expect(field.getByText('On Remote Execution:')).toBeVisible();
    await expect(field.getByText('On Astro:')).toBeHidden();

    await page.goto('/hashicorp-vault/?platform=remote-execution&authMethod=kubernetes');
    // The Vault role has a default: it is in the optional section.
    await openOptional(page);
    const role = form(page).locator('.sf-field', { has: page.locator('label', { hasText: 'Vault Kubernetes role' }) });
    await expect(role.getByText(/audience/)).toBeHidden();
    const more = role.locator('summary', { hasText: 'More' });
    // Its name says what it opens (the field's name is for screen readers).
    await expect(more).toHaveText('More about Vault Kubernetes role');
    await expect(more.locator('.sr-only')).toHaveText(' about Vault Kubernetes role');
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(role.getByText(/audience/)).toBeVisible();
  });

  test('the HCP namespace the guide points at is in view in Your setup, not in the collapsed section', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto('/hashicorp-vault/');
    const sentence = page.locator('.prose p', { hasText: 'On HCP Vault everything lives in a namespace' });
    await expect(sentence).toContainText('Vault namespace');
    await expect(sentence.locator('a[href="#your-setup"]')).toBeVisible();
    await expect(form(page).locator('label', { hasText: 'Vault namespace' })).toBeVisible();
    const input = form(page).locator('input[name="namespace"]');
    await expect(input).toBeVisible();
    expect(await input.evaluate((el) => el.closest('details') === null)).toBe(true);
  });
});
