import { isIsoDate } from '../dates.ts';
import { DataError, type Problem } from './problems.ts';

export const LANGS = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
type Localized = Record<Lang, string>;

export interface Partner {
  id: string;
  /** Oppilaitosnumero (Finnish institution code). */
  code: string;
  shortName: string;
  name: Localized;
  /** The partner's own credit target, when it has one: its page then draws it as a line. */
  targetCredits?: number;
}

/**
 * How many days a partner's newest export may lie behind the as-of date before the total is
 * called provisional, when programme.json does not say (`reportingIntervalDays`): partners export
 * monthly or quarterly, and a quarter's export is due some two weeks after the quarter ends.
 */
export const DEFAULT_REPORTING_INTERVAL_DAYS = 45;

export interface Field {
  /** OKM steering field code, 1–12. */
  code: number;
  name: Localized;
}

interface Milestone {
  date: string;
  credits: number;
  source: Localized;
  /** Title of the cited item in its own language (marked with `titleLang` on the page). */
  title?: string;
  titleLang?: string;
  url: string | null;
  note?: string;
}

export interface Programme {
  id: string;
  name: Localized;
  description: Localized;
  demo: boolean;
  targetCredits: number;
  period: { start: string; end: string };
  projectionHorizon: string;
  /** When set, the projection is made from this date even if later snapshots exist. */
  projectionOrigin?: string;
  /** Days a partner's newest export may lie behind the as-of date (default DEFAULT_REPORTING_INTERVAL_DAYS). */
  reportingIntervalDays?: number;
  licence: { name: string; url: string };
  source: Localized;
  assumptions?: Localized;
  /** With demonstration data: which of the figures shown are nevertheless real, published facts. */
  demoFacts?: Localized;
  partners: Partner[];
  fields: Field[];
  milestones: Milestone[];
  contact: { email: string | null; note?: Localized };
  /** The day this site's accessibility was assessed (its statement's date); absent: not yet assessed. */
  accessibilityAssessed?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Returns the programme description checked against the contract, or throws a DataError listing
 * every problem as `path: key: reason`.
 */
export function parseProgramme(raw: unknown, path: string): Programme {
  const problems: Problem[] = [];
  const bad = (column: string, reason: string) => problems.push({ path, column, reason });

  const str = (o: Obj, key: string, at: string): string => {
    const v = o[key];
    if (typeof v !== 'string' || v.trim() === '') bad(at, 'must be a non-empty string');
    return typeof v === 'string' ? v : '';
  };
  const date = (o: Obj, key: string, at: string): string => {
    const v = str(o, key, at);
    if (v && !isIsoDate(v)) bad(at, `must be a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
    return v;
  };
  const localized = (o: Obj, key: string, at: string): Localized => {
    const v = o[key];
    if (!isObj(v)) {
      bad(at, 'must be an object with fi, sv and en texts');
      return { fi: '', sv: '', en: '' };
    }
    return { fi: str(v, 'fi', `${at}.fi`), sv: str(v, 'sv', `${at}.sv`), en: str(v, 'en', `${at}.en`) };
  };
  const array = (o: Obj, key: string): Obj[] => {
    const v = o[key];
    if (!Array.isArray(v) || v.length === 0) {
      bad(key, 'must be a non-empty list');
      return [];
    }
    return v.map((item, i) => {
      if (!isObj(item)) bad(`${key}[${i}]`, 'must be an object');
      return isObj(item) ? item : {};
    });
  };

  if (!isObj(raw)) throw new DataError([{ path, reason: 'must be a JSON object' }]);

  const id = str(raw, 'id', 'id');
  const name = localized(raw, 'name', 'name');
  const description = localized(raw, 'description', 'description');
  const source = localized(raw, 'source', 'source');
  const assumptions = raw.assumptions === undefined ? undefined : localized(raw, 'assumptions', 'assumptions');
  const demoFacts = raw.demoFacts === undefined ? undefined : localized(raw, 'demoFacts', 'demoFacts');
  if (typeof raw.demo !== 'boolean') bad('demo', 'must be true or false');
  const targetCredits = raw.targetCredits;
  if (typeof targetCredits !== 'number' || !(targetCredits > 0)) bad('targetCredits', 'must be a number > 0');

  const periodRaw = isObj(raw.period) ? raw.period : {};
  if (!isObj(raw.period)) bad('period', 'must be an object with start and end');
  const period = { start: date(periodRaw, 'start', 'period.start'), end: date(periodRaw, 'end', 'period.end') };
  if (period.start && period.end && period.start > period.end) bad('period', 'start must not be after end');
  const projectionHorizon = date(raw, 'projectionHorizon', 'projectionHorizon');
  const projectionOrigin = raw.projectionOrigin === undefined ? undefined : date(raw, 'projectionOrigin', 'projectionOrigin');

  const licenceRaw = isObj(raw.licence) ? raw.licence : { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };
  const licence = { name: str(licenceRaw, 'name', 'licence.name'), url: str(licenceRaw, 'url', 'licence.url') };

  const reportingIntervalDays = raw.reportingIntervalDays;
  if (reportingIntervalDays !== undefined && !(typeof reportingIntervalDays === 'number' && Number.isInteger(reportingIntervalDays) && reportingIntervalDays >= 1))
    bad('reportingIntervalDays', `must be a whole number of days ≥ 1, got ${JSON.stringify(reportingIntervalDays)}`);

  const partners: Partner[] = array(raw, 'partners').map((p, i) => {
    const target = p.targetCredits;
    if (target !== undefined && !(typeof target === 'number' && target > 0)) bad(`partners[${i}].targetCredits`, `must be a number > 0, got ${JSON.stringify(target)}`);
    return {
      id: str(p, 'id', `partners[${i}].id`),
      code: str(p, 'code', `partners[${i}].code`),
      shortName: str(p, 'shortName', `partners[${i}].shortName`),
      name: localized(p, 'name', `partners[${i}].name`),
      ...(typeof target === 'number' && target > 0 ? { targetCredits: target } : {}),
    };
  });
  partners.forEach((p, i) => {
    if (p.id && !/^[a-z0-9][a-z0-9-]*$/.test(p.id)) bad(`partners[${i}].id`, 'must be lower-case letters, digits and hyphens (it names the CSV file)');
    if (partners.findIndex((q) => q.id === p.id) !== i) bad(`partners[${i}].id`, `duplicate partner id ${JSON.stringify(p.id)}`);
  });

  const fields: Field[] = array(raw, 'fields').map((f, i) => {
    const code = f.code;
    if (typeof code !== 'number' || !Number.isInteger(code) || code < 1) bad(`fields[${i}].code`, 'must be a whole number ≥ 1');
    return { code: typeof code === 'number' ? code : 0, name: localized(f, 'name', `fields[${i}].name`) };
  });
  fields.forEach((f, i) => {
    if (fields.findIndex((g) => g.code === f.code) !== i) bad(`fields[${i}].code`, `duplicate field code ${f.code}`);
  });

  const milestonesRaw = Array.isArray(raw.milestones) ? raw.milestones : [];
  const milestones: Milestone[] = milestonesRaw.map((m: unknown, i: number) => {
    const o = isObj(m) ? m : {};
    const credits = o.credits;
    if (typeof credits !== 'number' || !(credits >= 0)) bad(`milestones[${i}].credits`, 'must be a number ≥ 0');
    const url = o.url;
    if (url !== null && url !== undefined && typeof url !== 'string') bad(`milestones[${i}].url`, 'must be a string or null');
    return {
      date: date(o, 'date', `milestones[${i}].date`),
      credits: typeof credits === 'number' ? credits : 0,
      source: localized(o, 'source', `milestones[${i}].source`),
      url: typeof url === 'string' ? url : null,
      ...(typeof o.title === 'string' ? { title: o.title, titleLang: typeof o.titleLang === 'string' ? o.titleLang : 'fi' } : {}),
      ...(typeof o.note === 'string' ? { note: o.note } : {}),
    };
  });

  const contactRaw = isObj(raw.contact) ? raw.contact : {};
  const contact = {
    email: typeof contactRaw.email === 'string' ? contactRaw.email : null,
    ...(contactRaw.note !== undefined ? { note: localized(contactRaw, 'note', 'contact.note') } : {}),
  };

  const accessibilityAssessed = raw.accessibilityAssessed;
  if (accessibilityAssessed !== undefined && !(typeof accessibilityAssessed === 'string' && isIsoDate(accessibilityAssessed))) bad('accessibilityAssessed', 'must be a date YYYY-MM-DD');

  if (problems.length > 0) throw new DataError(problems);
  return {
    id, name, description, demo: raw.demo === true, targetCredits: targetCredits as number, period,
    projectionHorizon, ...(projectionOrigin ? { projectionOrigin } : {}),
    ...(typeof reportingIntervalDays === 'number' ? { reportingIntervalDays } : {}), licence, source,
    ...(assumptions ? { assumptions } : {}), ...(demoFacts ? { demoFacts } : {}), partners, fields, milestones, contact,
    ...(typeof accessibilityAssessed === 'string' ? { accessibilityAssessed } : {}),
  };
}
