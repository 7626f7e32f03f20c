import { chromium } from '/work/main/node_modules/playwright-core/index.mjs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
await p.goto(`http://127.0.0.1:4399/aws-secrets-manager/`);
await p.waitForLoadState('networkidle');
const el = p.locator('form[data-setup-form]');
await el.screenshot({ path: '/tmp/w/form1280.png' });
console.log(await p.evaluate(() => getComputedStyle(document.querySelector('.sf-fields')).gridTemplateColumns + ' | ' + document.querySelector('.prose').getBoundingClientRect().width));
await b.close();
