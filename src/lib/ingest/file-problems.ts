import type { Problem, ProblemReason } from '../contract/problems.ts';
import { englishReason } from '../i18n/problem-text.ts';

/** Problems (and warnings) listed per file before the rest are only counted. */
export const PROBLEM_CAP = 20;

/**
 * The problems of one file as its reader finds them: the first PROBLEM_CAP kept, the rest only
 * counted, so one broken column in a large file cannot flood the log. Every reader of exports
 * (completions or totals, CSV or workbook) reports through one, so all say it alike.
 */
export class FileProblems {
  private readonly path: string;
  private readonly sheet: string | undefined;
  private readonly kept: Problem[] = [];
  private hidden = 0;
  private readonly cap: number;
  private headings: ReadonlyMap<string, string> = new Map();

  /** `cap`: how many to keep (the checker page keeps all, to count each rule's problems). */
  constructor(path: string, sheet?: string, cap = PROBLEM_CAP) {
    this.path = path;
    this.sheet = sheet;
    this.cap = cap;
  }

  /** Names the columns in the file's own words from now on (export-header.ts writtenHeadings). */
  useHeadings(headings: ReadonlyMap<string, string>): void {
    this.headings = headings;
  }

  /** Adds a problem on `line` (the whole file's when undefined), in `column` when one is to blame. */
  add(line: number | undefined, column: string | undefined, why: ProblemReason): void {
    if (this.kept.length >= this.cap) {
      this.hidden++;
      return;
    }
    const p = problemOf(this.path, line, column, why);
    if (this.sheet !== undefined && line !== undefined) p.sheet = this.sheet;
    const header = column === undefined ? undefined : this.headings.get(column);
    if (header !== undefined) p.header = header;
    this.kept.push(p);
  }

  /** Returns every problem kept, then the count of the rest; `empty` when nothing at all was read. */
  end(empty: ProblemReason | null): Problem[] {
    const out = [...this.kept];
    if (empty !== null) out.push(problemOf(this.path, undefined, undefined, empty));
    if (this.hidden > 0) out.push(problemOf(this.path, undefined, undefined, { key: 'problem.more', params: { n: this.hidden } }));
    return out;
  }
}

/**
 * Returns every file's first `cap` problems, then a count of the rest, as FileProblems would have
 * kept them: for a reader that kept them all (to count each rule's problems) and prints them.
 */
export function capPerFile(problems: readonly Problem[], cap = PROBLEM_CAP): Problem[] {
  const byPath = new Map<string, Problem[]>();
  for (const p of problems) byPath.set(p.path, [...(byPath.get(p.path) ?? []), p]);
  return [...byPath].flatMap(([path, list]) =>
    list.length <= cap ? list : [...list.slice(0, cap), problemOf(path, undefined, undefined, { key: 'problem.more', params: { n: list.length - cap } })],
  );
}

/** Returns a problem with its reason both in the build's words and as a strings key (for every other language). */
export function problemOf(path: string, line: number | undefined, column: string | undefined, why: ProblemReason): Problem {
  return { path, line, column, reason: englishReason(why), key: why.key, ...(why.params === undefined ? {} : { params: why.params }) };
}
