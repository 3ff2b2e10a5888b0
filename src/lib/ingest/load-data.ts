import { aggregate, type Aggregates } from '../aggregate/aggregate.ts';
import { resolveSnapshots, type PartnerExport, type Resolved } from '../aggregate/resolve-snapshots.ts';
import type { Completion } from '../contract/completion.ts';
import { planExports, type ExportFile } from '../contract/export-files.ts';
import { DataError, type Problem } from '../contract/problems.ts';
import { parseProgramme, type Programme } from '../contract/programme.ts';
import type { ExportBytes } from './decode.ts';
import type { ExportIndex } from './export-read.ts';
import { readExport } from './export-reader.ts';
import { countLearners, type Learners } from './learners.ts';

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
}

/** A partner export with every completion kept (see `loadData`'s `keepCompletions`). */
export type ExportWithCompletions = PartnerExport & { completions: Completion[] };

export interface LoadedData<E extends PartnerExport = PartnerExport> {
  programme: Programme;
  exports: E[];
  resolved: Resolved;
  aggregates: Aggregates;
  /** Things a coordinator should look at that do not stop the build (encoding, corrections). */
  warnings: string[];
  /** The rows of each export named in `keepIndexes` (`<date>/<partner>.csv`), for comparing two exports. */
  indexes: Map<string, ExportIndex>;
}

export interface LoadOptions {
  /** Keep every completion of every export (small data only: tests). */
  keepCompletions?: boolean;
  /** Exports (`<date>/<partner>.csv`) whose ids, credits and dates to return, e.g. to show what one changed. */
  keepIndexes?: ReadonlySet<string>;
}

/**
 * Returns the programme, every export and the aggregates, or throws a DataError listing all
 * problems (every file's, in file order). Exports are read one at a time, by snapshot date, as
 * streams, and summed as they are read; each is compared with the same partner's previous export.
 */
export function loadData(source: DataSource, options?: LoadOptions & { keepCompletions?: false }): LoadedData;
export function loadData(source: DataSource, options: LoadOptions & { keepCompletions: true }): LoadedData<ExportWithCompletions>;
export function loadData(source: DataSource, options: LoadOptions = {}): LoadedData<PartnerExport> {
  const programme = readProgramme(source);
  const { files, problems: layout } = planExports(source.listExports(), new Set(programme.partners.map((p) => p.id)), `${source.label}snapshots/`);
  const problems: Problem[] = [...layout];
  const warnings: string[] = [];
  const exports: PartnerExport[] = [];
  const newest = newestOfEach(files);
  const previous = new Map<string, ExportIndex>();
  const learners = new Map<string, Learners | null>();
  const indexes = new Map<string, ExportIndex>();
  for (const f of files) {
    const isNewest = newest.get(f.partnerId) === f;
    const rel = `${f.date}/${f.partnerId}.csv`;
    const keepIndex = options.keepIndexes?.has(rel) === true;
    const read = readExport(() => source.readExport(rel), {
      path: f.path,
      partnerId: f.partnerId,
      snapshotDate: f.date,
      programmeStart: programme.period.start,
      fieldCodes: programme.fields.map((x) => x.code),
      previous: previous.get(f.partnerId) ?? null,
      keepForNext: !isNewest || keepIndex,
      learners: isNewest,
      keepCompletions: options.keepCompletions === true,
    });
    // Only the next export of the same partner is compared with this one.
    if (isNewest) previous.delete(f.partnerId);
    else previous.set(f.partnerId, read.index);
    if (isNewest) learners.set(f.partnerId, read.learners);
    if (keepIndex) indexes.set(rel, read.index);
    problems.push(...read.problems);
    warnings.push(...read.warnings);
    const kept: PartnerExport | ExportWithCompletions = read.completions ? { ...read.export, completions: read.completions } : read.export;
    exports.push(kept);
  }
  if (problems.length > 0) throw new DataError(problems);
  const resolved = resolveSnapshots(exports);
  return { programme, exports, resolved, aggregates: aggregate(programme, resolved, countLearners(programme, learners)), warnings, indexes };
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
