// The Atom feed of one language: an entry per snapshot date (what was reported, what changed) and
// per milestone (the target reached, the published figures of programme.json), written by the
// `feed` library. Every date in it comes from the data, never from the clock, so a build is
// byte-for-byte repeatable, and every entry id is a tag: URI made of what the entry is about.
import { Feed } from 'feed';
import type { HistoryRow } from '../aggregate/reporting-history.ts';
import type { Lang } from '../contract/programme.ts';
import { formatter } from '../format.ts';
import { t } from '../i18n/index.ts';
import { changeSince, countsText } from '../view/change-view.ts';
import type { DashboardData } from '../pipeline.ts';
import { reachedText, targetReached, type TargetReached } from '../view/target-reached.ts';
import { endOfMonth } from '../dates.ts';

/** Where the feed and its entries point, as site paths (`/fi/`, `/fi/feed.xml`). */
interface FeedPaths {
  self: string;
  dashboard: string;
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
}

type FeedData = Pick<DashboardData, 'programme' | 'aggregates' | 'history'>;

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
  const snapshots = d.history.map((row) => snapshotEntry(row, lang, paths, target, a.targetCredits));
  const when = targetReached(a);
  const byDay = when?.precision === 'day';
  const reached: FeedEntry[] = when
    ? [
        {
          key: 'target',
          title: t(lang, byDay ? 'feed.target.title' : 'feed.target.titleMonth', { target, date: reachedText(when, f) }),
          date: entryDate(when, a.asOf),
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
    }),
  );
  // Newest first; on one day a milestone before the target before the snapshot (the order is fixed, so the bytes are).
  const order = (e: FeedEntry) => (e.key.startsWith('milestone/') ? 0 : e.key === 'target' ? 1 : 2);
  return [...milestones, ...reached, ...snapshots].sort((x, y) => (x.date === y.date ? order(x) - order(y) : x.date < y.date ? 1 : -1));
}

/**
 * Returns the date of the target's entry: the day it was reached, or where only the month is known
 * the last day of that month (by then it had been reached), or the as-of date if that is earlier.
 */
function entryDate(r: TargetReached, asOf: string): string {
  if (r.precision === 'day') return r.iso;
  const end = endOfMonth(r.iso);
  return end < asOf ? end : asOf;
}

function snapshotEntry(row: HistoryRow, lang: Lang, paths: FeedPaths, target: string, targetCredits: number): FeedEntry {
  const f = formatter(lang);
  const total = f.credits(row.reportedCredits);
  const percent = f.percent(Math.round((row.reportedCredits / targetCredits) * 1000) / 10);
  const change = changeSince(lang, row);
  const counts = countsText(lang, row, ['added', 'corrected', 'withdrawn']);
  return {
    key: `snapshot/${row.date}`,
    title: t(lang, 'feed.snapshot.title', { date: f.date(row.date), total }),
    date: row.date,
    link: `${paths.dashboard}#history-title`,
    paragraphs: [
      t(lang, 'feed.snapshot.reported', { total, percent, target }),
      change ? t(lang, 'feed.snapshot.change', { change }) : t(lang, 'feed.snapshot.first'),
      ...(counts ? [t(lang, 'feed.snapshot.counts', { counts })] : []),
    ],
  };
}

/**
 * Returns the id of an entry (or, with no key, of the feed): a tag: URI (RFC 4151) named by the
 * site's host, or by the programme id when the build has no site address, and dated by the start
 * of the programme.
 */
function feedId(d: FeedData, lang: Lang, site: URL | undefined, key?: string): string {
  return `tag:${site ? site.hostname : d.programme.id},${d.programme.period.start}:${d.programme.id}/${lang}/feed${key ? `/${key}` : ''}`;
}

/** Returns the Atom feed of a language: absolute links when the site address is known, site paths otherwise. */
export function atomFeed(d: FeedData, lang: Lang, paths: FeedPaths, site: URL | undefined): string {
  const base = site ?? new URL(NO_SITE);
  const url = (path: string) => new URL(path, base).href;
  const entries = feedEntries(d, lang, paths);
  const name = d.programme.name[lang];
  const feed = new Feed({
    id: feedId(d, lang, site),
    title: t(lang, 'feed.title', { programme: name }),
    description: t(lang, 'feed.subtitle'),
    link: url(paths.dashboard),
    feedLinks: { atom: url(paths.self) },
    language: lang,
    author: { name },
    copyright: d.programme.licence.name,
    updated: day(entries.reduce((latest, e) => (e.date > latest ? e.date : latest), d.aggregates.asOf)),
  });
  for (const e of entries) {
    feed.addItem({
      id: feedId(d, lang, site, e.key),
      title: escapeHtml(e.title),
      link: url(e.link),
      date: day(e.date),
      content: e.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
    });
  }
  const xml = feed.atom1();
  return `${site ? xml : xml.replaceAll(`href="${NO_SITE}/`, 'href="/')}\n`;
}
