// Draws the checker's results with DOM calls only (the page's policy requires Trusted Types for
// HTML, so no markup is ever parsed from a string): per file a heading, its problems grouped by
// rule, its warnings apart, and for a good file what it changes against the published figures.
import { isLongPast, LONG_PAST_MONTHS } from '../lib/changes/change-list.ts';
import { placeFromName, type FileCheck } from '../lib/changes/check-file.ts';
import { plausibilityText } from '../lib/changes/plausibility.ts';
import { exportRel } from '../lib/changes/validate-plan.ts';
import { formatter } from '../lib/format.ts';
import type { CheckerData } from '../lib/view/checker-view.ts';

/** One file as checked, or why it could not be. */
export type CheckedFile =
  | { name: string; error: string }
  | { name: string; place: { partnerId: string; date: string }; check: FileCheck };

type Say = (key: string, params?: Record<string, string | number>) => string;

/** Returns a new element with its text or children. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, content?: string | Node[], attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (typeof content === 'string') e.textContent = content;
  else if (content) e.append(...content);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** Replaces `out`'s content with the results of every file, under one focusable heading. */
export function renderCheck(out: HTMLElement, results: readonly CheckedFile[], data: CheckerData, s: Say): void {
  const nodes: Node[] = [el('h2', s('check.results'), { tabindex: '-1', id: 'check-results-title' })];
  results.forEach((r, i) => nodes.push(fileSection(r, i, data, s)));
  out.replaceChildren(...nodes);
}

function fileSection(r: CheckedFile, i: number, data: CheckerData, s: Say): HTMLElement {
  const f = formatter(data.lang);
  const id = `check-file-${i}`;
  const section = el('section', [], { 'aria-labelledby': id, class: 'check-file' });
  if ('error' in r) {
    section.append(el('h3', r.name, { id }), el('p', r.error, { class: 'check-bad' }));
    return section;
  }
  const { check, place } = r;
  const partnerName = data.programme.partners.find((p) => p.id === place.partnerId)?.name[data.lang] ?? place.partnerId;
  const n = check.problems.length;
  const warnings = [...check.warnings, ...check.plausibility.map((w) => plausibilityText(w, s, data.lang))];
  const w = warnings.length;
  // A file with warnings only is not refused, and still may not be what anyone meant to send.
  const verdict =
    n === 1 ? s('check.problemsOne') : n > 1 ? s('check.problemsMany', { n: f.number(n) }) : w === 0 ? s('check.ok') : w === 1 ? s('check.okWarningOne') : s('check.okWarningMany', { n: f.number(w) });
  section.append(
    el('h3', `${r.name}: ${verdict}`, { id, class: n > 0 ? 'check-bad' : w > 0 ? 'check-warn' : 'check-good' }),
    el('p', s('check.checkedAs', { partner: partnerName, date: f.date(place.date) })),
  );
  // Where the form decides a file's place (one file), it wins over the name (a person may know
  // better), but never silently: laurea.csv checked as HAMK's had been told only to save it as
  // hamk.csv. Several files are placed by their names first, so this says nothing for them.
  const named = placeFromName(r.name, data.programme.partners.map((p) => p.id));
  if (named.partnerId !== null && named.partnerId !== place.partnerId) {
    const short = (id: string) => data.programme.partners.find((p) => p.id === id)?.shortName ?? id;
    section.append(el('p', s('check.nameOtherPartner', { named: short(named.partnerId), partner: short(place.partnerId) }), { class: 'check-warn' }));
  }
  if (named.date !== null && named.date !== place.date) {
    section.append(el('p', s('check.nameOtherDate', { named: f.date(named.date), date: f.date(place.date) }), { class: 'check-warn' }));
  }
  // The build reads a file by its place alone: a name such as "hamk (1).csv" would be refused there.
  const placed = `snapshots/${exportRel({ ...place, format: /\.xlsx$/i.test(r.name) ? 'xlsx' : 'csv' })}`;
  const renamed = r.name.split('/').pop() !== placed.split('/').pop();
  const text = (t: string) => document.createTextNode(t);
  if (n === 0) section.append(el('p', [text(`${s('check.placeAs')} `), el('code', placed), ...(renamed ? [text(` ${s('check.rename')}`)] : [])], { class: 'check-place-as' }));
  if (n > 0) {
    section.append(el('p', s('check.wordsNote')));
    check.groups.forEach((g, k) => {
      const gid = `${id}-rule-${k}`;
      const count = g.count === 1 ? s('check.ruleOnce') : s('check.ruleCount', { n: f.number(g.count) });
      const items = g.first.map((p) => el('li', [el('code', p)]));
      if (g.count > g.first.length) items.push(el('li', s('check.more', { n: f.number(g.count - g.first.length) })));
      // The rule and the problems under it in the page's language, as npm run validate --lang says them.
      section.append(el('h4', `${g.heading} (${count})`, { id: gid }), el('ul', items, { 'aria-labelledby': gid, class: 'check-problems' }));
    });
  }
  if (w > 0) {
    section.append(el('h4', `${s('check.warnings')} (${f.number(w)})`), el('ul', warnings.map((text) => el('li', [el('code', text)])), { class: 'check-warnings' }));
  }
  if (check.diff) section.append(...changes(check, partnerName, place.date, id, data, s));
  return section;
}

/** Returns what a good file changes: a table of month × field, the months touched and the new total. */
function changes(check: FileCheck, partnerName: string, date: string, id: string, data: CheckerData, s: Say): Node[] {
  const f = formatter(data.lang);
  const d = check.diff!;
  const pub = data.published;
  const nodes: Node[] = [el('h4', s('check.changesTitle')), el('p', s('check.changesAgainst', { partner: partnerName, date: f.date(pub.asOf) }))];
  if (d.fields.length === 0) nodes.push(el('p', s('check.noChange')));
  else {
    const fieldName = (code: number) => data.programme.fields.find((x) => x.code === code)?.name[data.lang] ?? String(code);
    const head = ['check.colMonth', 'check.colField', 'check.colPublished', 'check.colFile', 'check.colChange', 'check.colCompletions'].map((k) => el('th', s(k), { scope: 'col' }));
    const rows = d.fields.map((c) =>
      el('tr', [
        el('th', f.month(c.month), { scope: 'row' }),
        el('td', `${c.fieldCode} ${fieldName(c.fieldCode)}`),
        el('td', f.exactCredits(c.before.credits / 100), { class: 'num' }),
        el('td', f.exactCredits(c.after.credits / 100), { class: 'num' }),
        el('td', f.signedExactCredits((c.after.credits - c.before.credits) / 100), { class: 'num' }),
        el('td', `${f.number(c.before.completions)} → ${f.number(c.after.completions)}`, { class: 'num' }),
      ]),
    );
    // The caption stands above the scrolling box, not in it: on a phone the table is wider than
    // the screen, and a caption inside would be cut with it.
    const captionId = `${id}-changes`;
    const table = el('table', [el('thead', [el('tr', head)]), el('tbody', rows)], { 'aria-labelledby': captionId });
    nodes.push(el('p', s('check.caption'), { id: captionId, class: 'check-caption' }));
    nodes.push(el('div', [table], { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': captionId }));
    nodes.push(el('p', s('check.monthsTouched', { months: f.list(d.months.map((m) => f.month(m.month))) })));
    // The coordinator's validate flags these and asks the partner why: better said before sending.
    const past = d.months.map((m) => m.month).filter((m) => isLongPast(m, date));
    if (past.length > 0) nodes.push(el('p', s('check.longPast', { months: f.list(past.map((m) => f.month(m))), back: f.number(LONG_PAST_MONTHS) })));
  }
  nodes.push(el('p', s('check.net', { change: f.signedExactCredits(d.net / 100) })));
  nodes.push(
    el(
      'p',
      s('check.newTotal', {
        total: f.exactCredits(check.newTotal!),
        percent: f.percent(check.newPercent!),
        target: f.credits(pub.targetCredits),
        published: f.exactCredits(pub.totalCredits),
        publishedPercent: f.percent(pub.percentOfTarget),
      }),
    ),
  );
  return nodes;
}
