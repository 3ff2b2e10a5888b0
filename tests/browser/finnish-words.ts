// Finnish UI words on a Swedish or English page: the marker list, and what a page shows of them.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { STRINGS } from '../../src/lib/i18n/index.ts';

/** Finnish words of the UI: the marker list and every Finnish UI word not used in Swedish or English. */
export function finnishMarkers(): string[] {
  const programme = JSON.parse(readFileSync('data/programme.json', 'utf8')) as unknown;
  const other: string[] = [...Object.values(STRINGS.sv), ...Object.values(STRINGS.en)];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') other.push(v);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'fi') collect(x);
  };
  collect(programme);
  const allowed = new Set(other.join(' ').toLowerCase().match(/\p{L}+/gu) ?? []);
  const derived = Object.values(STRINGS.fi)
    .join(' ')
    .replace(/\{\w+\}/g, '')
    .match(/\p{L}{5,}/gu)!
    .map((w) => w.toLowerCase())
    .filter((w) => !allowed.has(w));
  const named = ['opintopisteet', 'opintopistettä', 'tavoite', 'näytä', 'lähde', 'tiedot', 'kertyneet', 'ennuste', 'tavoitteesta', 'saavutettavuus', 'kaavio', 'taulukko'];
  return [...new Set([...named, ...derived])];
}

let pattern: RegExp | undefined;

/**
 * Returns each Finnish UI word in the page's visible text, title, description, alt texts and labels
 * (with the text around it), opening every disclosure first so table texts count as visible.
 */
export async function finnishWordsOn(page: Page): Promise<string[]> {
  pattern ??= new RegExp(`(?<!\\p{L})(${finnishMarkers().join('|')})(?!\\p{L})`, 'giu');
  const text = await page.evaluate(() => {
    document.querySelectorAll('details').forEach((d) => (d.open = true));
    const lang = document.documentElement.lang;
    // Text marked as another language (the switcher's "Suomeksi", a quoted Finnish title) is
    // correct there: only text in the page's own language counts.
    const own = (e: Element | null) => (e?.closest('[lang]')?.getAttribute('lang') ?? lang) === lang;
    const visible: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('script, style, template') || !own(parent)) continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      visible.push(n.textContent ?? '');
    }
    const attrs = [...document.querySelectorAll('[alt], [aria-label], [title]')]
      .filter(own)
      .map((e) => [e.getAttribute('alt'), e.getAttribute('aria-label'), e.getAttribute('title')].filter(Boolean).join(' '));
    const meta = document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
    return [document.title, meta, visible.join(' '), ...attrs].join('\n');
  });
  // Addresses are not UI text (the supervising authority's site and email are Finnish words).
  const words = text.replace(/\S+@\S+/g, ' ').replace(/(?:https?:\/\/|www\.)\S+/g, ' ');
  const hits = [...new Set([...words.matchAll(pattern)].map((m) => m[0]))];
  return hits.map((h) => `${h}: …${words.slice(Math.max(0, words.search(new RegExp(`(?<!\\p{L})${h}(?!\\p{L})`, 'u')) - 40)).slice(0, 100).replace(/\s+/g, ' ')}…`);
}
