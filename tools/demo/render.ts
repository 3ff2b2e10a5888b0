import { centiToString } from '../../src/lib/credits.ts';
import { cmp } from './order.ts';
import { isListedOn, type DemoCompletion, type PartnerSchedule } from './types.ts';

export const CSV_HEADER = ['completion_id', 'completed_on', 'course_code', 'course_name', 'field_code', 'credits', 'learner_id'] as const;

/** One row of a partner export, as the partner's register showed it on the export date. */
export interface ExportRow {
  id: string;
  completedOn: string;
  courseCode: string;
  courseName: string;
  fieldCode: number;
  credits: number;
  learnerId: string;
}

/** One generated file, its path relative to `snapshots/`, e.g. `2023-12-31/hamk.csv`. */
export interface DemoFile {
  path: string;
  date: string;
  partnerId: string;
  rows: ExportRow[];
  text: string;
}

/** Returns the rows of the partner's export dated `date`, sorted by completed_on then completion_id. */
export function exportRows(pool: readonly DemoCompletion[], partnerId: string, date: string): ExportRow[] {
  return pool
    .filter((c) => c.partnerId === partnerId && isListedOn(c, date))
    .map((c) => {
      const wrong = c.recordedWrong && date < c.recordedWrong.correctedOn ? c.recordedWrong : undefined;
      return {
        id: c.id,
        completedOn: wrong?.completedOn ?? c.completedOn,
        courseCode: c.course.code,
        courseName: c.course.name,
        fieldCode: c.course.fieldCode,
        credits: wrong?.credits ?? c.course.credits,
        learnerId: c.learnerId,
      };
    })
    .sort((a, b) => cmp(a.completedOn, b.completedOn) || cmp(a.id, b.id));
}

/** Returns a CSV value, quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Returns the export as UTF-8 CSV text: header row, comma-delimited, LF line endings, final LF. */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [r.id, r.completedOn, r.courseCode, r.courseName, String(r.fieldCode), centiToString(r.credits), r.learnerId]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Returns every partner's export at every one of its dates, sorted by path. */
export function renderExports(pool: readonly DemoCompletion[], schedules: readonly PartnerSchedule[]): DemoFile[] {
  const files: DemoFile[] = [];
  for (const { partnerId, dates } of schedules) {
    for (const date of dates) {
      const rows = exportRows(pool, partnerId, date);
      files.push({ path: `${date}/${partnerId}.csv`, date, partnerId, rows, text: toCsv(rows) });
    }
  }
  return files.sort((a, b) => cmp(a.path, b.path));
}
