// Checks partner exports without building anything: every problem and warning exactly as the
// build prints them (the same loader reads the same data folder, with the files in place), then
// what each file changes against the partner's previous export and the programme's new total.
//   npm run validate -- data/snapshots/2024-01-31/hamk.csv            (partner and date from the path)
//   npm run validate -- --partner hamk --date 2024-01-31 ~/Downloads/export.csv   (not yet in place)
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { changeLines, totalLine } from '../src/lib/changes/change-summary.ts';
import { compareCompletions, compareMonths } from '../src/lib/ingest/compare-exports.ts';
import { VALIDATE_LANGS, VALIDATE_STRINGS, type ValidateLang } from '../src/lib/changes/strings.ts';
import { exportRel, neighbours, placeFromPath, withExports, type ExportPlace } from '../src/lib/changes/validate-plan.ts';
import { DataError } from '../src/lib/contract/problems.ts';
import { isIsoDate } from '../src/lib/dates.ts';
import { loadData } from '../src/lib/ingest/load-data.ts';
import { dataDir, fileChunks, openDataFolder } from './io/fs-data-source.ts';

const USAGE = `usage: npm run validate -- [--lang fi|en] FILE…   (FILE in <data>/snapshots/<YYYY-MM-DD>/<partner>.csv)
       npm run validate -- [--lang fi|en] --partner ID --date YYYY-MM-DD FILE   (a file not yet in place)`;

/** A command line that cannot be acted on: the message, then the usage, and exit 2. */
class UsageError extends Error {}

interface Check {
  file: string;
  place: ExportPlace;
  rel: string;
  inPlace: boolean;
  abs: string;
}

/** Returns the exit code: 0 when every file is good, 1 on any problem in the data, 2 on a bad command line. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { partner: { type: 'string' }, date: { type: 'string' }, lang: { type: 'string', default: 'fi' } },
  });
  const lang = values.lang as ValidateLang;
  if (!VALIDATE_LANGS.includes(lang)) throw new UsageError(`--lang must be one of ${VALIDATE_LANGS.join(', ')}`);
  const s = VALIDATE_STRINGS[lang];
  const dir = resolve(dataDir());
  const base = await openDataFolder(dir);
  const checks = planChecks(positionals, values.partner, values.date, dir);
  const baseRels = base.listExports();
  const placed = (rel: string) => `${base.label}snapshots/${rel}`;
  for (const c of checks.filter((c) => !c.inPlace)) process.stdout.write(`${s.placedAs(c.file, placed(c.rel), baseRels.includes(c.rel))}\n`);

  const source = withExports(base, new Map(checks.filter((c) => !c.inPlace).map((c) => [c.rel, () => fileChunks(c.abs)])));
  const rels = source.listExports();
  const around = checks.map((c) => neighbours(rels, c.place));
  const keep = new Set([...checks.map((c) => c.rel), ...around.flatMap((n) => (n.previous ? [n.previous] : []))]);
  let loaded;
  try {
    loaded = loadData(source, { keepIndexes: keep });
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    process.stderr.write(`${e.message}\n\n${s.problems(e.problems.length)}\n`);
    return 1;
  }
  // The build also warns about files not checked here; those were seen when they were added.
  const paths = checks.map((c) => placed(c.rel));
  for (const w of loaded.warnings) if (paths.some((p) => w.startsWith(`${p}:`))) process.stdout.write(`warning: ${w}\n`);
  checks.forEach((c, i) => {
    const { previous, next } = around[i];
    const exportAt = (rel: string) => loaded.exports.find((e) => `${e.date}/${e.partnerId}` === rel.replace(/\.(csv|xlsx)$/, ''))!;
    const before = previous ? exportAt(previous) : null;
    const after = exportAt(c.rel);
    // Monthly totals name no completion: then only months can be compared.
    const diff =
      before?.kind === 'totals' || after.kind === 'totals'
        ? compareMonths(before?.cells ?? null, after.cells)
        : compareCompletions(previous ? loaded.indexes.get(previous)! : null, loaded.indexes.get(c.rel)!);
    const lines = changeLines({ path: placed(c.rel), previous: previous && placed(previous), next: next && placed(next), diff }, lang);
    process.stdout.write(`${lines.join('\n')}\n`);
  });
  process.stdout.write(`${totalLine(loaded.aggregates, checks.length, lang)}\n`);
  return 0;
}

/** Returns where each file on the command line belongs, whether it is there already, and where it is. */
function planChecks(files: string[], partner: string | undefined, date: string | undefined, dir: string): Check[] {
  if (files.length === 0) throw new UsageError('name at least one export file');
  const given = partner !== undefined || date !== undefined;
  if (given && (partner === undefined || date === undefined)) throw new UsageError('--partner and --date go together');
  if (given && files.length > 1) throw new UsageError('--partner and --date name the place of one file');
  if (date !== undefined && !isIsoDate(date)) throw new UsageError(`--date ${JSON.stringify(date)} is not a date YYYY-MM-DD`);
  const checks = files.map((file): Check => {
    if (file.endsWith('.xlsx')) throw new UsageError(`${file}: validate reads CSV exports; a workbook is checked by the build (npm run data)`);
    const place = given ? { partnerId: partner!, date: date! } : placeFromPath(file);
    if (!place) throw new UsageError(`${file}: not in a snapshot folder (<YYYY-MM-DD>/<partner>.csv); say where it belongs with --partner and --date`);
    const abs = resolve(file);
    if (!statSync(abs, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`${file}: no such file`);
    const rel = exportRel(place);
    return { file, place, rel, abs, inPlace: abs === join(dir, 'snapshots', rel) };
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
