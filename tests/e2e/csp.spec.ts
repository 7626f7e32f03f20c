import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { ROUTES, watchPage } from './site-helpers';

test('the Content-Security-Policy is enforced: injected inline code and foreign loads are refused', async ({ page, baseURL }) => {
  const problems = await watchPage(page, baseURL as string);
  await page.goto('/');
  const result = await page.evaluate(async () => {
    const w = window as unknown as { __injected?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    const div = document.createElement('div');
    div.innerHTML = '<img src="x" onerror="window.__injected = true">';
    document.body.append(div);
    const styled = document.createElement('p');
    styled.setAttribute('style', 'color: rgb(1, 2, 3)');
    document.body.append(styled);
    let fetched = true;
    try {
      await fetch('https://example.com/beacon');
    } catch {
      fetched = false;
    }
    await new Promise((r) => setTimeout(r, 200));
    return { injected: w.__injected === true, color: getComputedStyle(styled).color, fetched };
  });
  expect(result.injected).toBe(false);
  expect(result.color).not.toBe('rgb(1, 2, 3)');
  expect(result.fetched).toBe(false);
  await expect.poll(() => problems.cspViolations.join('\n')).toMatch(/script-src/);
  expect(problems.cspViolations.join('\n')).toMatch(/connect-src/);
  expect(problems.cspViolations.join('\n')).toMatch(/style-src/);
});

test('pages load nothing from other origins and report no CSP violations, also when interacting', async ({ page, baseURL }) => {
  const problems = await watchPage(page, baseURL as string);
  for (const r of ROUTES) {
    await page.goto(`${r.path}?platform=software&x=%3Cscript%3Ealert(1)%3C%2Fscript%3E#top`);
    const tabs = page.getByRole('tab');
    if ((await tabs.count()) > 1) await tabs.nth(1).click();
    await page.getByRole('button', { name: 'Dark theme' }).click();
  }
  expect(problems.cspViolations).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('each page’s policy allows the inline code of that page and no other', async ({ request }) => {
  for (const r of ROUTES) {
    const html = await (await request.get(r.path)).text();
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    const hashesOf = (directive: string) =>
      (policy.split(';').find((d) => d.trim().startsWith(`${directive} `)) ?? '').match(/'sha256-[^']+'/g) ?? [];
    const inline = (element: RegExp) =>
      [...html.matchAll(element)].map(([, text]) => `'sha256-${createHash('sha256').update(text ?? '').digest('base64')}'`);
    const scripts = inline(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g);
    const styles = inline(/<style\b[^>]*>([\s\S]*?)<\/style>/g);
    expect(scripts.length, r.path).toBeGreaterThan(0);
    expect(new Set(hashesOf('script-src')), r.path).toEqual(new Set(scripts));
    expect(new Set(hashesOf('style-src')), r.path).toEqual(new Set(styles));
  }
});
