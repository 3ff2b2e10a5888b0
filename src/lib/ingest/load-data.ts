import { aggregate, type Aggregates } from '../aggregate/aggregate.ts';
import type { Completion } from '../contract/completion.ts';
import { chunksOf, type Encoding, type SnapshotBytes } from './encoding.ts';
import { countLearners, type Learners } from './learners.ts';
import { DataError, type Problem } from '../contract/problems.ts';
import { parseProgramme, type Programme } from '../contract/programme.ts';
import { resolveSnapshots, type PartnerExport, type Resolved } from '../aggregate/resolve-snapshots.ts';
import { SnapshotReader } from './export-reader.ts';
import { releaseIndex, type ExportIndex, type SnapshotContext, type SnapshotRead } from './export-read.ts';
import { planSnapshots, type SnapshotFile } from '../contract/export-files.ts';

/** The only I/O the loader needs; scripts pass the file system, tests pass a map. */
export interface DataSource {
  /** Label used in messages for the data folder, e.g. `data/`. */
  label: string;
  readProgramme(): string;
  /** Paths under `snapshots/`, relative to it, e.g. `2023-12-31/hamk.csv`. */
  listSnapshots(): string[];
  /**
   * Returns the bytes of `snapshots/<rel>`, best as chunks read on demand so no file is held
   * whole. Called a second time for a file that turns out not to be UTF-8.
   */
  readSnapshot(rel: string): SnapshotBytes;
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
}

/** What is known before any export is read: the programme and the exports to read, in order. */
export interface LoadPlan {
  source: DataSource;
  programme: Programme;
  /** Every export, by date then partner: the order results are put together in. */
  files: SnapshotFile[];
  /** Problems with the folder layout itself (names, unknown partners). */
  problems: Problem[];
}

/** What reading one export gives the rest of the pipeline (the id index stays with the reader). */
export interface ExportResult {
  export: PartnerExport;
  problems: Problem[];
  warnings: string[];
  /** The partner's newest export only (see SnapshotRead.learners). */
  learners: Learners | null;
  completions: Completion[] | null;
}

/** Returns the programme and the exports to read, or throws a DataError when programme.json is wrong. */
export function planLoad(source: DataSource): LoadPlan {
  const programmePath = `${source.label}programme.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(source.readProgramme());
  } catch (e) {
    throw new DataError([{ path: programmePath, reason: `not valid JSON: ${(e as Error).message}` }]);
  }
  const programme = parseProgramme(raw, programmePath);
  const { files, problems } = planSnapshots(
    source.listSnapshots(),
    new Set(programme.partners.map((p) => p.id)),
    `${source.label}snapshots/`,
  );
  return { source, programme, files, problems };
}

/**
 * Returns the indexes in `files` of each partner's exports, oldest first, one list a partner in
 * the order partners first appear. A partner's exports are read in that order by one reader,
 * because each is compared with the one before; different partners can be read in any order.
 */
export function partnerGroups(files: readonly SnapshotFile[]): number[][] {
  const groups = new Map<string, number[]>();
  files.forEach((f, i) => {
    const g = groups.get(f.partnerId);
    if (g) g.push(i);
    else groups.set(f.partnerId, [i]);
  });
  return [...groups.values()];
}

/** Reads one partner's exports (`group`, oldest first, from partnerGroups) and returns what each holds, in that order. */
export function readPartnerExports(plan: LoadPlan, group: readonly number[], options: { keepCompletions?: boolean } = {}): ExportResult[] {
  const fieldCodes = plan.programme.fields.map((f) => f.code);
  let previous: ExportIndex | null = null;
  return group.map((i, k) => {
    const f = plan.files[i];
    const isNewest = k === group.length - 1;
    const read: SnapshotRead = readSnapshot(() => plan.source.readSnapshot(`${f.date}/${f.partnerId}.csv`), {
      path: f.path,
      partnerId: f.partnerId,
      snapshotDate: f.date,
      programmeStart: plan.programme.period.start,
      fieldCodes,
      previous,
      keepForNext: !isNewest,
      learners: isNewest,
      keepCompletions: options.keepCompletions === true,
    });
    // Only the next export of the same partner is compared with this one; an index nothing will
    // compare with again is freed at once (at national scale, tens of megabytes).
    if (previous) releaseIndex(previous);
    previous = isNewest ? null : read.index;
    if (isNewest) releaseIndex(read.index);
    return { export: read.export, problems: read.problems, warnings: read.warnings, learners: isNewest ? read.learners : null, completions: read.completions };
  });
}

/**
 * Returns the data set from every export's result (`results[i]` for `plan.files[i]`), or throws a
 * DataError listing every problem, in file order: the same whichever order the exports were read in.
 */
export function combineExports(plan: LoadPlan, results: readonly ExportResult[]): LoadedData<PartnerExport> {
  const { programme, files } = plan;
  const all: Problem[] = [...plan.problems];
  const warnings: string[] = [];
  const exports: PartnerExport[] = [];
  const newestLearners = new Map<string, Learners | null>();
  results.forEach((r, i) => {
    all.push(...r.problems);
    warnings.push(...r.warnings);
    const kept: PartnerExport | ExportWithCompletions = r.completions ? { ...r.export, completions: r.completions } : r.export;
    exports.push(kept);
    // Files come sorted by date, so a partner's last result is its newest export.
    newestLearners.set(files[i].partnerId, r.learners);
  });
  if (all.length > 0) throw new DataError(all);
  const resolved = resolveSnapshots(exports);
  const learners = countLearners(programme, newestLearners);
  return { programme, exports, resolved, aggregates: aggregate(programme, resolved, learners), warnings };
}

/**
 * Returns the programme, every export and the aggregates, or throws a DataError listing all
 * problems. Exports are read one at a time, as streams, and summed as they are read;
 * `keepCompletions` also keeps every completion of every export (small data only: tests).
 */
export function loadData(source: DataSource): LoadedData;
export function loadData(source: DataSource, options: { keepCompletions: true }): LoadedData<ExportWithCompletions>;
export function loadData(source: DataSource, options: { keepCompletions?: boolean } = {}): LoadedData<PartnerExport> {
  const plan = planLoad(source);
  const results: ExportResult[] = new Array(plan.files.length);
  for (const group of partnerGroups(plan.files)) {
    readPartnerExports(plan, group, options).forEach((r, k) => (results[group[k]] = r));
  }
  return combineExports(plan, results);
}

/**
 * Returns what one export holds, reading its bytes chunk by chunk as UTF-8. Bytes that are not
 * UTF-8 anywhere in the file mean it was saved in Windows-1252 (Excel on Windows): the file is
 * read again from the start in that encoding, with a warning. Only such a file is read twice.
 */
export function readSnapshot(open: () => SnapshotBytes, ctx: SnapshotContext): SnapshotRead {
  const encodings: Encoding[] = ['utf-8', 'windows-1252'];
  for (const encoding of encodings) {
    const reader = new SnapshotReader(ctx, encoding);
    for (const chunk of chunksOf(open())) {
      reader.push(chunk);
      if (reader.notUtf8) break;
    }
    const read = reader.notUtf8 ? null : reader.end();
    if (read === null || reader.notUtf8) continue;
    if (encoding !== 'utf-8') {
      read.warnings.unshift(`${ctx.path}: not valid UTF-8, so read as Windows-1252 (as Excel saves CSV on Windows); check that "ä", "ö" and "å" look right, or save the file as CSV UTF-8`);
    }
    return read;
  }
  throw new Error('unreachable: every byte is a Windows-1252 character');
}
