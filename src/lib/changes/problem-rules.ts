/**
 * The rules an export can break, each known by how its reason begins (every reader words a rule
 * alike, and tests pin the words): what the checker page groups problems by and names in its own
 * language, above the problems themselves in the build's words.
 */
const RULES = [
  ['empty', /^empty value$/],
  ['date', /^not a date /],
  ['afterSnapshot', /is after the (month of the )?snapshot date/],
  ['beforeStart', /is before the programme start/],
  ['field', /^not a field code/],
  ['tooLarge', /^implausibly large|is over 60 a completion$/],
  ['notPositive', /^must be greater than 0/],
  ['notNumber', /^not a number with at most two decimals/],
  ['duplicateId', /^duplicate completion_id/],
  ['width', /^row has \d+ values but the header has \d+$/],
  ['missingColumn', /^missing required column/],
  ['columnTwice', /^column named twice/],
  ['headerValue', /^the header holds /],
  ['quote', /^unterminated quoted field|^a " inside an unquoted value|^text after a closing quote/],
  ['monthTwice', /given twice \(first on line/],
  ['month', /^not a month /],
  ['count', /^not a whole number of 1 or more/],
  ['formula', /holds a formula/],
  ['merged', /are merged/],
  ['sheets', /sheets hold data/],
  ['workbook', /^cannot be read as an Excel workbook/],
  ['emptyFile', /^empty file/],
] as const;

export type RuleId = (typeof RULES)[number][0];
export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r[0]);

/** Returns the rule a problem's reason says it breaks, or null for one not listed here. */
export function ruleOf(reason: string): RuleId | null {
  return RULES.find(([, pattern]) => pattern.test(reason))?.[0] ?? null;
}
