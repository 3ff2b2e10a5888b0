// The projection scorecard as the method page and the report show it: how each method did when
// re-run on the programme's own history, which one is used and why, its lean and its coverage.
import { BENCHMARK, CANDIDATES, CHALLENGER, DEFAULTS } from '../projection/candidates.ts';
import { round1 } from '../projection/backtest.ts';
import type { MethodId, Projection, ScorecardRow } from '../projection/types.ts';
import { formatter, type Formatter } from '../format.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../contract/programme.ts';
import { columnsIn, type TableModel } from './tables.ts';

interface ScorecardView {
  /** One row per method, in the order of projection-methods.csv. */
  table: TableModel;
  /** Which method is used, and why. */
  chosen: string;
  /** How far the other compared methods missed, against the chosen one; null when none was. */
  versus: string | null;
  /** The methods the history is still too short to re-run; null when every one could be. */
  notCompared: string | null;
  /**
   * Why the chosen method is kept though seasonal naive, the benchmark, missed less on its backtests;
   * null when it did not (a rule may not pick a method ranked below the benchmark without saying why).
   */
  belowBenchmark: string | null;
  /** The chosen method's average lean in words; null without backtests. */
  lean: string | null;
  /** The chosen method's measured coverage next to the claimed 80 %; null without backtests. */
  coverage: string | null;
  /**
   * That seasonal share projected exactly what seasonal naive did in every backtest (a history of
   * under two years gives it one year's shares, i.e. last year's months), so the combination counted
   * last year's months twice there; null when they differed.
   */
  twins: string | null;
}

/** Returns the text with its first letter in upper case, for a name that starts a list item or a cell. */
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Returns a method's name in a language, lower case, as a table cell starts it ("seasonal share"). */
function methodName(lang: Lang, id: MethodId): string {
  return t(lang, `method.name.${id}`);
}

/** Returns a method's name as a table cell gives it: "Seasonal share". */
export function methodCell(lang: Lang, id: MethodId): string {
  return capitalised(methodName(lang, id));
}

/** Returns a method's name in quotes, as a sentence names it: "“same month a year earlier”" reads as a name. */
export function quotedName(lang: Lang, id: MethodId): string {
  return t(lang, 'method.quoted', { method: methodName(lang, id) });
}

/** Returns the seasonal candidates in the order they are compared, each with its name and how it projects. */
export function methodList(lang: Lang): { name: string; text: string }[] {
  // The fallback is no candidate: it runs only when none can, and the page explains it on its own.
  const seasonal = (id: MethodId): id is Exclude<MethodId, 'recent-average'> => id !== 'recent-average';
  return CANDIDATES.map((c) => c.id)
    .filter(seasonal)
    .map((id) => ({ name: capitalised(methodName(lang, id)), text: t(lang, `method.candidate.${id}`) }));
}

/** Returns the selection rule in one paragraph, naming the defaults and the history the first one needs. */
export function selectionRule(lang: Lang): string {
  const [first, second] = DEFAULTS;
  return t(lang, 'method.selection.rule', {
    default: quotedName(lang, first.id),
    fallback: quotedName(lang, second.id),
    months: first.minMonths,
    challenger: quotedName(lang, CHALLENGER.id),
    benchmark: quotedName(lang, BENCHMARK.id),
  });
}

/** Returns the report's account of the method in brief: which one is used, its error and its lean. */
export function methodBrief(p: Pick<Projection, 'method' | 'scorecard'>, lang: Lang): string {
  const row = p.scorecard.find((r) => r.chosen);
  const method = quotedName(lang, p.method);
  if (row?.mean_abs_error_percent == null) return t(lang, 'report.methodBriefUntested', { method });
  // A default is kept unless another method clearly did better; only a replacement was chosen for its record.
  const kept = DEFAULTS.some((d) => d.id === p.method);
  const text = t(lang, kept ? 'report.methodBriefDefault' : 'report.methodBrief', { method, mae: formatter(lang).percent(row.mean_abs_error_percent) });
  const lean = row.bias_percent === null ? '' : ` ${leanSentence(lang, row.bias_percent)}`;
  const below = belowBenchmarkSentence(lang, p.scorecard);
  return `${text}${below ? ` ${below}` : ''}${lean} ${t(lang, 'report.intervalBrief')}`;
}

/**
 * Returns why the chosen method is used though the benchmark's backtests missed less (by the table's
 * mean absolute error), or null when they did not. Only a default can be in that place: the rule
 * never switches to a challenger that scored worse than the benchmark.
 */
export function belowBenchmarkSentence(lang: Lang, rows: readonly ScorecardRow[]): string | null {
  const chosen = rows.find((r) => r.chosen);
  const benchmark = rows.find((r) => r.method === BENCHMARK.id);
  if (!chosen || !benchmark || chosen === benchmark) return null;
  const [mae, naive] = [chosen.mean_abs_error_percent, benchmark.mean_abs_error_percent];
  if (mae === null || naive === null || naive >= mae) return null;
  const f = formatter(lang);
  return t(lang, 'method.scorecard.belowNaive', {
    benchmark: quotedName(lang, BENCHMARK.id),
    method: quotedName(lang, chosen.method),
    naive: f.percent(naive),
    mae: f.percent(mae),
  });
}

/** Returns the lean of a bias (negative = too low) in words, e.g. "It has under-projected by 12.0 % on average." */
export function leanSentence(lang: Lang, bias: number): string {
  const pct = formatter(lang).percent(Math.abs(bias));
  if (bias < 0) return t(lang, 'method.scorecard.leanUnder', { pct });
  if (bias > 0) return t(lang, 'method.scorecard.leanOver', { pct });
  return t(lang, 'method.scorecard.leanNone');
}

/** Returns a table cell for a bias: "12.0 % too low", "3.1 % too high" or "none". */
export function leanCell(f: Formatter, bias: number | null): string {
  if (bias === null) return '–';
  if (bias === 0) return t(f.lang, 'method.scorecard.cellNone');
  return t(f.lang, bias < 0 ? 'method.scorecard.cellLow' : 'method.scorecard.cellHigh', { pct: f.percent(Math.abs(bias)) });
}

/** Returns the scorecard's view in a language. */
export function scorecardView(p: Pick<Projection, 'method' | 'scorecard' | 'notes'> & Partial<Pick<Projection, 'candidates'>>, lang: Lang): ScorecardView {
  const f = formatter(lang);
  const pct = (x: number | null) => (x === null ? '–' : f.percent(x));
  const name = (id: MethodId) => methodName(lang, id);
  const rows = p.scorecard;
  const chosen = rows.find((r) => r.chosen) ?? rows.find((r) => r.method === p.method);
  const col = columnsIn(lang);
  const table: TableModel = {
    caption: t(lang, 'method.scorecard.caption'),
    columns: [
      col('method.scorecard.method', false),
      col('method.scorecard.backtests'),
      col('method.scorecard.mae'),
      // Words, not a bare number: left-aligned so that they may wrap on a phone.
      col('method.scorecard.bias', false),
      col('method.scorecard.coverageColumn'),
    ],
    rows: rows.map((r) => [
      r.chosen ? t(lang, 'method.scorecard.chosenMark', { method: capitalised(name(r.method)) }) : capitalised(name(r.method)),
      f.number(r.backtests),
      pct(r.mean_abs_error_percent),
      leanCell(f, r.bias_percent),
      pct(r.interval_coverage_percent),
    ]),
    foot: null,
  };
  const others = rows.filter((r) => r !== chosen);
  const blank = others.filter((r) => r.mean_abs_error_percent === null);
  return {
    table,
    chosen: chosenSentence(lang, chosen ?? null, others),
    belowBenchmark: belowBenchmarkSentence(lang, rows),
    versus: chosen ? versusSentence(lang, f, rows, chosen) : null,
    notCompared: blank.length > 0 ? t(lang, 'method.scorecard.notCompared', { methods: blank.map((r) => quotedName(lang, r.method)).join(', ') }) : null,
    lean: chosen?.bias_percent == null ? null : leanSentence(lang, chosen.bias_percent),
    coverage:
      chosen?.interval_coverage_percent == null || chosen.backtests === 0
        ? null
        : [
            t(lang, 'method.scorecard.coverage', {
              measured: f.percent(chosen.interval_coverage_percent),
              n: f.number(chosen.backtests),
              step: f.number(round1(100 / chosen.backtests)),
            }),
            // Judged against the wide default band, a high coverage says nothing of the band measured since.
            ...(chosen.interval_default_backtests > 0
              ? [
                  t(lang, p.notes?.includes('default-interval') ? 'method.scorecard.coverageDefault' : 'method.scorecard.coverageDefaultNow', {
                    k: f.number(chosen.interval_default_backtests),
                    n: f.number(chosen.backtests),
                  }),
                ]
              : []),
          ].join(' '),
    twins: sameBacktests(p, 'seasonal-naive', 'seasonal-share')
      ? t(lang, 'method.scorecard.twins', { naive: quotedName(lang, 'seasonal-naive'), share: quotedName(lang, 'seasonal-share'), combination: quotedName(lang, 'combination') })
      : null,
  };
}

/** Whether two methods were re-run from the same origins and projected the same credits from each. */
function sameBacktests(p: Partial<Pick<Projection, 'candidates'>>, a: MethodId, b: MethodId): boolean {
  const [x, y] = [a, b].map((id) => p.candidates?.find((c) => c.method === id)?.backtest ?? []);
  return x.length > 0 && x.length === y.length && x.every((bt, i) => bt.origin === y[i].origin && bt.horizonMonths === y[i].horizonMonths && bt.predicted === y[i].predicted);
}

/** The method used unless the backtests clearly favour another: the first default in the scorecard. */
const defaultRow = (rows: readonly ScorecardRow[]) => DEFAULTS.map((d) => rows.find((r) => r.method === d.id)).find((r) => r !== undefined);

/** Returns which method is used and why: the default kept, the default replaced, or the short-history fallback. */
function chosenSentence(lang: Lang, chosen: ScorecardRow | null, others: readonly ScorecardRow[]): string {
  if (!chosen || chosen.method === 'recent-average') return t(lang, 'method.scorecard.fallback');
  const method = quotedName(lang, chosen.method);
  const names = { challenger: quotedName(lang, CHALLENGER.id), benchmark: quotedName(lang, BENCHMARK.id) };
  const usual = defaultRow([chosen, ...others]);
  if (usual && usual !== chosen) return t(lang, 'method.scorecard.replacedDefault', { method, default: quotedName(lang, usual.method), ...names });
  const compared = chosen.mean_abs_error_percent !== null && others.some((r) => r.mean_abs_error_percent !== null);
  if (!compared) return t(lang, 'method.scorecard.defaultUncompared', { method, ...names });
  const challenger = others.find((r) => r.method === CHALLENGER.id);
  return t(lang, challenger?.mean_abs_error_percent == null ? 'method.scorecard.keptDefaultNoChallenger' : 'method.scorecard.keptDefault', { method, ...names });
}

/** Returns the other compared methods' mean absolute errors, each with its distance from the chosen one's. */
function versusSentence(lang: Lang, f: Formatter, rows: readonly ScorecardRow[], chosen: ScorecardRow): string | null {
  const others = rows.filter((r) => r !== chosen);
  const mae = chosen.mean_abs_error_percent;
  const compared = others.filter((r): r is ScorecardRow & { mean_abs_error_percent: number } => r.mean_abs_error_percent !== null);
  if (mae === null || compared.length === 0) return null;
  const gap = (r: { mean_abs_error_percent: number }) => round1(r.mean_abs_error_percent - mae);
  const items = compared.map((r) => {
    const points = gap(r);
    const diff = points === 0 ? t(lang, 'method.scorecard.same') : t(lang, points > 0 ? 'method.scorecard.more' : 'method.scorecard.less', { points: f.number(Math.abs(points)) });
    return t(lang, 'method.scorecard.versusItem', { method: quotedName(lang, r.method), mae: f.percent(r.mean_abs_error_percent), diff });
  });
  const text = t(lang, 'method.scorecard.versus', { n: f.number(chosen.backtests), mae: f.percent(mae), items: items.join('; ') });
  // A tie is settled by the order of the candidates, simplest first: say so when a later one tied.
  const tiedLater = compared.some((r) => gap(r) === 0 && rows.indexOf(r) > rows.indexOf(chosen));
  return tiedLater ? `${text} ${t(lang, 'method.scorecard.tie')}` : text;
}
