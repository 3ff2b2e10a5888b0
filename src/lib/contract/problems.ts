/** One thing wrong with an input file, located as an editor would locate it. */
export interface Problem {
  path: string;
  /** 1-based line; the header is line 1. Absent for whole-file problems. */
  line?: number;
  /** Column name (as the contract names it), or a JSON key path. */
  column?: string;
  reason: string;
}

/** Returns the problem as `path:line: column: reason` (parts that are unknown are left out). */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.path : `${p.path}:${p.line}`;
  return p.column === undefined ? `${where}: ${p.reason}` : `${where}: ${p.column}: ${p.reason}`;
}

/** Thrown when inputs are invalid; carries every problem found, not just the first. */
export class DataError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DataError';
    this.problems = problems;
  }
}

/** Returns a value quoted for an error message, shortened so one bad cell cannot flood the log. */
export function quote(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(short);
}
