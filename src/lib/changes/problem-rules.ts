import type { Problem, ProblemKey } from '../contract/problems.ts';

/**
 * The rules an export can break, each with the problems' strings keys that word it (several
 * wordings can break one rule: a quote never closed, a stray one, text after one): what the
 * checker page and `npm run validate` group problems by, each rule named in the chosen language
 * (`check.rule.<id>`) above its problems.
 */
const RULES = {
  empty: ['problem.empty'],
  date: ['problem.notDate'],
  afterSnapshot: ['problem.afterSnapshot', 'problem.monthAfterSnapshot'],
  beforeStart: ['problem.beforeStart'],
  field: ['problem.notField'],
  tooLarge: ['problem.tooLarge', 'problem.overPerCompletion'],
  notPositive: ['problem.notPositive'],
  notNumber: ['problem.notNumber'],
  creditsUnit: ['problem.creditsUnit'],
  duplicateId: ['problem.duplicateId'],
  width: ['problem.width'],
  notHeader: ['problem.notHeader'],
  missingColumn: ['problem.missingColumn'],
  columnTwice: ['problem.columnTwice'],
  headerValue: ['problem.headerValue'],
  quote: ['problem.unterminated', 'problem.unterminatedGoesOn', 'problem.strayQuote', 'problem.textAfterQuote'],
  monthTwice: ['problem.monthTwice'],
  month: ['problem.notMonth'],
  count: ['problem.notCount'],
  formula: ['problem.formula'],
  merged: ['problem.merged'],
  sheets: ['problem.sheets'],
  workbook: ['problem.workbookNotZip', 'problem.workbookNoBook', 'problem.workbookBroken', 'problem.workbookNoReader'],
  emptyFile: ['problem.emptyCompletions', 'problem.emptyTotals', 'problem.noCompletions', 'problem.noTotals'],
  outside: ['problem.outsideSnapshots'],
  layout: ['problem.layoutDepth', 'problem.folderNotDate', 'problem.folderFuture', 'problem.notExportFile', 'problem.unknownPartner', 'problem.twoFormats', 'problem.noSnapshots'],
} as const satisfies Record<string, readonly ProblemKey[]>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

const RULE_OF_KEY = new Map<string, RuleId>(RULE_IDS.flatMap((id) => RULES[id].map((key) => [key, id] as const)));

/** Returns the rule a problem breaks, or null for one not listed here (programme.json's, a count of more). */
export function ruleOf(p: Pick<Problem, 'key'>): RuleId | null {
  return p.key === undefined ? null : (RULE_OF_KEY.get(p.key) ?? null);
}
