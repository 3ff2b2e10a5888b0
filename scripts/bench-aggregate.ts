/**
 * Measures `npm run aggregate` on a national-scale data folder: generates one (default
 * 10 000 000 completions over the five partners, one snapshot date, ~800 MB) with DuckDB in a
 * temporary folder, then, each in a fresh process (honest peak memory), on the same files:
 * - the reference: a plain DuckDB `read_csv(…) group by` of the files (no checks at all);
 * - npm run aggregate's work (aggregateFolder): every check it makes, and the totals written;
 * and prints both, their ratio and peak memory. The goal: at most 3× the reference, at most 2 GB.
 *
 *   npm run bench:aggregate                      # 10 000 000 rows
 *   npm run bench:aggregate -- --rows 1000000    # any size
 *   npm run bench:aggregate -- --keep            # keep the generated folder (its path is printed)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { aggregateFolder } from './io/aggregate-folder.ts';

const SNAPSHOT = '2023-12-31';

/**
 * Writes one export a partner, seeded by the row number (hash(i, k)): ISO dates and every tenth
 * in d.m.yyyy, every tenth course name quoted with a comma inside, a learner for every four rows.
 */
async function generate(dir: string, rows: number): Promise<void> {
  const programme = JSON.parse(readFileSync('data/programme.json', 'utf8')) as { partners: { id: string }[]; fields: { code: number }[]; period: { start: string } };
  writeFileSync(join(dir, 'programme.json'), JSON.stringify({ ...programme, projectionOrigin: undefined }));
  mkdirSync(join(dir, 'snapshots', SNAPSHOT), { recursive: true });
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const start = programme.period.start;
  const days = (Date.parse(SNAPSHOT) - Date.parse(start)) / 86_400_000 + 1;
  const codes = programme.fields.map((f) => f.code).join(', ');
  const n = programme.partners.length;
  for (const [k, p] of programme.partners.entries()) {
    const share = Math.floor(rows / n) + (k < rows % n ? 1 : 0);
    const day = `date '${start}' + cast(hash(i, 1) % ${days} as integer)`;
    await db.run(`copy (
      select printf('P${k}-%08d', i) as completion_id,
        case when i % 10 = 0 then strftime(${day}, '%-d.%-m.%Y') else strftime(${day}, '%Y-%m-%d') end as completed_on,
        'C' || (i % 5) as course_code,
        case when i % 10 = 5 then 'Tekoälyn perusteet, osa ' || (i % 3) else 'Johtaminen ja esihenkilötyö, syventävä' end as course_name,
        ([${codes}])[1 + cast(hash(i, 2) % ${programme.fields.length} as bigint)] as field_code,
        (['5', '5', '5', '2.5', '1', '3', '10', '4', '15', '2'])[1 + i % 10] as credits,
        printf('L-%08x', hash(i, 3) % ${Math.max(1, Math.floor(rows / 4))}) as learner_id
      from range(1, ${share + 1}) t(i)
    ) to '${join(dir, 'snapshots', SNAPSHOT, `${p.id}.csv`)}' (header)`);
  }
}

/** The reference: DuckDB reading and grouping the same files, no checks. */
async function measurePlain(dir: string): Promise<void> {
  const start = performance.now();
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const r = await db.runAndReadAll(`select filename, field_code, sum(credits) as credits, count(*) as n from read_csv('${dir}/snapshots/*/*.csv', filename = true) group by all`);
  const rows = r.getRowObjectsJS().reduce((s, x) => s + Number(x.n), 0);
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - start, rows, ...usage() })}\n`);
}

/** Returns the process's peak memory and the processor time it used (all threads): on a shared machine the time is steadier than the wall clock. */
function usage(): { maxRssKb: number; cpuMs: number } {
  const u = process.resourceUsage();
  return { maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 };
}

async function measureAggregate(dir: string, out: string): Promise<void> {
  const start = performance.now();
  const run = await aggregateFolder(dir, out);
  if (run.problems.length > 0) throw new Error(run.problems.join('\n'));
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - start, rows: run.rows, ...usage() })}\n`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--measure-plain') return measurePlain(args[1]);
  if (args[0] === '--measure-aggregate') return measureAggregate(args[1], args[2]);
  const rowsArg = args.indexOf('--rows');
  const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 10_000_000;
  if (!Number.isInteger(rows) || rows < 5) throw new Error('--rows needs a whole number ≥ 5');
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-bench-aggregate-'));
  const t = performance.now();
  await generate(dir, rows);
  const folder = join(dir, 'snapshots', SNAPSHOT);
  const bytes = readdirSync(folder).reduce((s, f) => s + statSync(join(folder, f)).size, 0);
  console.log(`data: ${rows} completions in ${readdirSync(folder).length} files, ${(bytes / 1e6).toFixed(0)} MB, generated in ${((performance.now() - t) / 1000).toFixed(1)} s${args.includes('--keep') ? ` in ${dir}` : ''}`);
  const load = loadavg()[0];
  // One after the other on the same files, in the same minute: the ratio is what to quote.
  const run = (...a: string[]) => spawnSync(process.execPath, [import.meta.filename, ...a], { encoding: 'utf8' });
  const plain = run('--measure-plain', dir);
  const agg = run('--measure-aggregate', dir, join(dir, 'out'));
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  for (const r of [plain, agg]) {
    if (r.status === 0) continue;
    process.stderr.write(r.stderr);
    process.exit(1);
  }
  type Measured = { ms: number; rows: number; maxRssKb: number; cpuMs: number };
  const p = JSON.parse(plain.stdout) as Measured;
  const a = JSON.parse(agg.stdout) as Measured;
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const mb = (kb: number) => Math.round(kb / 1024);
  console.log(`plain DuckDB read_csv … group by (no checks): ${s(p.ms)} s wall, ${s(p.cpuMs)} s CPU, ${mb(p.maxRssKb)} MB peak, ${p.rows} rows`);
  console.log(`npm run aggregate (every check it makes, totals written): ${s(a.ms)} s wall, ${s(a.cpuMs)} s CPU, ${mb(a.maxRssKb)} MB peak, ${a.rows} rows`);
  console.log(`ratio: aggregate / plain = ${(a.ms / p.ms).toFixed(2)}× wall (goal ≤ 3×), ${(a.cpuMs / p.cpuMs).toFixed(2)}× CPU; peak memory ${mb(a.maxRssKb)} MB (goal ≤ 2048 MB)`);
  console.log(`machine: ${cpus().length} CPUs, load average ${load.toFixed(1)} when it started (figures slow down with it)`);
}

await main();
