import { formatter } from '../format.ts';
import { t, tCount } from '../i18n/index.ts';
import type { Lang } from '../contract/programme.ts';
import { recordMissPercent, type RecordRow } from '../projection/record.ts';
import { leanCell, methodCell } from './scorecard-view.ts';
import { columnsIn, interval, type TableModel } from './tables.ts';

/** The projection's own record as the method page and the report show it. */
export interface RecordView {
  table: TableModel;
  /** How many earlier projections held the actual. */
  summary: string;
  /** Said when every earlier interval was the set default: the rows do not test the one published now. */
  allSet: string | null;
}

/**
 * Returns the earlier rounds' projections against what was reported since, or null when there is
 * none to compare yet. Each miss is in percent of the credits added since the projection was made,
 * as the backtests' errors are; an interval that was the set default says so in its cell.
 */
export function recordView(record: readonly RecordRow[], lang: Lang): RecordView | null {
  if (record.length === 0) return null;
  const f = formatter(lang);
  const col = columnsIn(lang);
  const months = [...new Set(record.map((r) => r.month))];
  const table: TableModel = {
    caption:
      months.length === 1
        ? t(lang, 'record.caption', { month: f.month(months[0]) })
        : t(lang, 'record.captionMonths'),
    columns: [
      col('record.made', false),
      col('method.scorecard.method', false),
      ...(months.length === 1 ? [] : [col('table.month', false)]),
      col('record.projected'),
      col('table.interval'),
      col('record.actual'),
      // Words, as the scorecard's bias: left-aligned so that they may wrap on a phone.
      col('record.miss', false),
      col('record.inside', false),
    ],
    rows: record.map((r) => [
      f.date(r.origin),
      methodCell(lang, r.method),
      ...(months.length === 1 ? [] : [f.month(r.month)]),
      f.number(r.central),
      r.defaultInterval ? t(lang, 'record.setInterval', { range: interval(f, r) }) : interval(f, r),
      f.number(r.actual),
      leanCell(f, recordMissPercent(r)),
      t(lang, r.inside ? 'record.yes' : 'record.no'),
    ]),
    foot: null,
  };
  const inside = record.filter((r) => r.inside).length;
  return {
    table,
    summary: tCount(lang, 'record.summary', record.length, { count: f.number(record.length), inside: f.number(inside) }),
    allSet: record.every((r) => r.defaultInterval) ? t(lang, 'record.allSet') : null,
  };
}
