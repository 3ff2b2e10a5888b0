import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readHeader, REQUIRED_COLUMNS, TOTALS_COLUMNS } from '../../src/lib/contract/export-header.ts';
import { planExports, type ExportFile } from '../../src/lib/contract/export-files.ts';
import { DataError, formatProblem } from '../../src/lib/contract/problems.ts';
import { parseProgramme, type Programme } from '../../src/lib/contract/programme.ts';
import { centiToString } from '../../src/lib/credits.ts';
import { sniffKind } from '../../src/lib/ingest/read-csv.ts';
import { fileChunks, fsDataSource } from './fs-data-source.ts';
import { replaceFolder } from './write-atomically.ts';

const SQL = new URL('../sql/aggregate.sql', import.meta.url);

/** What one run found: problems (then nothing was written), or what it wrote. */
export interface AggregateRun {
  problems: string[];
  exports: number;
  /** Per-completion rows read, and exports already monthly totals (copied as they are). */
  rows: number;
  copied: number;
  centi: number;
}

/** Returns the statements of aggregate.sql by the name each follows (`-- name: cells`). */
function statements(): Map<string, string> {
  const parts = readFileSync(SQL, 'utf8').split(/^-- name: (\w+)$/m);
  const out = new Map<string, string>();
  for (let i = 1; i < parts.length; i += 2) out.set(parts[i], parts[i + 1].trim().replace(/;$/, ''));
  return out;
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const identifier = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Returns the `completions` view's select for one export, or the columns it lacks. */
async function exportSelect(db: DuckDBConnection, f: ExportFile, abs: string, id: number): Promise<string | string[]> {
  const source = `read_csv(${literal(abs)}, header = true, all_varchar = true)`;
  const names = (await db.runAndReadAll(`describe select * from ${source}`)).getRowObjectsJS().map((r) => String(r.column_name));
  // The contract reads the header, aliases and all, as the build's reader does.
  const header = readHeader(names);
  if (header.required === null) return header.problems.map((p) => formatProblem({ path: f.path, line: 1, ...p }));
  const col = (c: (typeof REQUIRED_COLUMNS)[number]) => identifier(names[header.required![REQUIRED_COLUMNS.indexOf(c)]]);
  return `select ${id} as export_id, date ${literal(f.date)} as snapshot_date, ${col('completion_id')} as completion_id, ${col('completed_on')} as completed_on, ${col('field_code')} as field_code, ${col('credits')} as credits from ${source}`;
}

/**
 * Reads every per-completion export of a data folder with DuckDB and writes `outDir` as the same
 * programme with a monthly-totals export for each (exports already monthly totals are copied).
 * Returns the problems instead, writing nothing, where a check fails.
 */
export async function aggregateFolder(inDir: string, outDir: string): Promise<AggregateRun> {
  const source = fsDataSource(inDir);
  let programme: Programme;
  try {
    programme = parseProgramme(JSON.parse(source.readProgramme()), `${source.label}programme.json`);
  } catch (e) {
    if (e instanceof DataError) return { problems: e.message.split('\n'), exports: 0, rows: 0, copied: 0, centi: 0 };
    throw e;
  }
  const plan = planExports(source.listExports(), new Set(programme.partners.map((p) => p.id)), `${source.label}snapshots/`);
  const problems = plan.problems.map(formatProblem);
  const sql = statements();
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '1536MB' });
  const db = await instance.connect();
  try {
    const selects: string[] = [];
    const completionFiles: ExportFile[] = [];
    const copies: ExportFile[] = [];
    for (const f of plan.files) {
      const abs = join(inDir, 'snapshots', f.rel);
      if (f.format === 'xlsx') problems.push(formatProblem({ path: f.path, reason: 'a workbook: npm run aggregate reads CSV exports only (save it as CSV UTF-8)' }));
      else if (sniffKind(fileChunks(abs)) === 'totals') copies.push(f);
      else {
        const select = await exportSelect(db, f, abs, completionFiles.length);
        if (typeof select === 'string') selects.push(select);
        else problems.push(...select);
        completionFiles.push(f);
      }
    }
    if (problems.length > 0) return { problems, exports: plan.files.length, rows: 0, copied: 0, centi: 0 };
    const out: Record<string, string | Uint8Array> = {};
    let rows = 0;
    let centi = 0;
    if (selects.length > 0) {
      await db.run(`create view completions as ${selects.join('\nunion all\n')}`);
      await db.run(`set variable period_start = date ${literal(programme.period.start)}`);
      await db.run(`set variable field_codes = [${programme.fields.map((x) => x.code).join(', ')}]::integer[]`);
      await db.run('set preserve_insertion_order = false');
      await db.run(sql.get('rows')!);
      for (const r of (await db.runAndReadAll(sql.get('problems')!)).getRowObjectsJS()) {
        const f = completionFiles[Number(r.export_id)];
        const [column, reason] = String(r.problem).split(': ');
        problems.push(formatProblem({ path: f.path, column, reason: `${reason}: ${r.rows} row${Number(r.rows) === 1 ? '' : 's'}, e.g. ${JSON.stringify(r.example)}` }));
      }
      for (const r of (await db.runAndReadAll(sql.get('duplicates')!)).getRowObjectsJS()) {
        await db.run(`set variable export_id = ${Number(r.export_id)}`);
        const ids = (await db.runAndReadAll(sql.get('ids')!)).getRowObjectsJS();
        if (ids.length === 0) continue; // a hash collision, not a repeat
        const shown = ids.map((i) => `${JSON.stringify(i.completion_id)} ×${i.times}`).join(', ');
        problems.push(formatProblem({ path: completionFiles[Number(r.export_id)].path, column: 'completion_id', reason: `repeated completion ids, e.g. ${shown}` }));
      }
      if (problems.length > 0) return { problems, exports: plan.files.length, rows: 0, copied: 0, centi: 0 };
      const lines = completionFiles.map(() => [TOTALS_COLUMNS.join(',')]);
      for (const r of (await db.runAndReadAll(sql.get('totals')!)).getRowObjectsJS()) {
        lines[Number(r.export_id)].push(`${r.month},${r.field_code},${centiToString(Number(r.centi))},${r.completions}`);
        rows += Number(r.completions);
        centi += Number(r.centi);
      }
      completionFiles.forEach((f, i) => (out[`snapshots/${f.rel}`] = `${lines[i].join('\n')}\n`));
    }
    for (const f of copies) out[`snapshots/${f.rel}`] = readFileSync(join(inDir, 'snapshots', f.rel));
    out['programme.json'] = source.readProgramme();
    replaceFolder(outDir, out);
    return { problems: [], exports: plan.files.length, rows, copied: copies.length, centi };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
