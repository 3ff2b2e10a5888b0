/**
 * Measures the build's reading of a large workbook export: writes a data folder (the tiny test
 * programme) whose one export is an .xlsx of N completion rows (default 200 000: real dates,
 * numbers and text, as Excel saves them) with write-excel-file, then, in a fresh process (honest
 * peak memory), loads it as the build does (fsDataSource → loadData) and prints the time, the peak
 * memory and the total beside the total computed here. The goal: 200 000 rows within 15 s and 1 GB.
 *
 *   npm run bench:workbook                      # 200 000 rows
 *   npm run bench:workbook -- --rows 1000000    # up to Excel's own limit (1 048 576 rows a sheet)
 *   npm run bench:workbook -- --keep            # keep the generated folder (its path is printed)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { centiToString } from '../src/lib/credits.ts';
import { loadData } from '../src/lib/pipeline.ts';
import { fsDataSource } from './io/fs-data-source.ts';

const COLUMNS = ['completion_id', 'completed_on', 'course_code', 'course_name', 'field_code', 'credits', 'learner_id'];
const CREDITS = [5, 5, 2.5, 1, 3, 10, 4, 15, 2, 0.5];

async function generate(dir: string, rows: number): Promise<number> {
  cpSync('tests/fixtures/tiny/programme.json', join(dir, 'programme.json'));
  mkdirSync(join(dir, 'snapshots', '2023-06-30'), { recursive: true });
  const data: unknown[][] = [COLUMNS];
  let centi = 0;
  for (let i = 0; i < rows; i++) {
    const credits = CREDITS[i % CREDITS.length];
    centi += Math.round(credits * 100);
    const day = new Date(Date.UTC(2023, 0, 1 + (i % 180)));
    data.push([`A${String(i).padStart(7, '0')}`, { value: day, format: 'd.m.yyyy' }, `C${i % 40}`, `Kurssi ${i % 40}`, 1 + (i % 2), credits, `L${i % 5000}`]);
  }
  const bytes = await writeExcelFile([{ sheet: 'Suoritukset', data }] as Parameters<typeof writeExcelFile>[0]).toBuffer();
  writeFileSync(join(dir, 'snapshots', '2023-06-30', 'alpha.xlsx'), bytes);
  return centi;
}

function measure(dir: string): void {
  const start = performance.now();
  const { aggregates } = loadData(fsDataSource(dir));
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - start, credits: aggregates.totalCredits, completions: aggregates.completions, maxRssKb: process.resourceUsage().maxRSS, cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000 })}\n`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') return measure(args[1]);
  const rowsArg = args.indexOf('--rows');
  const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 200_000;
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-bench-workbook-'));
  const centi = await generate(dir, rows);
  if (args.includes('--keep')) console.log(`data folder: ${dir}`);
  const size = statSync(join(dir, 'snapshots', '2023-06-30', 'alpha.xlsx')).size;
  const run = spawnSync(process.execPath, [import.meta.filename, '--measure', dir], { encoding: 'utf8' });
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    process.exit(1);
  }
  const m = JSON.parse(run.stdout) as { ms: number; credits: number; completions: number; maxRssKb: number; cpuMs: number };
  console.log(`workbook: ${rows} rows, ${(size / 1e6).toFixed(1)} MB (.xlsx)`);
  console.log(`read as the build reads it: ${(m.ms / 1000).toFixed(2)} s wall, ${(m.cpuMs / 1000).toFixed(2)} s CPU (whole process), ${Math.round(m.maxRssKb / 1024)} MB peak (goal for 200 000 rows: ≤ 15 s, ≤ 1 GB)`);
  console.log(`totals: ${m.completions} completions, ${m.credits} credits (written: ${rows}, ${centiToString(centi)})`);
}

await main();
