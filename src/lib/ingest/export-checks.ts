import { centiToString } from '../credits.ts';
import { place, quote } from '../contract/problems.ts';
import type { ChangeCounts } from '../contract/partner-export.ts';
import type { ExportIndex } from './export-read.ts';

/** Problems (and warnings) listed per file before the rest are only counted. */
export const PROBLEM_CAP = 20;

/** What comparing an export with the partner's previous one gives: its warnings and its counts. */
interface Comparison {
  warnings: string[];
  change: ChangeCounts;
}

/**
 * Returns a warning for each completion whose credits or date differ in the partner's previous
 * export (the first PROBLEM_CAP, in line order, then a count of the rest), and how many
 * completions were added, withdrawn and corrected. Ids are unique within an export, so what is not
 * matched is added (only here) or withdrawn (only there).
 */
export function compareExports(index: ExportIndex, previous: ExportIndex): Comparison {
  const warnings: string[] = [];
  let more = 0;
  let matched = 0;
  let corrected = 0;
  // Made here, not while reading: only an export that is compared needs its ids looked up.
  const before = new Map(previous.ids.map((id, j) => [id, j]));
  index.ids.forEach((id, k) => {
    const j = before.get(id);
    if (j === undefined) return;
    matched++;
    const what: string[] = [];
    if (previous.credits[j] !== index.credits[k]) what.push(`credits ${centiToString(previous.credits[j])} → ${centiToString(index.credits[k])}`);
    if (previous.days[j] !== index.days[k]) what.push(`completed_on ${previous.days[j]} → ${index.days[k]}`);
    if (what.length === 0) return;
    corrected++;
    if (warnings.length === PROBLEM_CAP) more++;
    else warnings.push(`${place(index.path, index.lines[k], index.sheet)}: completion_id ${quote(id)} changed since ${previous.path}: ${what.join(', ')}`);
  });
  if (more > 0) warnings.push(`${index.path}: and ${more} more changed completions in this file`);
  return { warnings, change: { added: index.ids.length - matched, withdrawn: previous.ids.length - matched, corrected } };
}
