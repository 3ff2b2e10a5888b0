import type { Completion } from '../contract/completion.ts';
import { planExports, type ExportFile } from '../contract/export-files.ts';
import { DataError, formatProblem, type Problem } from '../contract/problems.ts';
import type { PartnerExport } from '../contract/partner-export.ts';
import { parseProgramme, type Programme } from '../contract/programme.ts';
import type { ExportBytes } from './decode.ts';
import type { ExportContext, ExportIndex, ExportRead } from './export-read.ts';
import { readCompletions } from './export-reader.ts';
import { problemOf } from './file-problems.ts';
import type { Learners } from './learners.ts';
import { monthWarnings } from './change-warnings.ts';
import { compareMonths } from './compare-exports.ts';
import { sniffKind } from './read-csv.ts';
import { readTotals } from './totals-reader.ts';
import type { Workbook } from './workbook.ts';
import { readWorkbookExport } from './workbook-reader.ts';

/** The only I/O the loader needs; scripts pass the file system, tests pass a map. */
export interface DataSource {
  /** Label used in messages for the data folder, e.g. `data/`. */
  label: string;
  readProgramme(): string;
  /** Every file under `snapshots/`, relative to it, e.g. `2023-12-31/hamk.csv`. */
  listExports(): string[];
  /**
   * Returns the bytes of `snapshots/<rel>`, best as chunks read on demand so no file is held
   * whole. Called a second time for a file that turns out not to be UTF-8.
   */
  readExport(rel: string): ExportBytes;
  /**
   * Returns the sheets of the workbook `snapshots/<rel>` (an .xlsx export). A source without it
   * reads no workbooks: each is then a problem.
   */
  readWorkbook?(rel: string): Workbook;
  /**
   * Returns the path messages name for `snapshots/<rel>`: the file as the person gave it
   * (`~/Downloads/a.csv`), where it is not yet in place. `<label>snapshots/<rel>` when absent.
   */
  pathOf?(rel: string): string;
  /**
   * The day the data is read (YYYY-MM-DD, by the reader's clock): a snapshot folder dated more than
   * a day after it is refused (export-files.ts planExports). Absent where no clock is asked (tests).
   */
  today?: string;
  /**
   * Returns the export files (.csv, .xlsx) in the data folder but outside `snapshots/`, relative
   * to the folder, e.g. `2024-01-31/hamk.csv`: the build reads none of them, so each is a problem.
   */
  listOutside?(): string[];
}

/** A partner export with every completion kept (see `readExports`' `keepCompletions`). */
export type ExportWithCompletions = PartnerExport & { completions: Completion[] };

/** Every export of a data folder, read and checked; nothing summed across exports yet. */
export interface ReadExports<E extends PartnerExport = PartnerExport> {
  programme: Programme;
  exports: E[];
  /** The distinct learners of each partner's newest export; null where that export has no learner ids. */
  learners: Map<string, Learners | null>;
  /** Things a coordinator should look at that do not stop the build (encoding, corrections), as the build prints them. */
  warnings: string[];
  /** The same warnings located and worded as problems are, to say them in any language (problem-text.ts). */
  warningProblems: Problem[];
  /** The file each export was read from, as messages name it (`data/snapshots/2023-12-31/hamk.csv`), by index. */
  paths: string[];
  /**
   * The rows of each export named in `keepIndexes` (`<date>/<partner>.csv`), for comparing two
   * exports; of a monthly-totals export, its month × field rows (ids `2023-10 7`, no credits or days).
   */
  indexes: Map<string, ExportIndex>;
}

export interface ReadOptions {
  /** Keep every completion of every export (small data only: tests). */
  keepCompletions?: boolean;
  /** Exports (`<date>/<partner>.csv`) whose ids, credits and dates to return, e.g. to show what one changed. */
  keepIndexes?: ReadonlySet<string>;
  /** Problems kept per file before the rest are only counted (PROBLEM_CAP when absent). */
  problemCap?: number;
  /**
   * False: collect no learner ids, only warn of empty ones (a check that publishes no counts,
   * such as the checker page; collecting ids cost as much as parsing there). Learner counts are then null.
   */
  learnerIds?: boolean;
}

/** Returns a problem for each export file in the data folder but outside `snapshots/`, where nothing reads it. */
export function outsideSnapshots(source: Pick<DataSource, 'label' | 'listOutside'>): Problem[] {
  const folder = `${source.label}snapshots/`;
  return (source.listOutside?.() ?? []).map((rel) => problemOf(`${source.label}${rel}`, undefined, undefined, { key: 'problem.outsideSnapshots', params: { folder } }));
}

/**
 * Returns the programme and every export, or throws a DataError listing all problems (every
 * file's, in file order). Exports are read one at a time, by snapshot date, as streams, and summed
 * into day cells as they are read; each is compared with the same partner's previous export.
 */
export function readExports(source: DataSource, options?: ReadOptions & { keepCompletions?: false }): ReadExports;
export function readExports(source: DataSource, options: ReadOptions & { keepCompletions: true }): ReadExports<ExportWithCompletions>;
export function readExports(source: DataSource, options?: ReadOptions): ReadExports;
export function readExports(source: DataSource, options: ReadOptions = {}): ReadExports {
  const programme = readProgramme(source);
  const { files, problems: layout } = planExports(source.listExports(), new Set(programme.partners.map((p) => p.id)), `${source.label}snapshots/`, source.today);
  const problems: Problem[] = [...outsideSnapshots(source), ...layout.map((p) => problemOf(p.path, undefined, undefined, p.reason))];
  const warnings: Problem[] = [];
  const exports: PartnerExport[] = [];
  const newest = newestOfEach(files);
  // Each partner's export before the one being read, to compare it with.
  const previous = new Map<string, { index: ExportIndex; export: PartnerExport; path: string }>();
  const learners = new Map<string, Learners | null>();
  const indexes = new Map<string, ExportIndex>();
  for (const f of files) {
    const isNewest = newest.get(f.partnerId) === f;
    const keepIndex = options.keepIndexes?.has(f.rel) === true;
    const before = previous.get(f.partnerId);
    const path = source.pathOf?.(f.rel) ?? f.path;
    const read = readOne(source, f, {
      path,
      partnerId: f.partnerId,
      snapshotDate: f.date,
      programmeStart: programme.period.start,
      fieldCodes: programme.fields.map((x) => x.code),
      // Completion ids are compared only between two exports of completions.
      previous: before?.export.kind === 'totals' ? null : (before?.index ?? null),
      keepForNext: !isNewest || keepIndex,
      learners: isNewest,
      keepCompletions: options.keepCompletions === true,
      ...(options.problemCap === undefined ? {} : { problemCap: options.problemCap }),
      ...(options.learnerIds === false ? { learnerIds: false } : {}),
    });
    // Only the next export of the same partner is compared with this one.
    if (isNewest) previous.delete(f.partnerId);
    else previous.set(f.partnerId, { index: read.index, export: read.export, path });
    if (isNewest) learners.set(f.partnerId, read.learners);
    if (keepIndex) indexes.set(f.rel, read.index);
    problems.push(...read.problems);
    warnings.push(...read.warnings);
    if (before && read.problems.length === 0 && (read.export.kind === 'totals' || before.export.kind === 'totals')) {
      const diff = compareMonths(before.export.cells, read.export.cells);
      warnings.push(...monthWarnings(diff, { path, sheet: read.index.sheet, lines: read.lines }, before.path, before.export.date));
    }
    const kept: PartnerExport | ExportWithCompletions = read.completions ? { ...read.export, completions: read.completions } : read.export;
    exports.push(kept);
  }
  if (problems.length > 0) throw new DataError(problems, warnings);
  // One export was read from each file, in file order, named as messages name it.
  const paths = files.map((f) => source.pathOf?.(f.rel) ?? f.path);
  return { programme, exports, learners, warnings: warnings.map(formatProblem), warningProblems: warnings, paths, indexes };
}

/**
 * Returns what one export holds, read by the reader of its format and kind: a workbook by its
 * first sheet; a CSV file as monthly totals or completions, as its header row says.
 */
function readOne(source: DataSource, f: ExportFile, ctx: ExportContext): ExportRead {
  if (f.format === 'xlsx') {
    const book = source.readWorkbook?.(f.rel) ?? { sheets: [], unreadable: { why: 'noReader' } };
    return readWorkbookExport(book, ctx);
  }
  const open = () => source.readExport(f.rel);
  return sniffKind(open()) === 'totals' ? readTotals(open, ctx) : readCompletions(open, ctx);
}

/** Returns programme.json checked against the contract, or throws a DataError naming what is wrong. */
function readProgramme(source: DataSource): Programme {
  const path = `${source.label}programme.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(source.readProgramme());
  } catch (e) {
    throw new DataError([{ path, reason: `not valid JSON: ${(e as Error).message}` }]);
  }
  return parseProgramme(raw, path);
}

/** Returns each partner's newest export (files come sorted by date). */
function newestOfEach(files: readonly ExportFile[]): Map<string, ExportFile> {
  return new Map(files.map((f) => [f.partnerId, f]));
}
