// The data dictionary of the published files: every file, every column (or JSON field) with its
// type and meaning. The data page shows it, every link to a file is made from it, and tests hold
// it to the files the build really writes.
import type { StringKey } from '../i18n/index.ts';

interface ColumnDoc {
  /** The CSV column, or the JSON path (`partners[].id`). */
  name: string;
  type: StringKey;
  meaning: StringKey;
}

export interface FileDoc {
  file: string;
  format: 'csv' | 'json';
  description: StringKey;
  /**
   * Its name in the dashboard's download list (and so in every page's footer). The projection's
   * files have none: the method page links them where it explains them.
   */
  label?: StringKey;
  /** Written only when the programme has a projection. */
  withProjection?: boolean;
  columns: ColumnDoc[];
}

type TypeName = 'month' | 'monthOrNull' | 'date' | 'dateOrNull' | 'integer' | 'integerOrNull' | 'number' | 'numberOrNull' | 'numberOrEmpty' | 'dateOrEmpty' | 'monthOrEmpty' | 'integerOrEmpty' | 'text' | 'boolean' | 'list' | 'objectOrNull' | 'learners';
const col = (name: string, type: TypeName, meaning: StringKey): ColumnDoc => ({ name, type: `data.type.${type}` satisfies StringKey, meaning });

export const OPEN_DATA_FILES: readonly FileDoc[] = [
  {
    file: 'summary.json',
    format: 'json',
    description: 'data.file.summary',
    label: 'download.summary',
    columns: [
      col('programme', 'text', 'data.key.programme'),
      col('asOf', 'date', 'data.key.asOf'),
      col('demo', 'boolean', 'data.key.demo'),
      col('targetCredits', 'number', 'data.col.targetCredits'),
      col('totalCredits', 'number', 'data.key.totalCredits'),
      col('percentOfTarget', 'number', 'data.key.percentOfTarget'),
      col('completions', 'integer', 'data.key.completions'),
      col('targetReachedOn', 'dateOrNull', 'data.key.targetReachedOn'),
      col('targetReachedMonth', 'monthOrNull', 'data.key.targetReachedMonth'),
      col('learners', 'learners', 'data.key.learners'),
      col('partners', 'list', 'data.key.partners'),
      col('partners[].id', 'text', 'data.col.partner'),
      col('partners[].credits', 'number', 'data.col.credits'),
      col('partners[].completions', 'integer', 'data.col.completions'),
      col('partners[].learners', 'learners', 'data.key.learners'),
      col('partners[].lastSnapshot', 'dateOrNull', 'data.key.lastSnapshot'),
      col('fields', 'list', 'data.key.fields'),
      col('fields[].code', 'integer', 'data.col.fieldCode'),
      col('fields[].credits', 'number', 'data.col.credits'),
      col('fields[].completions', 'integer', 'data.col.completions'),
      col('fields[].learners', 'learners', 'data.key.learners'),
      col('change', 'objectOrNull', 'data.key.change'),
      col('change.since', 'date', 'data.key.changeSince'),
      col('change.credits', 'number', 'data.key.changeCredits'),
      col('change.added', 'integerOrNull', 'data.key.changeAdded'),
      col('change.withdrawn', 'integerOrNull', 'data.key.changeWithdrawn'),
      col('change.corrected', 'integerOrNull', 'data.key.changeCorrected'),
      col('projection', 'objectOrNull', 'data.key.projection'),
      col('projection.origin', 'date', 'data.key.origin'),
      col('projection.horizon', 'date', 'data.key.horizon'),
      col('projection.central', 'integer', 'data.key.projCentral'),
      col('projection.low', 'integer', 'data.col.low'),
      col('projection.high', 'integer', 'data.col.high'),
      col('projection.method', 'text', 'data.key.method'),
      col('projection.backtests', 'integer', 'data.key.backtests'),
      col('projection.meanAbsErrorPercent', 'numberOrNull', 'data.key.meanAbsErrorPercent'),
      col('projection.biasPercent', 'numberOrNull', 'data.key.biasPercent'),
      col('projection.intervalCoveragePercent', 'numberOrNull', 'data.key.intervalCoveragePercent'),
      col('reporting', 'objectOrNull', 'data.key.reporting'),
      col('reporting.intervalDays', 'integer', 'data.key.intervalDays'),
      col('reporting.provisional', 'boolean', 'data.key.provisional'),
      col('reporting.partnersBehind', 'list', 'data.key.partnersBehind'),
    ],
  },
  {
    file: 'cumulative.csv',
    format: 'csv',
    description: 'data.file.cumulative',
    label: 'download.cumulative',
    columns: [
      col('month', 'month', 'data.col.month'),
      col('credits', 'number', 'data.col.monthCredits'),
      col('cumulative_credits', 'number', 'data.col.cumulativeCredits'),
      col('target_credits', 'number', 'data.col.targetCredits'),
    ],
  },
  {
    file: 'monthly.csv',
    format: 'csv',
    description: 'data.file.monthly',
    label: 'download.monthly',
    columns: [
      col('month', 'month', 'data.col.month'),
      col('partner', 'text', 'data.col.partner'),
      col('field_code', 'integer', 'data.col.fieldCode'),
      col('credits', 'number', 'data.col.credits'),
      col('completions', 'integer', 'data.col.completions'),
    ],
  },
  {
    file: 'snapshots.csv',
    format: 'csv',
    description: 'data.file.snapshots',
    label: 'download.snapshots',
    columns: [col('snapshot_date', 'date', 'data.col.snapshotDate'), col('reported_credits', 'number', 'data.col.reportedCredits')],
  },
  {
    file: 'partners.csv',
    format: 'csv',
    description: 'data.file.partners',
    label: 'download.partners',
    columns: [
      col('partner', 'text', 'data.col.partner'),
      col('credits', 'number', 'data.col.credits'),
      col('completions', 'integer', 'data.col.completions'),
      col('last_snapshot', 'dateOrEmpty', 'data.col.lastExport'),
      col('days_behind', 'integerOrEmpty', 'data.col.daysBehind'),
      col('first_month', 'monthOrEmpty', 'data.col.firstMonth'),
      col('last_month', 'monthOrEmpty', 'data.col.lastMonth'),
      col('exports', 'integer', 'data.col.exports'),
      col('behind', 'boolean', 'data.col.behind'),
    ],
  },
  {
    file: 'projection.csv',
    format: 'csv',
    description: 'data.file.projection',
    withProjection: true,
    columns: [
      col('month', 'month', 'data.col.month'),
      col('central', 'integer', 'data.col.central'),
      col('low', 'integer', 'data.col.low'),
      col('high', 'integer', 'data.col.high'),
    ],
  },
  {
    file: 'backtest.csv',
    format: 'csv',
    description: 'data.file.backtest',
    withProjection: true,
    columns: [
      col('method', 'text', 'data.col.method'),
      col('origin_month', 'month', 'data.col.originMonth'),
      col('horizon_months', 'integer', 'data.col.horizonMonths'),
      col('predicted_credits', 'integer', 'data.col.predictedCredits'),
      col('actual_credits', 'integer', 'data.col.actualCredits'),
      col('error_percent', 'numberOrEmpty', 'data.col.errorPercent'),
    ],
  },
  {
    file: 'projection-methods.csv',
    format: 'csv',
    description: 'data.file.projectionMethods',
    withProjection: true,
    columns: [
      col('method', 'text', 'data.col.methodId'),
      col('chosen', 'boolean', 'data.col.chosen'),
      col('backtests', 'integer', 'data.col.backtests'),
      col('mean_abs_error_percent', 'numberOrEmpty', 'data.col.meanAbsError'),
      col('bias_percent', 'numberOrEmpty', 'data.col.bias'),
      col('interval_coverage_percent', 'numberOrEmpty', 'data.col.coverage'),
    ],
  },
];

/** The files every page offers: the figures themselves, each with its name in the download list. */
export const DOWNLOADS = OPEN_DATA_FILES.filter((d): d is FileDoc & { label: StringKey } => d.label !== undefined);

/** The projection's files, written only when there is a projection. */
export const PROJECTION_FILES = OPEN_DATA_FILES.filter((d) => d.withProjection);

/** Returns the site folder of the published files: the latest, or the permanent copy of one data date. */
export function openDataFolder(asOf?: string): string {
  return asOf ? `/data/${asOf}/` : '/data/';
}

/** Returns the dotted paths of a JSON value's keys the way the dictionary names them (`partners[].id`). */
export function jsonPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => jsonPaths(v, `${prefix}[]`)))];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return [path, ...jsonPaths(v, path)];
  });
}
