// Takes screenshots of built pages for a human to look at:
//   node scripts/screenshot.ts /fi/ 360 dark nojs  → /tmp/shots/fi-360-dark-nojs.png
import { mkdirSync } from 'node:fs';
import { launch } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const [path = '/fi/', width = '1280', scheme = 'light', js = 'js', scrollY] = process.argv.slice(2);
const { url, server } = await serveStatic('dist');
const context = await launch({ width: Number(width), height: 900, colorScheme: scheme === 'dark' ? 'dark' : 'light', javaScriptEnabled: js !== 'nojs', reducedMotion: 'reduce' });
const page = await context.newPage();
page.on('console', (m) => console.log(`console ${m.type()}: ${m.text()}`));
await page.goto(url + path, { waitUntil: 'networkidle' });
// Scroll through so lazy charts draw, then back to the top (page scripts cannot run without JS).
if (js !== 'nojs') await page.evaluate(async () => {
  for (let y = 0; y < document.body.scrollHeight; y += 400) {
    window.scrollTo(0, y);
    await new Promise((r) => setTimeout(r, 60));
  }
  window.scrollTo(0, 0);
});
await page.waitForTimeout(js !== 'nojs' ? 600 : 0);
mkdirSync('/tmp/shots', { recursive: true });
const file = `/tmp/shots/${path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'root'}-${width}-${scheme}-${js}.png`;
// With a scroll offset, shoot one viewport there (easier to read than a long page).
if (scrollY !== undefined) await page.mouse.wheel(0, Number(scrollY));
await page.waitForTimeout(scrollY !== undefined ? 300 : 0);
await page.screenshot({ path: scrollY !== undefined ? file.replace('.png', `-at${scrollY}.png`) : file, fullPage: scrollY === undefined });
console.log(scrollY !== undefined ? file.replace('.png', `-at${scrollY}.png`) : file);
await context.close();
server.close();
