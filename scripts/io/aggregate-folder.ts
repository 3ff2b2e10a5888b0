import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBDateValue, DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readHeader, REQUIRED_COLUMNS, TOTALS_COLUMNS, writtenHeadings } from '../../src/lib/contract/export-header.ts';
import { planExports, type ExportFile } from '../../src/lib/contract/export-files.ts';
import { DataError, formatProblem, type Problem } from '../../src/lib/contract/problems.ts';
import { parseProgramme, type Programme } from '../../src/lib/contract/programme.ts';
import { centiToString } from '../../src/lib/credits.ts';
import { completionCredits, completionDay, fieldCodeList, fieldCodeOf } from '../../src/lib/contract/value-rules.ts';
import { isBlankRow, MAX_CREDITS_PER_COMPLETION, trimmedCharacters } from '../../src/lib/contract/values.ts';
import { utf16Of } from '../../src/lib/ingest/decode.ts';
import { sniffHeader, sniffKind } from '../../src/lib/ingest/read-csv.ts';
import { outsideSnapshots } from '../../src/lib/ingest/read-exports.ts';
import { readTotals } from '../../src/lib/ingest/totals-reader.ts';
import { problemOf } from '../../src/lib/ingest/file-problems.ts';
import { duckdbFile, duckdbProblem, isInputError, isWidthError } from './duckdb-problem.ts';
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

/**
 * Returns the statements of aggregate.sql by the name each follows (`-- name: cells`), with the
 * contract's trimmed characters put where `{{trimmed}}` stands.
 */
function statements(): Map<string, string> {
  const values: Record<string, string> = { trimmed: literal(trimmedCharacters()) };
  const sql = readFileSync(SQL, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (values[name] === undefined) throw new Error(`aggregate.sql: no value for {{${name}}}`);
    return values[name];
  });
  const parts = sql.split(/^-- name: (\w+)$/m);
  const out = new Map<string, string>();
  for (let i = 1; i < parts.length; i += 2) out.set(parts[i], parts[i + 1].trim().replace(/;$/, ''));
  return out;
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** One per-completion export as DuckDB is told to read it. */
interface ExportReader {
  file: ExportFile;
  abs: string;
  /** The `completions` view's select for it; `skipRefused`: rows DuckDB cannot read are left out (see aggregateFolder). */
  select(skipRefused: boolean): string;
  /** A query that reads it leaving out the rows DuckDB cannot read, and keeps them in `reject_errors`. */
  rejects(): string;
  delimiter: string;
  /** The columns the file heads in words of its own (export-header.ts writtenHeadings): problems name them so, as the build's do. */
  headings: ReadonlyMap<string, string>;
}

/** Returns a problem naming its column by the file's own heading too, where it has one (as FileProblems does on the build's path). */
function headed(p: Problem, headings: ReadonlyMap<string, string> | undefined): Problem {
  const header = p.column === undefined ? undefined : headings?.get(p.column);
  return header === undefined ? p : { ...p, header };
}

/**
 * Returns how DuckDB reads one export, or its problems. The header is read as the build reads it
 * (readHeader: the same names, the same refusals) and DuckDB is told the dialect the build found
 * there, sniffing nothing: every value as text, rows of another width an error with their line
 * (strict_mode), blank lines before the header skipped, blank rows after it left out.
 */
function exportReader(f: ExportFile, abs: string, id: number): ExportReader | Problem[] {
  // DuckDB reads UTF-8 only, and a UTF-16 file's rows would be refused for reasons of no use to anyone.
  const [first] = fileChunks(abs);
  if (first && utf16Of(first))
    return [{ path: f.path, reason: 'UTF-16 (Excel\'s "Unicode text"), which DuckDB cannot read: save it as "CSV UTF-8" and run npm run aggregate again (the normal build reads it)' }];
  const header = sniffHeader(fileChunks(abs));
  if (header === null) return [problemOf(f.path, undefined, undefined, { key: 'problem.emptyCompletions' })];
  const columns = readHeader(header.cells);
  const headings = writtenHeadings(header.cells);
  if (columns.required === null) return columns.problems.map((p) => headed(problemOf(f.path, header.line, p.column, p.reason), headings));
  const names = header.cells.map((_, i) => `c${i}`);
  const options = [
    'header = true',
    'auto_detect = false',
    `delim = ${literal(header.delimiter)}`,
    `quote = '"'`,
    `escape = '"'`,
    // DuckDB finds LF and CRLF itself (told '\r\n' it reads no rows); a lone CR it must be told.
    ...(header.newline === '\r' ? [`new_line = '\\r'`] : []),
    'strict_mode = true',
    'null_padding = false',
    `skip = ${header.line - 1}`,
    `columns = {${names.map((n) => `'${n}': 'VARCHAR'`).join(', ')}}`,
  ];
  const read = (extra: string[]) => `read_csv(${literal(abs)}, ${[...options, ...extra].join(', ')})`;
  const at = (c: (typeof REQUIRED_COLUMNS)[number]) => names[columns.required![REQUIRED_COLUMNS.indexOf(c)]];
  // A quote in a date, a field code or credits makes the value refused anyway: only the other columns are looked at.
  const judged = new Set(['completed_on', 'field_code', 'credits'].map((c) => at(c as (typeof REQUIRED_COLUMNS)[number])));
  const quoted = names.filter((n) => !judged.has(n)).map((n) => `contains(coalesce(${n}, ''), '"')`).join(' or ');
  return {
    file: f,
    abs,
    headings,
    delimiter: header.delimiter,
    select: (skipRefused) =>
      `select ${id} as export_id, date ${literal(f.date)} as snapshot_date, ${REQUIRED_COLUMNS.map((c) => `${at(c)} as ${c}`).join(', ')}, ` +
      `(${quoted}) as has_quote from ${read(skipRefused ? ['ignore_errors = true'] : [])} ` +
      // A row of empty values only (a spreadsheet's `,,,,,,`) is blank, as the build's isBlankRow says;
      // a case, which stops at the first value that is not empty, where `and` would test them all.
      `where case ${names.map((n) => `when not contract_blank(${n}) then true`).join(' ')} else false end`,
    rejects: () => `select count(*) from ${read(['ignore_errors = true', 'store_rejects = true'])}`,
  };
}

/** Returns a run that found problems (and wrote nothing). */
const refused = (problems: string[], exports = 0): AggregateRun => ({ problems, exports, rows: 0, copied: 0, centi: 0 });

/**
 * Reads every per-completion export of a data folder with DuckDB and writes `outDir` as the same
 * programme with a monthly-totals export for each (exports already monthly totals are checked by
 * the build's own reader, then copied). Returns the problems instead, writing nothing, where a
 * check fails; an input DuckDB cannot read is a problem naming its file and line, not a throw.
 */
export async function aggregateFolder(inDir: string, outDir: string): Promise<AggregateRun> {
  const source = fsDataSource(inDir);
  let programme: Programme;
  try {
    programme = parseProgramme(JSON.parse(source.readProgramme()), `${source.label}programme.json`);
  } catch (e) {
    if (e instanceof DataError) return refused(e.message.split('\n'));
    return refused([`${source.label}programme.json: cannot be read: ${(e as Error).message}`]);
  }
  const plan = planExports(source.listExports(), new Set(programme.partners.map((p) => p.id)), `${source.label}snapshots/`, source.today);
  const problems = [...outsideSnapshots(source), ...plan.problems.map((p) => problemOf(p.path, undefined, undefined, p.reason))].map(formatProblem);
  const readers: ExportReader[] = [];
  const completionFiles: ExportFile[] = [];
  const copies: ExportFile[] = [];
  for (const f of plan.files) {
    const abs = join(inDir, 'snapshots', f.rel);
    try {
      if (f.format === 'xlsx') problems.push(formatProblem({ path: f.path, reason: 'a workbook: npm run aggregate reads CSV exports only (save it as CSV UTF-8)' }));
      else if (sniffKind(fileChunks(abs)) === 'totals') {
        problems.push(...checkTotals(f, abs, programme));
        copies.push(f);
      }
      else {
        const reader = exportReader(f, abs, completionFiles.length);
        if (Array.isArray(reader)) problems.push(...reader.map(formatProblem));
        else readers.push(reader);
        completionFiles.push(f);
      }
    } catch (e) {
      problems.push(formatProblem({ path: f.path, reason: `cannot be read: ${(e as Error).message}` }));
    }
  }
  if (problems.length > 0) return refused(problems, plan.files.length);
  const paths = new Map(completionFiles.map((f) => [join(inDir, 'snapshots', f.rel), f.path]));
  // Exports whose rows DuckDB refused were all blank by the contract (see blankRefusals).
  const skipping = new Set<ExportReader>();
  for (;;) {
    const instance = await DuckDBInstance.create(':memory:', { memory_limit: '1536MB' });
    const db = await instance.connect();
    try {
      const totals = await sumExports(db, readers.map((r) => r.select(skipping.has(r))), completionFiles, readers.map((r) => r.headings), programme);
      if (Array.isArray(totals)) return refused(totals, plan.files.length);
      const out: Record<string, string | Uint8Array> = {};
      completionFiles.forEach((f, i) => (out[`snapshots/${f.rel}`] = totals.files[i]));
      for (const f of copies) out[`snapshots/${f.rel}`] = readFileSync(join(inDir, 'snapshots', f.rel));
      out['programme.json'] = source.readProgramme();
      replaceFolder(outDir, out);
      return { problems: [], exports: plan.files.length, rows: totals.rows, copied: copies.length, centi: totals.centi };
    } catch (e) {
      // What DuckDB says of the input (a file it cannot read as told) is a problem; anything else is a fault here.
      if (!isInputError(e)) throw e;
      const reader = readers.find((r) => r.abs === duckdbFile(e));
      // Only a row of the wrong width may be a blank one (see firstRefusal).
      if (reader === undefined || skipping.has(reader) || !isWidthError(e)) return refused([duckdbProblem(e, paths)], plan.files.length);
      const refusal = await firstRefusal(db, reader);
      if (refusal === null) skipping.add(reader);
      else return refused([duckdbProblem(refusal, paths)], plan.files.length);
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  }
}

/**
 * Returns the first row of an export that DuckDB refuses and the contract does not call blank, as
 * DuckDB's error for it, or null when every refused row is blank. DuckDB reads a line of spaces,
 * or of fewer delimiters than the header has (`,,,`, as a spreadsheet saves a row once used), as a
 * row of the wrong width; the build skips it as blank (isBlankRow), and so must this path. Only
 * an export DuckDB stopped on is read again so; the others are read once, strictly.
 */
async function firstRefusal(db: DuckDBConnection, reader: ExportReader): Promise<Error | null> {
  await db.run(reader.rejects());
  const rows = (await db.runAndReadAll('select line, error_message, csv_line from reject_errors order by line, column_idx')).getRowObjectsJS();
  const real = rows.find((r) => {
    const text = String(r.csv_line ?? '');
    return text.includes('"') || !isBlankRow(text.split(reader.delimiter));
  });
  if (real === undefined) return null;
  return new Error(`Invalid Input Error: CSV Error on Line: ${real.line}\n  file = ${reader.abs}\n${real.error_message}`);
}

/** Returns the problems of a monthly-totals export, found by the build's own reader (such files are small). */
function checkTotals(f: ExportFile, abs: string, programme: Programme): string[] {
  const ctx = { path: f.path, partnerId: f.partnerId, snapshotDate: f.date, programmeStart: programme.period.start, fieldCodes: programme.fields.map((x) => x.code) };
  return readTotals(() => fileChunks(abs), ctx).problems.map(formatProblem);
}

/** What each problem of aggregate.sql's `problems` statement is, by its number there; a refused field code lists the programme's. */
const rules = (programme: Programme): Record<number, { column?: string; reason: string }> => ({
  1: { reason: 'a value holds a quote character ("), which this aggregate cannot tell from a stray quote (the build refuses those): remove it, or check the file with the normal build' },
  2: { column: 'completion_id', reason: 'empty value' },
  3: { column: 'completed_on', reason: 'not a date (YYYY-MM-DD or d.m.yyyy) or no such day' },
  4: { column: 'completed_on', reason: 'before the programme start' },
  5: { column: 'completed_on', reason: 'after the snapshot date' },
  6: { column: 'field_code', reason: `not a field code listed in programme.json (its codes: ${fieldCodeList(programme.fields.map((x) => x.code))})` },
  7: { column: 'credits', reason: `not a number over 0 and up to ${centiToString(MAX_CREDITS_PER_COMPLETION)} with at most two decimals` },
  8: { column: 'course_code, course_name', reason: 'empty value' },
});

/**
 * Judges every distinct text of the date, field code and credits columns with the contract's own
 * code (the build's readers'), into the table `judged` that aggregate.sql joins: what a value is
 * is thus decided in one place for every path, and DuckDB only groups and sums.
 */
async function judgeValues(db: DuckDBConnection, values: string, programme: Programme): Promise<void> {
  const codes = new Set(programme.fields.map((f) => f.code));
  await db.run('create or replace table judged (col varchar, text varchar, day date, field integer, centi integer)');
  const appender = await db.createAppender('judged');
  for (const [col, text] of (await db.runAndReadAll(values)).getRows()) {
    const t = text === null ? '' : String(text);
    const day = col === 'completed_on' ? completionDay(t) : null;
    const field = col === 'field_code' ? fieldCodeOf(t, codes) : null;
    const centi = col === 'credits' ? completionCredits(t) : null;
    appender.appendVarchar(String(col));
    if (text === null) appender.appendNull();
    else appender.appendVarchar(t);
    if (day === null) appender.appendNull();
    else appender.appendDate(DuckDBDateValue.fromParts({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) }));
    for (const n of [field, centi]) {
      if (n === null) appender.appendNull();
      else appender.appendInteger(n);
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** Returns each export's monthly-totals CSV text and the sums, or the problems found. */
async function sumExports(db: DuckDBConnection, selects: string[], files: ExportFile[], headings: readonly ReadonlyMap<string, string>[], programme: Programme): Promise<{ files: string[]; rows: number; centi: number } | string[]> {
  const sql = statements();
  const problems: string[] = [];
  const lines = files.map(() => [TOTALS_COLUMNS.join(',')]);
  let rows = 0;
  let centi = 0;
  if (selects.length === 0) return { files: [], rows, centi };
  // The macros first: the view's selects skip blank rows by contract_blank.
  await db.run(sql.get('macros')!);
  await db.run(`create view completions as ${selects.join('\nunion all\n')}`);
  await db.run(`set variable period_start = date ${literal(programme.period.start)}`);
  await db.run(`set variable field_codes = [${programme.fields.map((x) => x.code).join(', ')}]::integer[]`);
  await db.run('set preserve_insertion_order = false');
  await db.run(sql.get('cells')!);
  await judgeValues(db, sql.get('values')!, programme);
  await db.run(sql.get('judge')!);
  const words = rules(programme);
  for (const r of (await db.runAndReadAll(sql.get('problems')!)).getRowObjectsJS()) {
    const { column, reason } = words[Number(r.problem)];
    const problem = { path: files[Number(r.export_id)].path, column, reason: `${reason}: ${r.rows} row${Number(r.rows) === 1 ? '' : 's'}${r.example === '' ? '' : `, e.g. ${JSON.stringify(r.example)}`}` };
    problems.push(formatProblem(headed(problem, headings[Number(r.export_id)])));
  }
  for (const r of (await db.runAndReadAll(sql.get('duplicates')!)).getRowObjectsJS()) {
    await db.run(`set variable export_id = ${Number(r.export_id)}`);
    const ids = (await db.runAndReadAll(sql.get('ids')!)).getRowObjectsJS();
    if (ids.length === 0) continue; // a hash collision, not a repeat
    const shown = ids.map((i) => `${JSON.stringify(i.completion_id)} ×${i.times}`).join(', ');
    problems.push(formatProblem(headed({ path: files[Number(r.export_id)].path, column: 'completion_id', reason: `repeated completion ids, e.g. ${shown}` }, headings[Number(r.export_id)])));
  }
  if (problems.length > 0) return problems;
  for (const r of (await db.runAndReadAll(sql.get('totals')!)).getRowObjectsJS()) {
    lines[Number(r.export_id)].push(`${r.month},${r.field_code},${centiToString(Number(r.centi))},${r.completions}`);
    rows += Number(r.completions);
    centi += Number(r.centi);
  }
  // An export with a header and no rows under it is refused, as the build refuses it.
  const empty = files.filter((_, i) => lines[i].length === 1);
  if (empty.length > 0) return empty.map((f) => formatProblem(problemOf(f.path, undefined, undefined, { key: 'problem.noCompletions' })));
  return { files: lines.map((l) => `${l.join('\n')}\n`), rows, centi };
}
