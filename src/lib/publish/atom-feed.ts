// The Atom feeds: the programme's of one language, an entry per snapshot date (what was reported,
// what changed) and per milestone (the target reached, the published figures of programme.json),
// and each partner's, an entry per export of that partner, said the same way. The `feed` library
// writes both. Every date in them comes from the data, never from the clock, so a build is
// byte-for-byte repeatable, and every entry id is a tag: URI made of what the entry is about.
import { Feed } from 'feed';
import type { PartnerHistoryRow } from '../aggregate/partner-history.ts';
import type { HistoryRow } from '../aggregate/reporting-history.ts';
import type { Lang, Partner } from '../contract/programme.ts';
import { formatter } from '../format.ts';
import { t, type StringKey } from '../i18n/index.ts';
import { changeSince, countsText } from '../view/change-view.ts';
import { percentOf } from '../view/chart-view.ts';
import type { DashboardData } from '../pipeline.ts';
import { reachedText, targetReached, type TargetReached } from '../view/target-reached.ts';
import { endOfMonth } from '../dates.ts';
import { reportingRounds } from '../changes/rounds.ts';
import { creditParts } from '../charts/attribution.ts';
import { demoNotice } from '../view/demo-notice.ts';
import { provisionalNote } from '../view/provisional.ts';

/** Where the feed and its entries point, as site paths (`/fi/`, `/fi/feed.xml`). */
interface FeedPaths {
  self: string;
  dashboard: string;
}

/** Where a partner's feed and its entries point, as site paths (`/fi/korkeakoulut/alpha/`, `…/feed.xml`). */
interface PartnerFeedPaths {
  self: string;
  page: string;
}

/** One entry, before the library writes it. */
interface FeedEntry {
  /** What the entry is about, the end of its id: `snapshot/2023-12-31`, `target`, `milestone/2023-12-31/8937`. */
  key: string;
  title: string;
  /** The entry's date (ISO): the snapshot date, the day the target was reached (see entryDate), a milestone's date. */
  date: string;
  /** A site path (`/fi/#history-title`) or, for a published source, its own address. */
  link: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  /** Its paragraphs name a source of their own (a published figure's): the programme's credit line is not added. */
  ownSource?: true;
}

/** A feed's own elements, before the library writes it. */
interface FeedHead {
  /** What the feed is about, the end of its id and the start of its entries' (`feed`, `partners/alpha/feed`). */
  scope: string;
  title: string;
  subtitle: string;
  author: string;
  /** The page it follows and its own address, as site paths. */
  page: string;
  self: string;
  /** Its date (ISO): its newest entry's, or a date from the data when it has none newer. */
  updated: string;
}

/** An export's entry: what the programme's feed and a partner's say in their own words. */
interface ExportWords {
  key: string;
  title: string;
  link: string;
  /** What was reported, in a sentence. */
  reported: string;
  /** The sentence for the first export, which has nothing to change from. */
  first: StringKey;
  /** The sentence around the completions added, corrected and withdrawn (`{counts}`). */
  counts: StringKey;
}

/** An export's totals and its change since the export before it (the programme's at a snapshot date, or a partner's). */
type ExportRow = Pick<HistoryRow, 'date' | 'since' | 'creditChange' | 'added' | 'corrected' | 'withdrawn'>;

/** `currency` absent: no partner is taken to be behind (hand-made data). */
type FeedData = Pick<DashboardData, 'programme' | 'aggregates' | 'history'> & Partial<Pick<DashboardData, 'currency' | 'partnerHistory'>>;
type PartnerFeedData = Pick<DashboardData, 'programme' | 'aggregates' | 'partnerHistory'>;

/**
 * The feed library checks every link with `new URL()`, which takes absolute addresses only. Without
 * a site address, links are made against this origin (reserved, RFC 2606) and written back as
 * site paths, which Atom resolves against the feed's own address.
 */
const NO_SITE = 'https://site.invalid';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Returns the entries of a language's feed, newest first. */
export function feedEntries(d: FeedData, lang: Lang, paths: FeedPaths): FeedEntry[] {
  const f = formatter(lang);
  const a = d.aggregates;
  const target = f.credits(a.targetCredits);
  // The latest total, when a partner is behind, says so as the headline does: a feed entry travels alone.
  const provisional = provisionalNote(d.currency, d.programme.partners, lang);
  const snapshots = d.history.map((row) => {
    const entry = snapshotEntry(row, lang, paths, target, a.targetCredits);
    const sent = sentOn(d, row.date, lang);
    const paragraphs = [...entry.paragraphs, ...(sent ? [sent] : []), ...(provisional && row.date === a.asOf ? [`${provisional.label}. ${provisional.text}`] : [])];
    return { ...entry, paragraphs };
  });
  const when = targetReached(a);
  const byDay = when?.precision === 'day';
  const reached: FeedEntry[] = when
    ? [
        {
          key: 'target',
          title: t(lang, byDay ? 'feed.target.title' : 'feed.target.titleMonth', { target, date: reachedText(when, f) }),
          date: entryDate(when, a.asOf, d.history.find((row) => row.reportedCredits >= a.targetCredits)?.date),
          link: `${paths.dashboard}#chart-cumulative`,
          paragraphs: [t(lang, byDay ? 'feed.target.text' : 'feed.target.textMonth', { target, date: reachedText(when, f), asOf: f.date(a.asOf) })],
        },
      ]
    : [];
  const milestones = d.programme.milestones.map(
    (m): FeedEntry => ({
      key: `milestone/${m.date}/${m.credits}`,
      title: t(lang, 'feed.milestone.title', { credits: f.credits(m.credits), date: f.month(m.date.slice(0, 7)) }),
      date: m.date,
      link: m.url ?? paths.dashboard,
      paragraphs: [`${t(lang, 'footer.source', { source: m.source[lang] })}${m.title ? `: ${t(lang, 'feed.quoted', { title: m.title })}` : ''}.`],
      ownSource: true,
    }),
  );
  // Newest first; on one day a milestone before the target before the snapshot (the order is fixed, so the bytes are).
  const order = (e: FeedEntry) => (e.key.startsWith('milestone/') ? 0 : e.key === 'target' ? 1 : 2);
  return [...milestones, ...reached, ...snapshots].sort((x, y) => (x.date === y.date ? order(x) - order(y) : x.date < y.date ? 1 : -1));
}

/**
 * Returns the date of the target's entry: the first snapshot date whose reported total reached it
 * (`knownOn`), when the news could first be told. The day it was reached (or where only the month
 * is known, that month's last day, or the as-of date if earlier) where no reported total shows it
 * yet or it was known at once. Dated by the day it was reached, the demo's entry of 8.12.2023
 * sorted below the 28.12 snapshot's in a feed reader, though it was news only on 31.12, and a
 * reader never showed it as new.
 */
function entryDate(r: TargetReached, asOf: string, knownOn: string | undefined): string {
  const end = endOfMonth(r.iso);
  const reached = r.precision === 'day' ? r.iso : end < asOf ? end : asOf;
  return knownOn !== undefined && knownOn > reached ? knownOn : reached;
}

/**
 * Returns, while a reporting round is coming in on a date (a partner's newest export then lies in
 * an earlier round, changes/rounds.ts), which partners sent one that day and that the
 * others' figures are their earlier exports': the entry of 28.12.2023 (Xamk alone) said 86,3 % of
 * the target, below the entry of the target reached on 8.12., with nothing to say why. Null when
 * every partner's figures are of the date's round, or when the feed has no partner histories.
 */
function sentOn(d: FeedData, date: string, lang: Lang): string | null {
  const histories = d.partnerHistory;
  if (!histories) return null;
  const newest = (id: string) => (histories[id] ?? []).filter((row) => row.date <= date).at(-1)?.date;
  const dates = [...new Set(Object.values(histories).flatMap((rows) => rows.map((row) => row.date)))].filter((d) => d <= date).sort();
  const roundStart = reportingRounds(dates.map((d) => ({ date: d }))).at(-1)?.[0].date ?? date;
  const sent = d.programme.partners.filter((p) => newest(p.id) === date);
  const earlier = d.programme.partners.filter((p) => {
    const last = newest(p.id);
    return last !== undefined && last < roundStart;
  });
  if (sent.length === 0 || earlier.length === 0) return null;
  return t(lang, 'feed.snapshot.some', { partners: formatter(lang).list(sent.map((p) => p.shortName)) });
}

function snapshotEntry(row: HistoryRow, lang: Lang, paths: FeedPaths, target: string, targetCredits: number): FeedEntry {
  const f = formatter(lang);
  const total = f.credits(row.reportedCredits);
  const percent = f.percent(Math.round((row.reportedCredits / targetCredits) * 1000) / 10);
  return exportEntry(row, lang, {
    key: `snapshot/${row.date}`,
    title: t(lang, 'feed.snapshot.title', { date: f.date(row.date), total }),
    link: `${paths.dashboard}#history-title`,
    reported: t(lang, 'feed.snapshot.reported', { total, percent, target }),
    first: 'feed.snapshot.first',
    counts: 'feed.snapshot.counts',
  });
}

/** Returns an export's entry: what was reported, the change since the export before (or that it is the first), its counts. */
function exportEntry(row: ExportRow, lang: Lang, w: ExportWords): FeedEntry {
  const change = changeSince(lang, row);
  const counts = countsText(lang, row, ['added', 'corrected', 'withdrawn']);
  return {
    key: w.key,
    title: w.title,
    date: row.date,
    link: w.link,
    paragraphs: [w.reported, change ? t(lang, 'feed.snapshot.change', { change }) : t(lang, w.first), ...(counts ? [t(lang, w.counts, { counts })] : [])],
  };
}

function partnerOf(d: Pick<DashboardData, 'programme'>, id: string): Partner {
  const partner = d.programme.partners.find((p) => p.id === id);
  if (!partner) throw new Error(`no partner ${id} in programme.json`);
  return partner;
}

/**
 * Returns the entries of a partner's feed in a language, newest first: one per export of the
 * partner, its totals and its change since its own previous export, named by the partner. Only
 * what the partner's page shows: totals and counts of completions, no learner and no course.
 */
export function partnerFeedEntries(d: PartnerFeedData, id: string, lang: Lang, paths: PartnerFeedPaths): FeedEntry[] {
  const partner = partnerOf(d, id);
  const f = formatter(lang);
  const name = partner.name[lang];
  const rows: readonly PartnerHistoryRow[] = d.partnerHistory[id] ?? [];
  const target = partner.targetCredits;
  const entries = rows.map((row, i): FeedEntry => {
    const total = f.credits(row.credits);
    const completions = f.number(row.completions);
    const reported =
      target === undefined
        ? t(lang, 'feed.partner.reported', { name, total, completions })
        : t(lang, 'feed.partner.reportedTarget', { name, total, completions, percent: f.percent(Math.round(percentOf(row.credits, target) * 10) / 10), target: f.credits(target) });
    return exportEntry({ ...row, since: rows[i - 1]?.date ?? null }, lang, {
      key: `snapshot/${row.date}`,
      title: t(lang, 'feed.partner.entry', { name, date: f.date(row.date), total }),
      link: `${paths.page}#partner-history`,
      reported,
      first: 'feed.partner.first',
      counts: 'feed.partner.counts',
    });
  });
  return entries.reverse();
}

/**
 * Returns the id of an entry (or, with no key, of the feed): a tag: URI (RFC 4151) named by the
 * site's host, or by the programme id when the build has no site address, and dated by the start
 * of the programme; the feed's scope (`feed`, `partners/alpha/feed`) follows the language.
 */
function feedId(d: Pick<DashboardData, 'programme'>, lang: Lang, site: URL | undefined, scope: string, key?: string): string {
  return `tag:${site ? site.hostname : d.programme.id},${d.programme.period.start}:${d.programme.id}/${lang}/${scope}${key ? `/${key}` : ''}`;
}

/** Returns the newest date of the entries, or `floor` when none is newer. */
const newest = (entries: readonly FeedEntry[], floor: string) => entries.reduce((latest, e) => (e.date > latest ? e.date : latest), floor);

/** Returns the Atom feed of a language: absolute links when the site address is known, site paths otherwise. */
export function atomFeed(d: FeedData, lang: Lang, paths: FeedPaths, site: URL | undefined): string {
  const entries = feedEntries(d, lang, paths);
  const name = d.programme.name[lang];
  const head: FeedHead = {
    scope: 'feed',
    title: t(lang, 'feed.title', { programme: name }),
    subtitle: t(lang, 'feed.subtitle'),
    author: name,
    page: paths.dashboard,
    self: paths.self,
    updated: newest(entries, d.aggregates.asOf),
  };
  return writeAtom(d, lang, head, entries, site);
}

/**
 * Returns the Atom feed of a partner in a language: its exports, as the programme's feed says its
 * snapshot dates. Its date is that of the partner's newest export, or the as-of date before any.
 */
export function partnerAtomFeed(d: PartnerFeedData, id: string, lang: Lang, paths: PartnerFeedPaths, site: URL | undefined): string {
  const entries = partnerFeedEntries(d, id, lang, paths);
  const name = partnerOf(d, id).name[lang];
  const head: FeedHead = {
    scope: `partners/${id}/feed`,
    title: t(lang, 'feed.partner.title', { name, programme: d.programme.name[lang] }),
    subtitle: t(lang, 'feed.partner.subtitle'),
    author: name,
    page: paths.page,
    self: paths.self,
    updated: entries[0]?.date ?? d.aggregates.asOf,
  };
  return writeAtom(d, lang, head, entries, site);
}

/**
 * Writes a feed with the library: absolute links when the site address is known, site paths
 * otherwise. A feed reader shows an entry alone, away from the site, so each ends with the source
 * (and the demonstration label where the figures are not real), as every chart image and embed
 * does; the feed's own description says what is demonstration data.
 */
function writeAtom(d: Pick<DashboardData, 'programme' | 'aggregates'>, lang: Lang, head: FeedHead, entries: readonly FeedEntry[], site: URL | undefined): string {
  const base = site ?? new URL(NO_SITE);
  const url = (path: string) => new URL(path, base).href;
  // The credit line without its date: each entry has its own.
  const credit = creditParts(d, lang).slice(1).join(' · ');
  const feed = new Feed({
    id: feedId(d, lang, site, head.scope),
    title: head.title,
    description: d.programme.demo ? `${head.subtitle} ${t(lang, 'demo.title')}: ${demoNotice(d, lang)}` : head.subtitle,
    link: url(head.page),
    feedLinks: { atom: url(head.self) },
    language: lang,
    author: { name: head.author },
    copyright: d.programme.licence.name,
    updated: day(head.updated),
  });
  for (const e of entries) {
    feed.addItem({
      id: feedId(d, lang, site, head.scope, e.key),
      title: escapeHtml(e.title),
      link: url(e.link),
      date: day(e.date),
      content: (e.ownSource ? e.paragraphs : [...e.paragraphs, credit]).map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
    });
  }
  const xml = feed.atom1();
  return `${site ? xml : xml.replaceAll(`href="${NO_SITE}/`, 'href="/')}\n`;
}
