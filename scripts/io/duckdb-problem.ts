import { formatProblem } from '../../src/lib/contract/problems.ts';

/**
 * Returns what a DuckDB error while reading the exports says, as a problem naming the file (its
 * path as the user typed it, from `paths`) and the line where DuckDB gives one: a file in another
 * encoding than UTF-8, a row of another width than the header, a quote that does not close, a
 * file that cannot be opened, a file DuckDB cannot split into rows (mixed line ends). DuckDB's own
 * text follows any error it does not explain.
 */
export function duckdbProblem(e: unknown, paths: ReadonlyMap<string, string>): string {
  const message = e instanceof Error ? e.message : String(e);
  const file = duckdbFile(e);
  const path = paths.get(file) ?? (file || 'npm run aggregate');
  const lineText = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const line = lineText === undefined ? undefined : Number(lineText);
  const width = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  let reason: string;
  if (/Invalid unicode/i.test(message)) {
    reason =
      'not valid UTF-8: probably saved as Windows-1252 (Excel on Windows) — save it as "CSV UTF-8" and run npm run aggregate again (the normal build reads it as Windows-1252, with a warning)';
  } else if (width) reason = `row has ${width[2]} value${width[2] === '1' ? '' : 's'} but the header has ${width[1]}`;
  else if (/unterminated quote/i.test(message)) reason = 'a quoted value does not end at the delimiter or the line end, or never closes (write a " inside it twice: "")';
  else if (/state machine reached an invalid state/.test(message)) {
    reason =
      'DuckDB cannot split it into rows as told (RFC 4180, the delimiter and line end of its header): are its line ends mixed (CRLF on some lines, LF on others)? Save it again from a spreadsheet or an editor (the normal build reads mixed line ends)';
  } else if (/^IO Error/.test(message)) reason = `cannot be read: ${message.split('\n')[0].replace(/^IO Error: /, '')}`;
  else reason = `DuckDB could not read it: ${message.split('\n')[0]}`;
  return formatProblem({ path, line, reason });
}

/** Returns the file a DuckDB error is about, as DuckDB was given it ('' when it names none). */
export function duckdbFile(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return (/^\s*file = (.+)$/m.exec(message)?.[1] ?? /"([^"]+)"/.exec(message)?.[1] ?? '').trim();
}

/** Returns true for a DuckDB error about a row of another width than the header. */
export function isWidthError(e: unknown): boolean {
  return e instanceof Error && /Expected Number of Columns: \d+ Found: \d+/.test(e.message);
}

/** Returns true for a DuckDB error about the input it read (a file, its bytes, its rows), as against one in the SQL. */
export function isInputError(e: unknown): boolean {
  return e instanceof Error && /^(Invalid Input|IO|Conversion) Error: /.test(e.message);
}
