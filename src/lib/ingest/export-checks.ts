import { isoOfDay } from './cell-parse.ts';
import { centiToString } from '../credits.ts';
import { forEachRepeat, joinKeys } from './key-list.ts';
import { quote, type Problem } from '../contract/problems.ts';
import type { ExportIndex } from './export-read.ts';

/** Problems (and warnings) listed per file before the rest are only counted. */
export const PROBLEM_CAP = 20;

/**
 * The checks that need a whole export: a completion_id seen twice, and a completion whose credits
 * or date changed since the partner's previous export. Both walk the id lists once the file has
 * been read (see key-list.ts); rows are numbered in file order, so row order is line order.
 */

/** Returns the problems for rows whose completion_id an earlier row already has (the first PROBLEM_CAP, in line order) and how many there are. */
export function duplicateProblems(index: ExportIndex): { problems: Problem[]; count: number } {
  // Made at the first repeat: most exports have none, and this is 4 bytes a row.
  let firstOf = new Int32Array(0);
  forEachRepeat(index.ids, (i, f) => {
    if (firstOf.length === 0) firstOf = new Int32Array(index.ids.size).fill(-1);
    firstOf[i] = f;
  });
  const problems: Problem[] = [];
  let count = 0;
  for (let k = 0; k < firstOf.length; k++) {
    if (firstOf[k] < 0) continue;
    count++;
    if (problems.length < PROBLEM_CAP) {
      const reason = `duplicate completion_id ${quote(index.ids.text(k))} (first on line ${index.lines[firstOf[k]]})`;
      problems.push({ path: index.path, line: index.lines[k], column: 'completion_id', reason });
    }
  }
  return { problems, count };
}

/** Returns a warning for each completion whose credits or date differ in `previous` (the first PROBLEM_CAP, in line order), then a count of the rest. */
export function changeWarnings(index: ExportIndex, previous: ExportIndex): string[] {
  const before = new Int32Array(index.ids.size).fill(-1);
  joinKeys(index.ids, previous.ids, (i, j) => {
    if (index.credits[i] !== previous.credits[j] || index.days[i] !== previous.days[j]) before[i] = j;
  });
  const warnings: string[] = [];
  let more = 0;
  for (let k = 0; k < before.length; k++) {
    const j = before[k];
    if (j < 0) continue;
    if (warnings.length === PROBLEM_CAP) {
      more++;
      continue;
    }
    const what: string[] = [];
    if (previous.credits[j] !== index.credits[k]) what.push(`credits ${centiToString(previous.credits[j])} → ${centiToString(index.credits[k])}`);
    if (previous.days[j] !== index.days[k]) what.push(`completed_on ${isoOfDay(previous.days[j])} → ${isoOfDay(index.days[k])}`);
    warnings.push(`${index.path}:${index.lines[k]}: completion_id ${quote(index.ids.text(k))} changed since ${previous.path}: ${what.join(', ')}`);
  }
  if (more > 0) warnings.push(`${index.path}: and ${more} more changed completions in this file`);
  return warnings;
}

/** Returns two line-ordered problem lists as one, in line order (problems without a line last). */
export function mergeByLine(a: readonly Problem[], b: readonly Problem[]): Problem[] {
  const line = (p: Problem) => p.line ?? Infinity;
  const out: Problem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j === b.length || (i < a.length && line(a[i]) <= line(b[j]))) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
