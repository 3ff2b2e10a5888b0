// Plausibility warnings: an export can pass every rule of the contract and still be wrong. Four
// simple rules, each explainable in a sentence (the method page says them): a month far above the
// partner's usual months, a partner's total that fell since its previous export, an export that has
// lost half or more of the previous one's completions (another partner's file, or part of one), and
// a reporting round in which a partner that reported before sent nothing. They warn; they never stop a build.
import type { Lang } from '../contract/programme.ts';
import { centiToNumber, type Centi } from '../credits.ts';
import { monthOf, monthRange } from '../dates.ts';
import { formatter } from '../format.ts';
import type { Say } from '../i18n/problem-text.ts';
import type { ReadExports } from '../ingest/read-exports.ts';
import { reportingRounds, roundMonthEnd, ROUND_GAP_DAYS } from './rounds.ts';

/** What the rules read of one export (a partner export with the path it was read from). */
export interface PlausibilityExport {
  /** As messages name it, e.g. `data/snapshots/2023-12-31/hamk.csv`. */
  path: string;
  date: string;
  partnerId: string;
  credits: Centi;
  cells: readonly { completedOn: string; credits: Centi }[];
  /** Its completions, and how many of the partner's previous export's it withdrew (absent for monthly totals: no ids). */
  count?: number;
  withdrawn?: number;
}

/** A month above this many times the partner's median month is far outside its usual months. */
export const OUTLIER_RATIO = 5;
/** The median says what is usual only over a year of months or more, so that term-end peaks count as usual. */
export const OUTLIER_MIN_MONTHS = 12;
/** An export that withdraws at least this share of the previous export's completions has likely replaced it with other data. */
export const REPLACED_SHARE = 0.5;
/** Months the previous export must have before a change to REPLACED_SHARE of them says more than late registrations do. */
export const RESHAPED_MIN_MONTHS = 6;

/**
 * One warning in no language yet: the file (or folder) it names, its strings key, and the values
 * its sentence names. Numbers are formatted in the reader's language (to one decimal, format.ts);
 * months, ids and paths stay as the files write them.
 */
export interface PlausibilityWarning {
  path: string;
  key: 'warning.plausibility.outlier' | 'warning.plausibility.fell' | 'warning.plausibility.replaced' | 'warning.plausibility.reshaped' | 'warning.plausibility.missing';
  values: Readonly<Record<string, string | number>>;
  /** The months whose credits fell, with how much (a total that fell). */
  fell?: readonly (readonly [month: string, credits: number])[];
  /** The partners missing from a round, each with its latest export before it. */
  missing?: readonly (readonly [partner: string, latest: string])[];
}

/**
 * Returns a warning as `path: sentence` in the language `say` speaks, numbers as `lang` writes
 * them: the build prints English, `npm run validate --lang` and the checker page the one asked for.
 */
export function plausibilityText(w: PlausibilityWarning, say: Say, lang: Lang): string {
  const f = formatter(lang);
  const values: Record<string, string> = Object.fromEntries(Object.entries(w.values).map(([k, v]) => [k, typeof v === 'number' ? f.number(v) : v]));
  if (w.fell) values.fell = w.fell.map(([m, d]) => `${m} (${f.number(d)})`).join(', ');
  if (w.missing) values.partners = f.list(w.missing.map(([partner, latest]) => `${partner} (${latest})`));
  return `${w.path}: ${say(w.key, values)}`;
}

const num = (c: Centi) => centiToNumber(c);

/** Returns every plausibility warning, in the order of the rules, each naming its file and month. */
export function plausibilityWarnings(exports: readonly PlausibilityExport[]): PlausibilityWarning[] {
  const sorted = [...exports].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.partnerId < b.partnerId ? -1 : 1));
  return [...outlierMonths(sorted), ...fallenTotals(sorted), ...replacedExports(sorted), ...reshapedExports(sorted), ...missingFromRounds(sorted)];
}

/**
 * Returns the warnings of one file checked alone against the partner's data before it (the
 * checker page: what the dashboard publishes): a month far above its usual months, a total that fell.
 */
export function fileWarnings(before: PlausibilityExport, file: PlausibilityExport): PlausibilityWarning[] {
  return [...outlierMonths([file]), ...fallenTotals([before, file]), ...[reshaped(file, before)].filter((w) => w !== null)];
}

/** Returns the plausibility warnings of a loaded data folder (each export with the file it came from). */
export function plausibilityOf(loaded: Pick<ReadExports, 'exports' | 'paths'>): PlausibilityWarning[] {
  return plausibilityWarnings(
    loaded.exports.map((e, i) => ({ path: loaded.paths[i], date: e.date, partnerId: e.partnerId, credits: e.credits, cells: e.cells, count: e.count, withdrawn: e.change?.withdrawn })),
  );
}

/** Returns an export's credits by month (hundredths). */
function byMonth(e: PlausibilityExport): Map<string, Centi> {
  const m = new Map<string, Centi>();
  for (const c of e.cells) m.set(monthOf(c.completedOn), (m.get(monthOf(c.completedOn)) ?? 0) + c.credits);
  return m;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Rule 1, on each partner's newest export (its truth now): every month from its first to its last
 * with credits, empty months included, gives the median month; a month above OUTLIER_RATIO × that
 * median is named, with how many times the median it is.
 */
function outlierMonths(sorted: readonly PlausibilityExport[]): PlausibilityWarning[] {
  const newest = new Map(sorted.map((e) => [e.partnerId, e]));
  const out: PlausibilityWarning[] = [];
  for (const e of [...newest.values()].sort((a, b) => (a.partnerId < b.partnerId ? -1 : 1))) {
    const m = byMonth(e);
    const filled = [...m.keys()].filter((k) => (m.get(k) ?? 0) > 0).sort();
    if (filled.length === 0) continue;
    const months = monthRange(filled[0], filled[filled.length - 1]);
    if (months.length < OUTLIER_MIN_MONTHS) continue;
    const mid = median(months.map((k) => m.get(k) ?? 0));
    if (mid <= 0) continue;
    for (const k of months) {
      const c = m.get(k) ?? 0;
      if (c > OUTLIER_RATIO * mid)
        out.push({
          path: e.path,
          key: 'warning.plausibility.outlier',
          values: { month: k, credits: num(c), ratio: c / mid, partner: e.partnerId, median: num(mid), months: months.length, from: months[0], to: months[months.length - 1], rule: OUTLIER_RATIO },
        });
    }
  }
  return out;
}

/** Returns what `judge` says of each export beside the same partner's export before it, where it says something. */
function againstPrevious(sorted: readonly PlausibilityExport[], judge: (e: PlausibilityExport, before: PlausibilityExport) => PlausibilityWarning | null): PlausibilityWarning[] {
  const previous = new Map<string, PlausibilityExport>();
  const out: PlausibilityWarning[] = [];
  for (const e of sorted) {
    const before = previous.get(e.partnerId);
    previous.set(e.partnerId, e);
    const w = before ? judge(e, before) : null;
    if (w) out.push(w);
  }
  return out;
}

/** Rule 2: a partner's export whose total is below its previous export's, with the months that fell. */
function fallenTotals(sorted: readonly PlausibilityExport[]): PlausibilityWarning[] {
  return againstPrevious(sorted, (e, before) => {
    if (e.credits >= before.credits) return null;
    const now = byMonth(e);
    const then = byMonth(before);
    const fell = [...then.keys()]
      .sort()
      .map((k) => [k, (now.get(k) ?? 0) - (then.get(k) ?? 0)] as const)
      .filter(([, d]) => d < 0)
      .map(([k, d]) => [k, num(d)] as const);
    return {
      path: e.path,
      key: 'warning.plausibility.fell',
      values: { partner: e.partnerId, before: num(before.credits), after: num(e.credits), change: num(e.credits - before.credits), previous: before.path },
      fell,
    };
  });
}

/**
 * Rule 3: an export without half or more of the completions (by completion_id) of the partner's
 * previous export: another partner's file sent in its place, or an export query that returned part.
 * The total may even have grown, so rule 2 does not see it.
 */
function replacedExports(sorted: readonly PlausibilityExport[]): PlausibilityWarning[] {
  return againstPrevious(sorted, (e, before) =>
    before.count && e.withdrawn !== undefined && e.withdrawn >= REPLACED_SHARE * before.count
      ? { path: e.path, key: 'warning.plausibility.replaced', values: { partner: e.partnerId, withdrawn: e.withdrawn, before: before.count, previous: before.path } }
      : null,
  );
}

/**
 * Rule 3 where completions have no ids to compare (monthly totals; the checker page, which sees
 * only the published months): half or more of the previous export's months (of RESHAPED_MIN_MONTHS
 * or more) change at once. Late registrations and corrections touch a few recent months; another
 * partner's file sent in place of a partner's own touches nearly all, and its total may grow: the
 * checker page had said "Ei ongelmia" of Laurea's export sent as HAMK's.
 */
function reshapedExports(sorted: readonly PlausibilityExport[]): PlausibilityWarning[] {
  return againstPrevious(sorted, (e, before) => (e.withdrawn === undefined ? reshaped(e, before) : null));
}

/** Returns rule 3's warning for one export without ids against the one before it (see reshapedExports), or null. */
function reshaped(e: PlausibilityExport, before: PlausibilityExport): PlausibilityWarning | null {
  const now = byMonth(e);
  const then = [...byMonth(before)].filter(([, c]) => c !== 0);
  const changed = then.filter(([month, c]) => (now.get(month) ?? 0) !== c).length;
  if (then.length < RESHAPED_MIN_MONTHS || changed < REPLACED_SHARE * then.length) return null;
  return { path: e.path, key: 'warning.plausibility.reshaped', values: { partner: e.partnerId, changed, months: then.length, previous: before.path } };
}

/**
 * Rule 4: in each reporting round (rounds.ts), the partners with an export in an earlier round and
 * none in this one are named in one warning, each with its latest file. One warning a partner had
 * said the rule four times over while a round was coming in (about 350 characters each).
 */
function missingFromRounds(sorted: readonly PlausibilityExport[]): PlausibilityWarning[] {
  const rounds = reportingRounds(sorted);
  const newest = new Map<string, PlausibilityExport>();
  const out: PlausibilityWarning[] = [];
  for (const round of rounds) {
    const present = new Set(round.map((e) => e.partnerId));
    const first = round[0].date;
    const last = round[round.length - 1];
    const folder = last.path.slice(0, last.path.lastIndexOf('/') + 1);
    const missing = [...newest].filter(([partner]) => !present.has(partner)).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    if (missing.length > 0)
      out.push({
        path: folder,
        key: 'warning.plausibility.missing',
        values: { month: monthOf(roundMonthEnd(last.date)), round: first === last.date ? first : `${first}–${last.date}`, gap: ROUND_GAP_DAYS },
        missing: missing.map(([partner, before]) => [partner, before.path] as const),
      });
    for (const e of round) newest.set(e.partnerId, e);
  }
  return out;
}
