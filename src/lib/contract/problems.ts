/** A key of the strings files that words one rule an export breaks (`problem.*`) or one thing worth a look (`warning.*`). */
export type ProblemKey = `problem.${string}` | `warning.${string}`;

/**
 * Why a row or a file breaks the contract, in no language yet: its strings key and the values the
 * sentence names (a quoted cell, a line). Each language's strings file words it; the build's own
 * output is the English one.
 */
export interface ProblemReason {
  key: ProblemKey;
  params?: Readonly<Record<string, string | number>>;
}

/** One thing wrong with an input file, located as an editor would locate it. */
export interface Problem {
  path: string;
  /** 1-based line (in a workbook: the sheet's row number); the header is line 1. Absent for whole-file problems. */
  line?: number;
  /** The sheet a workbook's row is on; absent for CSV files. */
  sheet?: string;
  /** Column name (as the contract names it), or a JSON key path. */
  column?: string;
  /** The column's heading as the file writes it, where that is not the contract's name (`Opintopisteet (op)` for credits). */
  header?: string;
  /** Why, in the build's words (English). */
  reason: string;
  /** Why, in any language (see ProblemReason); absent for problems only the build words (programme.json's). */
  key?: ProblemKey;
  params?: ProblemReason['params'];
}

/** Returns the problem as `path:line: column: reason` (parts that are unknown are left out). */
export function formatProblem(p: Problem): string {
  const where = place(p.path, p.line, p.sheet);
  const column = columnLabel(p);
  return column === undefined ? `${where}: ${p.reason}` : `${where}: ${column}: ${p.reason}`;
}

/**
 * Returns the column a problem is in as its reader would look for it: the contract's name, after
 * the file's own heading where that differs (`"Opintopisteet (op)" (credits)`).
 */
export function columnLabel(p: Pick<Problem, 'column' | 'header'>): string | undefined {
  return p.column === undefined || p.header === undefined ? p.column : `${JSON.stringify(p.header)} (${p.column})`;
}

/**
 * Returns where a line is as its reader would look for it: `path:7` in a CSV file, and
 * `path: Suoritukset!7` in a workbook (a spreadsheet names a row by its sheet and number).
 */
export function place(path: string, line?: number, sheet?: string): string {
  if (line === undefined) return path;
  return sheet === undefined ? `${path}:${line}` : `${path}: ${sheet}!${line}`;
}

/** Thrown when inputs are invalid; carries every problem found, not just the first. */
export class DataError extends Error {
  readonly problems: Problem[];
  /** What a coordinator should look at besides, found on the way (a checker shows both), each located as a problem is. */
  readonly warnings: Problem[];
  constructor(problems: Problem[], warnings: Problem[] = []) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DataError';
    this.problems = problems;
    this.warnings = warnings;
  }

  /** How many problems the data has: those listed, and those only counted in a file's "and N more" line. */
  get count(): number {
    return this.problems.reduce((n, p) => n + (p.key === 'problem.more' ? Number(p.params?.n ?? 0) : 1), 0);
  }
}

/** Returns a value quoted for an error message, shortened so one bad cell cannot flood the log. */
export function quote(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(short);
}
