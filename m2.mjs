import { chromium } from '/work/main/node_modules/playwright-core/index.mjs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
await p.goto(`http://127.0.0.1:4399/aws-secrets-manager/`);
await p.waitForLoadState('networkidle');
console.log(await p.evaluate(() => { const h = document.querySelector('h2#step-2-write-a-test-variable-and-connection') || [...document.querySelectorAll('h2')][3]; let e = h; const chain = []; while (e && e !== document.body) { chain.push(e.tagName + '.' + e.className); e = e.parentElement; } return chain.join(' < ') + ' | siblings: ' + [...h.parentElement.children].slice(0, 12).map(c => c.tagName + '.' + c.className).join(', '); }));
await b.close();
