import { aggregate, type Aggregates } from './aggregate.ts';
import type { Completion } from './completion.ts';
import { chunksOf, type Encoding, type SnapshotBytes } from './encoding.ts';
import { countLearners, type Learners } from './learners.ts';
import { DataError, type Problem } from './problems.ts';
import { parseProgramme, type Programme } from './programme.ts';
import { resolveSnapshots, type PartnerExport, type Resolved } from './resolve-snapshots.ts';
import { SnapshotReader } from './snapshot-csv.ts';
import type { ExportIndex, SnapshotContext, SnapshotRead } from './snapshot-read.ts';
import { planSnapshots } from './snapshot-plan.ts';

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

/**
 * Returns the programme, every export and the aggregates, or throws a DataError listing all
 * problems. Exports are read one at a time, as streams, and summed as they are read;
 * `keepCompletions` also keeps every completion of every export (small data only: tests).
 */
export function loadData(source: DataSource): LoadedData;
export function loadData(source: DataSource, options: { keepCompletions: true }): LoadedData<ExportWithCompletions>;
export function loadData(source: DataSource, options: { keepCompletions?: boolean } = {}): LoadedData<PartnerExport> {
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
  const fieldCodes = programme.fields.map((f) => f.code);
  // Files come sorted by date, so a partner's last file is its newest export.
  const newest = new Map(files.map((f, i) => [f.partnerId, i]));
  const previous = new Map<string, ExportIndex>();
  const newestLearners = new Map<string, Learners | null>();
  const exports: PartnerExport[] = [];
  const warnings: string[] = [];
  const all: Problem[] = [...problems];
  files.forEach((f, i) => {
    const isNewest = newest.get(f.partnerId) === i;
    const read = readSnapshot(() => source.readSnapshot(`${f.date}/${f.partnerId}.csv`), {
      path: f.path,
      partnerId: f.partnerId,
      snapshotDate: f.date,
      programmeStart: programme.period.start,
      fieldCodes,
      previous: previous.get(f.partnerId) ?? null,
      learners: isNewest,
      keepCompletions: options.keepCompletions === true,
    });
    all.push(...read.problems);
    warnings.push(...read.warnings);
    const kept: PartnerExport | ExportWithCompletions = read.completions ? { ...read.export, completions: read.completions } : read.export;
    exports.push(kept);
    // Only the next export of the same partner is compared with this one; the newest has none.
    if (isNewest) {
      previous.delete(f.partnerId);
      newestLearners.set(f.partnerId, read.learners);
    } else previous.set(f.partnerId, read.index);
  });
  if (all.length > 0) throw new DataError(all);
  const resolved = resolveSnapshots(exports);
  const learners = countLearners(programme, newestLearners);
  return { programme, exports, resolved, aggregates: aggregate(programme, resolved, learners), warnings };
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
