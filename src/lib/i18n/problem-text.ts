import { columnLabel, place, type Problem, type ProblemReason } from '../contract/problems.ts';
import en from './en.json' with { type: 'json' };
import { fill, type Params } from './fill.ts';

/** Returns a string of one language's strings file, filled in: `t` bound to a language, or the checker page's lookup. */
export type Say = (key: string, params?: Params) => string;

/**
 * Returns a reason in the build's own words, English (what the build prints when it stops). Only
 * the English strings are read here, so the checker page's code carries one strings file, not three.
 */
export function englishReason(r: ProblemReason): string {
  const template = (en as Record<string, string>)[r.key];
  if (template === undefined) throw new Error(`No UI string ${JSON.stringify(r.key)} in en.json`);
  return fill(template, r.params);
}

/**
 * Returns a problem as `path:line: column: reason` with the reason in the language `say` speaks:
 * the checker page and `npm run validate --lang` both print a problem through this one function.
 * A problem with no strings key (programme.json's) keeps the build's words.
 */
export function problemText(p: Problem, say: Say): string {
  const where = place(p.path, p.line, p.sheet);
  const reason = p.key === undefined ? p.reason : say(p.key, p.params);
  const column = columnLabel(p);
  return column === undefined ? `${where}: ${reason}` : `${where}: ${column}: ${reason}`;
}
