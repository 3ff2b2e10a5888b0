// Why the learner counts of summary.json are null, said where the file is described (the data
// page; no other page shows learner counts). Two reasons, kept apart because they call for
// different remedies: a partner sends monthly totals, which cannot hold distinct learners; or a
// partner's completions carry no learner ids (a learner_id column missing or with empty cells).
import type { Lang } from '../contract/programme.ts';
import { formatter } from '../format.ts';
import { t } from '../i18n/index.ts';
import type { DashboardData } from '../pipeline.ts';

type LearnersData = { programme: Pick<DashboardData['programme'], 'partners'>; aggregates: Pick<DashboardData['aggregates'], 'learners' | 'partners' | 'totalsPartners'> };

/** Returns why learner counts are not published, a sentence for each reason; empty when they are. */
export function learnersNullReasons(d: LearnersData, lang: Lang): string[] {
  const a = d.aggregates;
  if (a.learners !== null) return [];
  const f = formatter(lang);
  const name = (id: string) => d.programme.partners.find((p) => p.id === id)?.shortName ?? id;
  const totals = a.totalsPartners.map(name);
  // A partner with no export yet has no learners either, but nothing of it is counted to be missing.
  const noIds = a.partners.filter((p) => p.learners === null && p.lastSnapshot !== null && !a.totalsPartners.includes(p.id)).map((p) => name(p.id));
  const reasons: string[] = [];
  if (totals.length > 0) reasons.push(t(lang, totals.length === 1 ? 'data.learnersNull.totals' : 'data.learnersNull.totalsMany', { partners: f.list(totals) }));
  if (noIds.length > 0) reasons.push(t(lang, noIds.length === 1 ? 'data.learnersNull.ids' : 'data.learnersNull.idsMany', { partners: f.list(noIds) }));
  return reasons;
}
