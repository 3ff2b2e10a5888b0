import type { PartnerExport } from '../contract/partner-export.ts';
import { columnLabel, DataError, type Problem } from '../contract/problems.ts';
import type { Programme } from '../contract/programme.ts';
import { isIsoDate } from '../dates.ts';
import { problemText, type Say } from '../i18n/problem-text.ts';
import { compareMonths, type ExportDiff } from '../ingest/compare-exports.ts';
import { readExports } from '../ingest/read-exports.ts';
import { fileWarnings, type PlausibilityWarning } from './plausibility.ts';
import { ruleOf, type RuleId } from './problem-rules.ts';
import type { Workbook } from '../ingest/workbook.ts';

/** What the dashboard publishes that a checked file is compared with (embedded in the checker page). */
export interface Published {
  asOf: string;
  targetCredits: number;
  totalCredits: number;
  percentOfTarget: number;
  /** monthly.csv's rows: credits as published (a number of credits, not hundredths). */
  monthly: readonly PublishedMonth[];
}

/** One row of monthly.csv: a partner's credits and completions of one month in one field. */
interface PublishedMonth {
  month: string;
  partner: string;
  fieldCode: number;
  credits: number;
  completions: number;
}

/** One file a person picked, with the place they say it belongs. */
interface FileToCheck {
  /** The name they gave it (`hamk.csv`): every message names it. */
  name: string;
  partnerId: string;
  /** ISO date of the snapshot. */
  date: string;
  /** A CSV file's bytes. */
  bytes?: Uint8Array;
  /** A workbook, already read (reading one is asynchronous; see readWorkbook). */
  workbook?: Workbook;
  /** The checker's day (YYYY-MM-DD): a snapshot date after it is refused, as the build refuses it. */
  today?: string;
}

/** Problems of one rule: how many, and the first few, in the chosen language. */
interface ProblemGroup {
  /**
   * The rule as a heading in the language `say` speaks, with a capital: `Sarake credits: pitää
   * olla suurempi kuin 0`, `Lainausmerkit väärin`. A rule not in problem-rules.ts is named by its
   * first problem's words with the values left out.
   */
  heading: string;
  /** The rule's id where it is a known one (its name in each language: `check.rule.<id>`). */
  ruleId: RuleId | null;
  /** The column the problems are in, if one. */
  column: string | null;
  count: number;
  first: string[];
}

/** What checking one file found. */
export interface FileCheck {
  /** Every problem in the chosen language (`hamk.csv:7: credits: …`), in file order. */
  problems: string[];
  groups: ProblemGroup[];
  warnings: string[];
  /** A month far above the partner's usual ones, a total below the published one (none when the file has problems). */
  plausibility: PlausibilityWarning[];
  /** Against what is published for the partner (null when the file has problems). */
  diff: ExportDiff | null;
  /** The programme's total (credits) with the file in place of the partner's published data. */
  newTotal: number | null;
  newPercent: number | null;
}

/**
 * Returns the bytes in pieces as a file on disk is read: the CSV reader keeps one piece of text at
 * a time, and a whole file as one piece made the check of 100 000 rows over a third slower.
 */
function* chunksOf(bytes: Uint8Array, size = 1 << 16): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Problems of each rule shown in full; the rest are counted. */
const GROUP_FIRST = 5;

/**
 * Returns what the build would say of one export, read by the build's own reader from a data
 * source that holds only it, each problem in the language `say` speaks, and (when it is good)
 * what it changes against the published data: month × field by month × field, as either side may
 * be monthly totals. Pure: the page and the tests call it alike.
 */
export function checkFile(programme: Programme, file: FileToCheck, published: Published, say: Say): FileCheck {
  const format = file.workbook ? 'xlsx' : 'csv';
  const rel = `${file.date}/${file.partnerId}.${format}`;
  const source = {
    label: '',
    readProgramme: () => JSON.stringify(programme),
    listExports: () => [rel],
    readExport: () => chunksOf(file.bytes ?? new Uint8Array()),
    ...(file.workbook ? { readWorkbook: () => file.workbook! } : {}),
    pathOf: () => file.name,
    ...(file.today === undefined ? {} : { today: file.today }),
  };
  let exported: PartnerExport;
  let warnings: Problem[];
  try {
    // Every problem kept, so that each rule's count is true.
    const loaded = readExports(source, { problemCap: Infinity, learnerIds: false });
    [exported, warnings] = [loaded.exports[0], loaded.warningProblems];
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return { problems: e.problems.map((p) => problemText(p, say)), groups: groupProblems(e.problems, say), warnings: e.warnings.map((w) => problemText(w, say)), plausibility: [], diff: null, newTotal: null, newPercent: null };
  }
  const before = published.monthly
    .filter((m) => m.partner === file.partnerId)
    .map((m) => ({ completedOn: `${m.month}-01`, fieldCode: m.fieldCode, credits: Math.round(m.credits * 100), completions: m.completions }));
  const diff = compareMonths(before, exported.cells);
  const newTotal = (Math.round(published.totalCredits * 100) + diff.net) / 100;
  // The published months stand for the partner's previous export: a file that drops most of them
  // (an export query that returned nothing) passes every rule, and is still not what anyone meant to send.
  const plausibility = fileWarnings(
    { path: `monthly.csv (${published.asOf})`, date: published.asOf, partnerId: file.partnerId, credits: before.reduce((sum, c) => sum + c.credits, 0), cells: before },
    { path: file.name, date: file.date, partnerId: file.partnerId, credits: exported.credits, cells: exported.cells },
  );
  return { problems: [], groups: [], warnings: warnings.map((w) => problemText(w, say)), plausibility, diff, newTotal, newPercent: Math.round((newTotal / published.targetCredits) * 1000) / 10 };
}

/**
 * Returns the problems grouped by rule, in the order each rule is first met, each in the language
 * `say` speaks: a rule is a column and a known rule (problem-rules.ts), or else a reason's strings
 * key (its wording with the values left out), so `credits: must be greater than 0: "0"` on line 7
 * and `"-1"` on line 9 are one rule.
 */
export function groupProblems(problems: readonly Problem[], say: Say): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const ruleId = ruleOf(p);
    // The file's own heading too: validate groups several files, which may name one column differently.
    const key = `${p.column ?? ''}|${p.header ?? ''}|${ruleId ?? p.key ?? p.reason}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { heading: ruleHeading(p, ruleId, say), ruleId, column: p.column ?? null, count: 0, first: [] };
    }
    g.count++;
    if (g.first.length < GROUP_FIRST) g.first.push(problemText(p, say));
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** Returns a rule's heading: its column and its name, or the problem's own words (see ProblemGroup). */
function ruleHeading(p: Problem, ruleId: RuleId | null, say: Say): string {
  const reason = p.key === undefined ? p.reason : say(p.key, p.params);
  const name = ruleId === null ? reason : say(`check.rule.${ruleId}`);
  const column = columnLabel(p);
  const heading = column === undefined ? name : ruleId === null ? `${column}: ${name}` : say('check.ruleColumn', { column, rule: name });
  // A rule's name is worded to follow "Column x:"; standing alone it starts a heading.
  return heading.charAt(0).toUpperCase() + heading.slice(1);
}

/**
 * Returns the partner and the snapshot date a file's name says, where it says them: the date as
 * a folder or part of the name (`2024-01-31/hamk.csv`, `2024-01-31_hamk.xlsx`), the partner as
 * the name (`hamk.csv`) or a word of it (`hamk-tammikuu.csv`). Null where the name does not say.
 */
export function placeFromName(name: string, partnerIds: readonly string[]): { partnerId: string | null; date: string | null } {
  const date = [...name.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => m[0]).find(isIsoDate) ?? null;
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/\.(csv|xlsx)$/i, '').toLowerCase();
  const word = (id: string) => new RegExp(`(^|[^a-z0-9])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`).test(base);
  // The longest id first, so that `haaga-helia` is not read as another partner named `haaga`.
  const partnerId = partnerIds.includes(base) ? base : ([...partnerIds].sort((a, b) => b.length - a.length).find(word) ?? null);
  return { partnerId, date };
}
