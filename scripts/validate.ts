// Checks partner exports without building anything: every problem and warning exactly as the
// build prints them (the same loader reads the same data folder, with the files in place), then
// what each file changes against the partner's previous export and the programme's new total.
//   npm run validate -- data/snapshots/2024-01-31/hamk.csv            (partner and date from the path)
//   npm run validate -- --partner hamk --date 31.1.2024 ~/Downloads/export.xlsx   (not yet in place)
//   npm run validate -- --list-changes changes.csv data/snapshots/2024-01-31/hamk.csv
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { CHANGE_LIST_COLUMNS, changeListCells, listChanges, type ListedChange } from '../src/lib/changes/change-list.ts';
import { changeLines, totalLine } from '../src/lib/changes/change-summary.ts';
import { plausibilityText } from '../src/lib/changes/plausibility.ts';
import { exportRel, neighbours, placeFromPath, placeOf, withExports, type GivenExport, type SnapshotSlot } from '../src/lib/changes/validate-plan.ts';
import { LANGS, parseProgramme, type Lang } from '../src/lib/contract/programme.ts';
import { DataError, type Problem } from '../src/lib/contract/problems.ts';
import { groupProblems } from '../src/lib/changes/check-file.ts';
import { t, tCount, type StringKey } from '../src/lib/i18n/index.ts';
import { formatter } from '../src/lib/format.ts';
import { problemText, type Say } from '../src/lib/i18n/problem-text.ts';
import { parseDate } from '../src/lib/dates.ts';
import { compareCompletions, compareMonths } from '../src/lib/ingest/compare-exports.ts';
import { capPerFile } from '../src/lib/ingest/file-problems.ts';
import { loadData } from '../src/lib/pipeline.ts';
import { readXlsx } from '../src/lib/ingest/xlsx/read-xlsx.ts';
import { toCsv } from '../src/lib/publish/csv-write.ts';
import { dataDir, fileChunks, fsDataSource } from './io/fs-data-source.ts';

const USAGE = `usage: npm run validate -- [--lang fi|sv|en] [--list-changes OUT.csv] FILE…   (FILE in <data>/snapshots/<YYYY-MM-DD>/<partner>.csv or .xlsx)
       npm run validate -- [--lang fi|sv|en] --partner ID --date DATE FILE   (a file not yet in place; DATE as 2024-01-31 or 31.1.2024)`;

/** A command line that cannot be acted on: the message, then the usage, and exit 2. */
class UsageError extends Error {}

interface Check {
  file: string;
  place: SnapshotSlot;
  rel: string;
  inPlace: boolean;
  abs: string;
}

/** Returns the exit code: 0 when every file is good, 1 on any problem in the data, 2 on a bad command line. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { partner: { type: 'string' }, date: { type: 'string' }, lang: { type: 'string', default: 'fi' }, 'list-changes': { type: 'string' } },
  });
  const lang = values.lang as Lang;
  if (!LANGS.includes(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}`);
  const f = formatter(lang);
  const say: Say = (key, params) => t(lang, key as StringKey, params);
  const dir = resolve(dataDir());
  const base = fsDataSource(dir);
  const partners = partnerIds(base.readProgramme(), `${base.label}programme.json`);
  const checks = planChecks(positionals, values.partner, values.date, dir, partners);
  const baseRels = base.listExports();
  const placed = (rel: string) => `${base.label}snapshots/${rel}`;
  // A partner's export of the date in the other format is replaced as well: named, so nobody keeps both.
  const replacing = (rel: string) => baseRels.find((r) => placeOf(r) === placeOf(rel));
  for (const c of checks.filter((c) => !c.inPlace)) {
    const there = replacing(c.rel);
    const key = there === undefined ? 'validate.placedAs' : there === c.rel ? 'validate.placedAsReplacing' : 'validate.placedAsReplacingOther';
    process.stdout.write(`${t(lang, key, { file: c.file, placed: placed(c.rel), other: there ? placed(there) : '' })}\n`);
  }

  // Every checked file is named as the person gave it, in place or not.
  const given = new Map<string, GivenExport>();
  for (const c of checks) {
    const workbook = c.place.format === 'xlsx' ? readXlsx(readFileSync(c.abs)) : undefined;
    given.set(c.rel, { bytes: () => fileChunks(c.abs), path: c.file, ...(workbook ? { workbook } : {}) });
  }
  const source = withExports(base, given);
  const named = (rel: string) => source.pathOf!(rel);
  const rels = source.listExports();
  const around = checks.map((c) => neighbours(rels, c.place));
  const keep = new Set([...checks.map((c) => c.rel), ...around.flatMap((n) => (n.previous ? [n.previous] : []))]);
  let loaded;
  try {
    // Every problem kept, so that each rule's count and the total are true (the checker page's too);
    // the first of each file are printed, as the build prints them.
    loaded = loadData(source, { keepIndexes: keep, problemCap: Infinity });
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    const problems = capPerFile(e.problems).map((p) => problemText(p, say));
    process.stderr.write(`${problems.join('\n')}\n\n${byRule(e.problems, say).join('\n')}\n${tCount(lang, 'validate.problems', e.problems.length, { count: f.number(e.problems.length) })}\n`);
    return 1;
  }
  // The build also warns about files not checked here; those were seen when they were added.
  const paths = checks.map((c) => c.file);
  for (const w of loaded.warningProblems) if (paths.includes(w.path)) process.stdout.write(`${t(lang, 'validate.warning')}: ${problemText(w, say)}\n`);
  // Plausibility warnings are about the data as a whole (a partner missing from a round has no file): all of them.
  // A round is named by its folder in the data, not by the folder a checked file was given from.
  const roundFolder = new Map(checks.filter((c) => !c.inPlace).map((c) => [c.file.slice(0, c.file.lastIndexOf('/') + 1), `${base.label}snapshots/${c.place.date}/`]));
  for (const w of loaded.plausibility) {
    const named = w.key === 'warning.plausibility.missing' ? { ...w, path: roundFolder.get(w.path) ?? w.path } : w;
    process.stdout.write(`${t(lang, 'validate.warning')}: ${plausibilityText(named, say, lang)}\n`);
  }
  const listed: ListedChange[] = [];
  checks.forEach((c, i) => {
    const { previous, next } = around[i];
    const exportAt = (rel: string) => loaded.exports.find((e) => `${e.date}/${e.partnerId}` === rel.replace(/\.(csv|xlsx)$/i, ''))!;
    const before = previous ? exportAt(previous) : null;
    const after = exportAt(c.rel);
    // Monthly totals name no completion: then only months can be compared.
    const diff =
      before?.kind === 'totals' || after.kind === 'totals'
        ? compareMonths(before?.cells ?? null, after.cells)
        : compareCompletions(previous ? loaded.indexes.get(previous)! : null, loaded.indexes.get(c.rel)!);
    listed.push(...listChanges(diff, c.place.date));
    const lines = changeLines({ path: c.file, previous: previous && named(previous), next: next && named(next), diff, date: c.place.date }, lang);
    process.stdout.write(`${lines.join('\n')}\n`);
  });
  if (values['list-changes'] !== undefined) {
    writeFileSync(values['list-changes'], toCsv(CHANGE_LIST_COLUMNS, listed, changeListCells));
    process.stdout.write(`${tCount(lang, 'validate.listWritten', listed.length, { count: f.number(listed.length), file: values['list-changes'] })}\n`);
  }
  process.stdout.write(`${totalLine(loaded.aggregates, checks.length, lang)}\n`);
  return 0;
}

/** Returns the problems counted by rule, each rule named in the chosen language as the checker page names it. */
function byRule(problems: readonly Problem[], say: Say): string[] {
  const groups = groupProblems(problems, say);
  return [
    say('check.byRule'),
    ...groups.map((g) => `  ${g.heading}: ${g.count}`),
  ];
}

/** Returns the partner ids of programme.json, or null when it cannot be read (the loader then says why). */
function partnerIds(json: string, path: string): string[] | null {
  try {
    return parseProgramme(JSON.parse(json), path).partners.map((p) => p.id);
  } catch {
    return null;
  }
}

/** Returns where each file on the command line belongs, whether it is there already, and where it is. */
function planChecks(files: string[], partnerGiven: string | undefined, date: string | undefined, dir: string, partners: readonly string[] | null): Check[] {
  // Ids are lower case in programme.json; `--partner HAMK` means hamk.
  const partner = partnerGiven?.toLowerCase();
  if (files.length === 0) throw new UsageError('name at least one export file');
  const given = partner !== undefined || date !== undefined;
  if (given && (partner === undefined || date === undefined)) throw new UsageError('--partner and --date go together');
  if (given && files.length > 1) throw new UsageError('--partner and --date name the place of one file');
  // The date is read as dates inside an export are: 2024-01-31 or 31.1.2024.
  const iso = date === undefined ? undefined : parseDate(date);
  if (iso === null) throw new UsageError(`--date ${JSON.stringify(date)} is not a date (2024-01-31 or 31.1.2024)`);
  if (partner !== undefined && partners && !partners.includes(partner)) throw new UsageError(`--partner ${JSON.stringify(partner)} is not listed in programme.json; its partners: ${partners.join(', ')}`);
  const checks = files.map((file): Check => {
    const format = file.toLowerCase().endsWith('.xlsx') ? ('xlsx' as const) : undefined;
    const place = given ? { partnerId: partner!, date: iso!, ...(format ? { format } : {}) } : placeFromPath(file);
    if (!place) throw new UsageError(`${file}: not in a snapshot folder (<YYYY-MM-DD>/<partner>.csv or .xlsx); say where it belongs with --partner and --date`);
    const abs = resolve(file);
    if (!statSync(abs, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`${file}: no such file`);
    // A file in place keeps its own name (`xamk.CSV`), which the loader lists it by.
    const own = relative(join(dir, 'snapshots'), abs).split(sep).join('/');
    const inPlace = !own.startsWith('..') && own.toLowerCase() === exportRel(place).toLowerCase();
    return { file, place, rel: inPlace ? own : exportRel(place), abs, inPlace };
  });
  const twice = checks.find((c, i) => checks.findIndex((d) => d.rel === c.rel) !== i);
  if (twice) throw new UsageError(`two files for one place: snapshots/${twice.rel}`);
  return checks;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof UsageError) && !(e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) throw e;
  process.stderr.write(`${e.message}\n${USAGE}\n`);
  process.exitCode = 2;
}
