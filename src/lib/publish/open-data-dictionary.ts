// The data dictionary of the published files: every file, every column (or JSON field) with its
// type and meaning. The data page shows it, every link to a file is made from it, and tests hold
// it to the files the build really writes.
import { STRINGS, type StringKey } from '../i18n/index.ts';
import TABLES from './open-data-tables.json' with { type: 'json' };

export interface ColumnDoc {
  /** The CSV column, or the JSON path (`partners[].id`). */
  name: string;
  type: StringKey;
  meaning: StringKey;
  /** A workbook's sheet of a table written only when the programme has a projection. */
  withProjection?: boolean;
}

export interface FileDoc {
  file: string;
  format: 'csv' | 'json' | 'xlsx';
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

/**
 * The published tables and summary.json, each column as `[name, type, meaning]`: a table of data,
 * kept as data (JSON) beside the code that reads it. Its keys of the strings files are checked
 * when this module loads, so a misspelt one stops the build naming the file and column.
 */
const TABLES_AND_SUMMARY: readonly FileDoc[] = TABLES.map((d) => ({
  file: d.file,
  format: fileFormat(d.format, d.file),
  description: stringKey(d.description, d.file),
  ...('label' in d && d.label !== undefined ? { label: stringKey(d.label, d.file) } : {}),
  ...('withProjection' in d ? { withProjection: d.withProjection } : {}),
  columns: d.columns.map(([name, type, meaning]) => ({ name, type: stringKey(`data.type.${type}`, `${d.file} ${name}`), meaning: stringKey(meaning, `${d.file} ${name}`) })),
}));

function fileFormat(format: string, where: string): FileDoc['format'] {
  if (format === 'csv' || format === 'json' || format === 'xlsx') return format;
  throw new Error(`open-data-tables.json, ${where}: format ${JSON.stringify(format)} is none of csv, json, xlsx`);
}

/** Returns a key of the strings files, or throws saying where in open-data-tables.json it is missing. */
function stringKey(key: string, where: string): StringKey {
  if (!(key in STRINGS.fi)) throw new Error(`open-data-tables.json, ${where}: ${JSON.stringify(key)} is not a key of the strings files (src/lib/i18n/fi.json)`);
  return key as StringKey;
}

/** The workbook of the published tables (scripts/io/write-workbook.ts writes it). */
export const WORKBOOK_FILE = 'tables.xlsx';
/** The workbook's sheet that describes every column. */
export const COLUMNS_SHEET = 'columns';
/** The workbook's first sheet: what the tables are, as of when, from where, under which licence. */
export const ABOUT_SHEET = 'about';

/** Returns a table's sheet name in the workbook: its file name without `.csv`. */
export const sheetName = (doc: FileDoc) => doc.file.replace(/\.csv$/, '');

/**
 * The same tables as one Excel workbook: a sheet a CSV file (the dictionary's "columns" of the
 * workbook are its sheets), and a sheet describing the columns.
 */
const WORKBOOK: FileDoc = {
  file: WORKBOOK_FILE,
  format: 'xlsx',
  description: 'data.file.workbook',
  label: 'download.workbook',
  columns: [
    { name: ABOUT_SHEET, type: 'data.type.sheet', meaning: 'data.sheet.about' },
    ...TABLES_AND_SUMMARY.filter((d) => d.format === 'csv').map((d) => ({ name: sheetName(d), type: 'data.type.sheet' as const, meaning: d.description, withProjection: d.withProjection })),
    { name: COLUMNS_SHEET, type: 'data.type.sheet', meaning: 'data.sheet.columns' },
  ],
};

export const OPEN_DATA_FILES: readonly FileDoc[] = [...TABLES_AND_SUMMARY, WORKBOOK];

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
