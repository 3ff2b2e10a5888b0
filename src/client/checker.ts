// The checker page: reads the files a person picks or drops, checks each with the build's own
// loader (src/lib/changes/check-file.ts) and shows what it found. Nothing is sent anywhere: the
// page's policy has connect-src 'none', and everything the check needs is in the page.
import { checkFile, placeFromName, type FileCheck } from '../lib/changes/check-file.ts';
import { parseDate } from '../lib/dates.ts';
import { fill } from '../lib/i18n/fill.ts';
import type { Say } from '../lib/i18n/problem-text.ts';
import type { CheckerData } from '../lib/view/checker-view.ts';
import { renderCheck, type CheckedFile } from './checker-render.ts';

const data = JSON.parse(document.getElementById('checker-data')!.textContent!) as CheckerData;
const form = document.getElementById('checker') as HTMLFormElement;
form.hidden = false;
const input = document.getElementById('check-files') as HTMLInputElement;
const partner = document.getElementById('check-partner') as HTMLSelectElement;
const date = document.getElementById('check-date') as HTMLInputElement;
const drop = document.getElementById('check-drop') as HTMLElement;
const out = document.getElementById('check-results') as HTMLElement;
// The page's strings filled as npm run validate fills them (fill.ts), so both say a problem alike.
const s: Say = (key, params) => fill(data.strings[key as keyof typeof data.strings] ?? key, params);
const partnerIds = data.programme.partners.map((p) => p.id);
let files: File[] = [];
// The workbook reader (the build's, src/lib/ingest/xlsx/) is a chunk of its own, asked for as soon as the page has
// run, not when a workbook is picked: no request is made while a file is checked, and a page
// loaded once checks workbooks offline too.
const workbookReader = import('./read-workbook.ts');

/** Returns the name a file was given, with its folder when it was dropped inside one. */
const nameOf = (f: File) => f.webkitRelativePath || f.name;

// What the page filled in from a file's name (rather than the person chose) is filled in again
// from the next file's: checking laurea.csv after hamk.csv must not check it as hamk's.
const filled = new Set<HTMLElement>();
for (const field of [partner, date]) field.addEventListener('input', () => filled.delete(field));
// Results under a changed choice would answer another question: they go, and the page says why.
for (const field of [partner, date])
  field.addEventListener('input', () => {
    if (out.querySelector('.check-file')) out.replaceChildren(Object.assign(document.createElement('p'), { textContent: s('check.stale'), className: 'check-stale' }));
  });

/** Fills in partner and date from the first file's name, where the person has not chosen them. */
function fillFromName(): void {
  if (files.length === 0) return;
  const place = placeFromName(nameOf(files[0]), partnerIds);
  const fill = (field: HTMLInputElement | HTMLSelectElement, value: string | null) => {
    if (field.value.trim() !== '' && !filled.has(field)) return;
    field.value = value ?? '';
    if (value) filled.add(field);
    else filled.delete(field);
  };
  fill(partner, place.partnerId);
  fill(date, place.date);
}

/**
 * Returns the place of one file, or why it has none. One file: what the form says (filled in from
 * its name, then perhaps changed). Several: each file's own name first, the form where it is silent.
 */
function placeOf(f: File): { partnerId: string; date: string } | { error: string } {
  const named = placeFromName(nameOf(f), partnerIds);
  const typed = date.value.trim();
  const typedIso = typed === '' ? null : parseDate(typed);
  if (typed !== '' && typedIso === null && (files.length === 1 || !named.date)) return { error: s('check.badDate', { date: typed }) };
  const one = files.length === 1;
  const iso = one ? (typedIso ?? named.date) : (named.date ?? typedIso);
  const partnerId = one ? partner.value || named.partnerId : (named.partnerId ?? (partner.value || null));
  if (!partnerId) return { error: s('check.needPartner') };
  if (!iso) return { error: s('check.needDate') };
  return { partnerId, date: iso };
}

/** Returns the reader's own day as YYYY-MM-DD (their clock, their time zone). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The latest check: one started while another runs (new files picked) makes the older one moot. */
let latest = 0;

/** Checks every file in turn and shows the results, then moves focus to their heading. */
async function run(): Promise<void> {
  if (files.length === 0) return;
  const token = ++latest;
  out.replaceChildren(Object.assign(document.createElement('p'), { textContent: s('check.reading') }));
  const results: CheckedFile[] = [];
  for (const f of files) {
    const place = placeOf(f);
    if ('error' in place) {
      results.push({ name: nameOf(f), error: place.error });
      continue;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const xlsx = /\.xlsx$/i.test(f.name);
    const workbook = xlsx ? (await workbookReader).readWorkbook(bytes) : undefined;
    const file = { name: nameOf(f), ...place, ...(workbook ? { workbook } : { bytes }), today: localToday() };
    const check: FileCheck = checkFile(data.programme, file, data.published, s);
    results.push({ name: file.name, place, check });
  }
  if (token !== latest) return;
  renderCheck(out, results, data, s);
  out.querySelector<HTMLElement>('h2')?.focus();
}

function take(list: FileList | null): void {
  files = list ? [...list] : [];
  fillFromName();
  void run();
}

input.addEventListener('change', () => take(input.files));
form.addEventListener('submit', (e) => {
  e.preventDefault();
  void run();
});
// Dropping is an addition to the file input: a dropped file is checked as a picked one.
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('dragging');
});
drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('dragging');
  take(e.dataTransfer?.files ?? null);
});
