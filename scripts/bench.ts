/**
 * Measures the data pipeline on a large snapshot: generates one (default 1 000 000 completions
 * over the five partners, one snapshot date) in a temporary folder, then, each in a fresh process
 * (honest peak memory), runs on the same files
 * - the pipeline as the build runs it: read + every check + aggregate + open data;
 * - the reference: papaparse alone, streaming the files and grouping credits by field, no checks;
 * and prints both, and the ratio. The Astro site is not part of it.
 *
 *   npm run bench                       # 1 000 000 rows
 *   npm run bench -- --rows 5000000     # any size
 *   npm run bench -- --keep             # keep the generated folder (its path is printed)
 *   npm run bench -- --unordered        # completion ids out of order
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { openDataFiles } from '../src/lib/publish/open-data.ts';
import { parseProgramme, type Programme } from '../src/lib/contract/programme.ts';
import { build, loadData } from '../src/lib/pipeline.ts';
import { dayNumber, isoOfDayNumber as isoOfDay } from '../src/lib/dates.ts';
import { fsDataSource } from './io/fs-data-source.ts';
import { mulberry32 } from '../tools/demo/random.ts';

const SNAPSHOT = '2023-12-31';
const HEADER = 'completion_id,completed_on,course_code,course_name,field_code,credits,learner_id';
const COURSES = ['Tekoälyn perusteet', 'Johtaminen ja esihenkilötyö', 'Ruotsin kielen suullinen taito', 'Käyttäjäkokemuksen suunnittelu', 'Gerontologinen hoitotyö'];
const CREDITS = ['5', '5', '5', '2.5', '1', '3', '10', '4', '15', '2'];

/** Writes one partner export of `rows` completions, in 1 MB pieces so generating needs no memory either. */
function writeExport(path: string, prefix: string, rows: number, programme: Programme, rnd: () => number, unordered: boolean): void {
  const fd = openSync(path, 'w');
  const first = dayNumber(programme.period.start);
  const days = dayNumber(SNAPSHOT) - first + 1;
  const learners = Math.max(1, Math.floor(rows / 4));
  // Out of order: i × a prime that does not divide `rows`, modulo rows, visits every number once.
  const step = [7919, 7907, 7901].find((p) => rows % p !== 0)!;
  let out = `${HEADER}\n`;
  for (let i = 1; i <= rows; i++) {
    const day = isoOfDay(first + Math.floor(rnd() * days));
    // Every tenth date in Finnish form and every tenth course name quoted with a comma inside.
    const date = i % 10 === 0 ? `${Number(day.slice(8))}.${Number(day.slice(5, 7))}.${day.slice(0, 4)}` : day;
    const course = Math.floor(rnd() * COURSES.length);
    const name = i % 10 === 5 ? `"${COURSES[course]}, osa ${1 + (i % 3)}"` : COURSES[course];
    const field = 1 + Math.floor(rnd() * programme.fields.length);
    const learner = `L-${Math.floor(rnd() * learners).toString(16).padStart(6, '0')}`;
    const id = unordered ? ((i * step) % rows) + 1 : i;
    out += `${prefix}-${String(id).padStart(8, '0')},${date},${prefix}-C${course},${name},${programme.fields[field - 1].code},${CREDITS[i % CREDITS.length]},${learner}\n`;
    if (out.length > 1 << 20) {
      writeSync(fd, out);
      out = '';
    }
  }
  writeSync(fd, out);
  closeSync(fd);
}

/** Runs the pipeline on a data folder and prints its figures as JSON (in a fresh process: honest peak memory). */
function measure(dir: string): void {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const loaded = loadData(fsDataSource(dir));
  const readMs = performance.now() - start;
  const { data, summary } = build(loaded);
  const files = openDataFiles(summary, data);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const figures = {
    ms,
    readMs,
    cpuMs: (used.user + used.system) / 1000,
    rows: loaded.aggregates.completions,
    credits: loaded.aggregates.totalCredits,
    learners: loaded.aggregates.learners,
    openDataBytes: Object.values(files).reduce((n, f) => n + f.length, 0),
    maxRssKb: process.resourceUsage().maxRSS,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** The reference: papaparse streaming the same files with a rollup per field, no validation at all. */
async function measurePapaparse(dir: string): Promise<void> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const folder = join(dir, 'snapshots', SNAPSHOT);
  const byField = new Map<string, number>();
  let rows = 0;
  for (const file of readdirSync(folder)) {
    await new Promise<void>((done) =>
      Papa.parse<string[]>(createReadStream(join(folder, file)), {
        step: (r) => {
          rows++;
          byField.set(r.data[4], (byField.get(r.data[4]) ?? 0) + Number(r.data[5]));
        },
        complete: () => done(),
      }),
    );
  }
  const used = process.cpuUsage(cpu);
  const figures = { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, rows: rows - 5, maxRssKb: process.resourceUsage().maxRSS };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') return measure(args[1]);
  if (args[0] === '--measure-papaparse') return void measurePapaparse(args[1]);
  const rowsArg = args.indexOf('--rows');
  const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 1_000_000;
  if (!Number.isInteger(rows) || rows < 5) throw new Error('--rows needs a whole number ≥ 5');

  const programme = parseProgramme(JSON.parse(readFileSync('data/programme.json', 'utf8')), 'data/programme.json');
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-bench-'));
  mkdirSync(join(dir, 'snapshots', SNAPSHOT), { recursive: true });
  writeFileSync(join(dir, 'programme.json'), JSON.stringify({ ...JSON.parse(readFileSync('data/programme.json', 'utf8')), projectionOrigin: undefined }));
  const load = loadavg()[0];
  // Seeded, so every run measures the same bytes.
  const rnd = mulberry32(2024);
  let bytes = 0;
  programme.partners.forEach((p, i) => {
    const share = Math.floor(rows / programme.partners.length) + (i < rows % programme.partners.length ? 1 : 0);
    const path = join(dir, 'snapshots', SNAPSHOT, `${p.id}.csv`);
    writeExport(path, p.shortName.toUpperCase().replace(/[^A-Z]/g, ''), share, programme, rnd, args.includes('--unordered'));
    bytes += statSync(path).size;
  });

  // One after the other on the same files, in the same minute: the ratio is what to quote.
  const run = spawnSync(process.execPath, [import.meta.filename, '--measure', dir], { encoding: 'utf8' });
  const reference = spawnSync(process.execPath, [import.meta.filename, '--measure-papaparse', dir], { encoding: 'utf8' });
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  for (const r of [run, reference]) {
    if (r.status === 0) continue;
    process.stderr.write(r.stderr);
    process.exit(1);
  }
  const f = JSON.parse(run.stdout) as { ms: number; readMs: number; cpuMs: number; rows: number; credits: number; learners: unknown; maxRssKb: number };
  const r = JSON.parse(reference.stdout) as { ms: number; cpuMs: number; rows: number; maxRssKb: number };
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en-US');
  const order = args.includes('--unordered') ? 'ids out of order' : 'ids in order';
  console.log(`data: ${f.rows} completions in ${programme.partners.length} files, ${mb(bytes)} MB, one snapshot (${SNAPSHOT}), ${order}${args.includes('--keep') ? ` in ${dir}` : ''}`);
  console.log(`pipeline (read + every check + aggregate + open data): ${s(f.ms)} s wall (of which loadData ${s(f.readMs)} s), ${s(f.cpuMs)} s CPU, ${Math.round(f.maxRssKb / 1024)} MB peak`);
  console.log(`papaparse alone (stream, step callback, group by field, no checks): ${s(r.ms)} s wall, ${s(r.cpuMs)} s CPU, ${Math.round(r.maxRssKb / 1024)} MB peak`);
  console.log(`ratio: pipeline / papaparse alone = ${(f.ms / r.ms).toFixed(2)}× wall`);
  console.log(`throughput: pipeline ${rate(f.rows, f.ms)} rows/s, papaparse alone ${rate(r.rows, r.ms)} rows/s`);
  console.log(`peak memory (maxRSS of the pipeline process): ${Math.round(f.maxRssKb / 1024)} MB`);
  console.log(`totals: ${f.credits} credits, learners ${f.learners}`);
  console.log(`machine: ${cpus().length} CPUs, load average ${load.toFixed(1)} when it started (figures slow down with it)`);
}

main();
