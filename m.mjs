import { chromium } from '/work/main/node_modules/playwright-core/index.mjs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
for (const g of process.argv.slice(2)) {
await p.goto(`http://127.0.0.1:4399/${g}/`);
await p.waitForLoadState('networkidle');
const r = await p.evaluate(() => {
  const out = [];
  for (const sec of document.querySelectorAll('.prose > section')) {
    const cur = { h: (sec.querySelector('h2')?.textContent ?? '').trim().slice(0, 20), total: Math.round(sec.getBoundingClientRect().height), prose: 0, code: 0, callout: 0, other: 0, items: [] };
    out.push(cur);
    const walk = (el) => {
      for (const c of el.children) {
        if (!c.checkVisibility()) continue;
        const h = c.getBoundingClientRect().height;
        const cls = String(c.className || '');
        if (/^(P|UL|OL|H3)$/.test(c.tagName) || cls.startsWith('heading')) { cur.prose += h; if (h > 70) cur.items.push([c.tagName, Math.round(h), c.textContent.slice(0, 60)]); }
        else if (/callout/i.test(cls) || c.tagName === 'ASIDE') { cur.callout += h; cur.items.push(['CALLOUT', Math.round(h), c.textContent.trim().slice(0, 50)]); }
        else if (c.querySelector('pre') && c.querySelectorAll('pre').length === 1 && !c.querySelector('p')) { cur.code += h; cur.items.push(['CODE', Math.round(h), c.dataset.liveSnippet || c.querySelector('[data-live-snippet]')?.dataset.liveSnippet || c.tagName]); }
        else if (c.children.length && h > 150) walk(c);
        else { cur.other += h; if (h > 70) cur.items.push([c.tagName + '.' + cls.slice(0, 25), Math.round(h), c.textContent.slice(0, 40)]); }
      }
    };
    walk(sec);
  }
  return out;
});
console.log('=====', g);
for (const s of r) { console.log(s.h, 'total', s.total, 'prose', Math.round(s.prose), 'code', Math.round(s.code), 'callout', Math.round(s.callout), 'other', Math.round(s.other)); for (const i of s.items) console.log('   ', JSON.stringify(i)); }
}
await b.close();
