import { describe, expect, it } from 'vitest';
import { STRINGS, t } from '../../src/lib/i18n/index.ts';
import { LANGS } from '../../src/lib/contract/programme.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = (lang: (typeof LANGS)[number]) => Object.keys(STRINGS[lang]).sort();

describe('UI strings', () => {
  it('every language has exactly the same keys', () => {
    for (const lang of LANGS) {
      const missing = keys('fi').filter((k) => !(k in STRINGS[lang]));
      const extra = keys(lang).filter((k) => !(k in STRINGS.fi));
      expect({ lang, missing, extra }).toEqual({ lang, missing: [], extra: [] });
    }
  });

  it('no string is empty or only whitespace', () => {
    for (const lang of LANGS) {
      const empty = Object.entries(STRINGS[lang]).filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect({ lang, empty }).toEqual({ lang, empty: [] });
    }
  });

  it('placeholders match across languages', () => {
    const mismatched: string[] = [];
    for (const key of keys('fi')) {
      const want = placeholders(STRINGS.fi[key as keyof typeof STRINGS.fi]);
      for (const lang of LANGS) {
        const got = placeholders(STRINGS[lang][key as keyof typeof STRINGS.fi] ?? '');
        if (JSON.stringify(got) !== JSON.stringify(want)) mismatched.push(`${lang} ${key}: {${got.join('},{')}} ≠ fi {${want.join('},{')}}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('braces are balanced (no half-written placeholder)', () => {
    const broken: string[] = [];
    for (const lang of LANGS) {
      for (const [k, v] of Object.entries(STRINGS[lang])) {
        if (v.replace(/\{\w+\}/g, '').match(/[{}]/)) broken.push(`${lang} ${k}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('Swedish and English are translations, not copies of the Finnish text', () => {
    // A string identical in all languages is allowed only when it has no words (e.g. a lone placeholder).
    const copied: string[] = [];
    for (const key of keys('fi')) {
      const fi = STRINGS.fi[key as keyof typeof STRINGS.fi];
      const words = fi.replace(/\{\w+\}/g, '').match(/\p{L}{4,}/gu) ?? [];
      if (words.length === 0) continue;
      for (const lang of ['sv', 'en'] as const) {
        if (STRINGS[lang][key as keyof typeof STRINGS.fi] === fi) copied.push(`${lang} ${key}`);
      }
    }
    expect(copied).toEqual([]);
  });

  it('every projection method has a name of its own in every language', () => {
    // The scorecard table and its sentences tell the methods apart by these names alone.
    for (const lang of LANGS) {
      const names = Object.entries(STRINGS[lang]).filter(([k]) => k.startsWith('method.name.')).map(([, v]) => v.toLowerCase());
      expect(names.length, lang).toBe(8);
      expect(new Set(names).size, `${lang}: distinct method names`).toBe(names.length);
    }
  });

  it('t() fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'headline.heading', { date: '1 May 2024' })).toBe('Status on 1 May 2024');
    expect(t('fi', 'headline.heading')).toContain('{date}');
  });
});
