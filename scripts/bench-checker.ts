/**
 * Measures the checker page (/en/check/) in headless Chromium on the built dist/: a generated
 * completions export of 100 000 rows checked through the page (from the file input's change to the
 * results on screen: reading, decoding, every rule, the comparison and the drawing), beside
 * papaparse alone reading and parsing the same file in the same browser (no checks); and a
 * workbook of 20 000 rows through the page. Five runs each: best and median, and the ratio of medians.
 *
 *   npm run build && npm run bench:checker
 *   npm run bench:checker -- --rows 200000 --workbook-rows 50000
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import writeExcelFile from 'write-excel-file/node';
import { dayNumber, isoOfDayNumber } from '../src/lib/dates.ts';
import { launch } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { mulberry32 } from '../tools/demo/random.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, 'workbook-rows': { type: 'string', default: '20000' } } });
const ROWS = Number(values.rows);
const BOOK_ROWS = Number(values['workbook-rows']);
const RUNS = 5;
const SNAPSHOT = '2023-12-31';
const FIRST = dayNumber('2022-01-01');
const HEADER = ['completion_id', 'completed_on', 'course_code', 'course_name', 'field_code', 'credits', 'learner_id'];

/** Returns `n` completions of hamk as rows of cells, ids in order, drawn from a fixed seed. */
function completions(n: number): (string | number)[][] {
  const rnd = mulberry32(21);
  const span = dayNumber(SNAPSHOT) - FIRST + 1;
  return Array.from({ length: n }, (_, i) => [
    `HAMK-${String(i + 1).padStart(7, '0')}`,
    isoOfDayNumber(FIRST + Math.floor(rnd() * span)),
    `HAMK-${100 + Math.floor(rnd() * 50)}`,
    'Tekoälyn perusteet',
    1 + Math.floor(rnd() * 12),
    [5, 5, 2.5, 1, 3, 10][Math.floor(rnd() * 6)],
    `L-${Math.floor(rnd() * n / 3)}`,
  ]);
}

const work = mkdtempSync(join(tmpdir(), 'bench-checker-'));
const csv = join(work, 'hamk.csv');
writeFileSync(csv, `${[HEADER, ...completions(ROWS)].map((r) => r.join(',')).join('\n')}\n`);
const xlsx = join(work, 'hamk.xlsx');
const bookRows = completions(BOOK_ROWS);
writeFileSync(xlsx, new Uint8Array(await writeExcelFile([{ sheet: 'Suoritukset', data: [HEADER, ...bookRows] }] as Parameters<typeof writeExcelFile>[0]).toBuffer()));

const { url, server } = await serveStatic('dist');
const context = await launch({ width: 1280, height: 900 });

/** Returns the milliseconds from the file input's change to the results' heading, and their verdict. */
async function throughPage(page: Page, file: string): Promise<{ ms: number; verdict: string }> {
  await page.goto(`${url}/en/check/`, { waitUntil: 'networkidle' });
  await page.selectOption('#check-partner', 'hamk');
  await page.fill('#check-date', SNAPSHOT);
  // The file is dropped (the page's own drop handler), once: the clock starts as it is dropped and
  // stops when the results' first file heading is on the page. (setInputFiles may fire `change`
  // twice, which would time two overlapping checks.)
  const ms = await page.evaluate(
    async ({ b64, name }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name));
      const results = document.getElementById('check-results')!;
      const done = new Promise<number>((resolve) => {
        new MutationObserver(() => {
          if (results.querySelector('h3')) resolve(performance.now());
        }).observe(results, { childList: true, subtree: true });
      });
      const t0 = performance.now();
      document.getElementById('check-drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      return (await done) - t0;
    },
    { b64: readFileSync(file).toString('base64'), name: file.split('/').pop()! },
  );
  const problem = await page.locator('.check-problems li').first().innerText({ timeout: 100 }).catch(() => '');
  return { ms, verdict: `${await page.locator('#check-results h3').innerText()}${problem ? ` (${problem.slice(0, 160)})` : ''}` };
}

/** Returns the milliseconds papaparse alone takes to read, decode and parse the file in the page, and its rows. */
async function papaparseAlone(page: Page, file: string): Promise<{ ms: number; rows: number }> {
  await page.setContent('<input type="file" id="f">');
  await page.addScriptTag({ content: readFileSync('node_modules/papaparse/papaparse.min.js', 'utf8') });
  await page.setInputFiles('#f', file);
  return page.evaluate(async () => {
    const input = document.getElementById('f') as HTMLInputElement;
    const t0 = performance.now();
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await input.files![0].arrayBuffer());
    const parsed = (window as unknown as { Papa: { parse(t: string): { data: unknown[] } } }).Papa.parse(text);
    return { ms: performance.now() - t0, rows: parsed.data.length };
  });
}

const best = (xs: number[]) => Math.min(...xs);
// On a shared machine one lucky run can halve a figure: the median is printed beside the best.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const page = await context.newPage();
// papaparse runs in a page of its own, the same browser: the checker's page allows no inline script.
const blank = await context.newPage();
const pageCsv: number[] = [];
const papa: number[] = [];
const pageBook: number[] = [];
const verdicts = new Set<string>();
let parsedRows = 0;
for (let i = 0; i < RUNS; i++) {
  const c = await throughPage(page, csv);
  pageCsv.push(c.ms);
  verdicts.add(c.verdict);
  const p = await papaparseAlone(blank, csv);
  papa.push(p.ms);
  parsedRows = p.rows;
  const b = await throughPage(page, xlsx);
  pageBook.push(b.ms);
  verdicts.add(b.verdict);
}
await context.close();
server.close();
rmSync(work, { recursive: true, force: true });

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = median(pageCsv) / median(papa);
process.stdout.write(
  [
    `checker bench: ${ROWS.toLocaleString('en')} completions (CSV), ${BOOK_ROWS.toLocaleString('en')} (workbook), best of ${RUNS}; ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`,
    `  page, CSV:          best ${s(best(pageCsv))}, median ${s(median(pageCsv))}   (runs ${pageCsv.map(s).join(', ')})   goal < 2 s and ≤ 2× papaparse`,
    `  papaparse alone:    best ${s(best(papa))}, median ${s(median(papa))}   (runs ${papa.map(s).join(', ')}; ${parsedRows.toLocaleString('en')} rows parsed)   reference`,
    `  ratio of medians:   ${ratio.toFixed(2)}×`,
    `  page, workbook:     best ${s(best(pageBook))}, median ${s(median(pageBook))}   (runs ${pageBook.map(s).join(', ')})   goal < 3 s`,
    `  verdicts:           ${[...verdicts].join(' | ')}`,
  ].join('\n') + '\n',
);
