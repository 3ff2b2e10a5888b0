import { describe, expect, it } from 'vitest';
import { wrapParts } from '../../src/lib/charts/attribution.ts';
import { jsonPaths } from '../../src/lib/publish/open-data-dictionary.ts';
import { EMBED_FRAME_HEIGHT, embedFrameStyle, embedSnippet } from '../../src/site/embed-snippet.ts';

describe('embedSnippet', () => {
  const base = { origin: 'https://example.org', path: '/fi/upota/cumulative/', key: 'cumulative' as const, title: 'AMKosaaja: "Kertyneet" & <muut>', theme: 'auto' as const };

  it('is an iframe with its size as attributes, an escaped title and the fallback box, then the loader', () => {
    const [frame, loader] = embedSnippet(base).split('\n');
    expect(frame).toBe(
      `<iframe src="https://example.org/fi/upota/cumulative/" width="720" height="623" title="AMKosaaja: &quot;Kertyneet&quot; &amp; &lt;muut&gt;" frameborder="0" loading="lazy" style="${embedFrameStyle('cumulative')}"></iframe>`,
    );
    expect(loader).toBe('<script src="https://example.org/embed.js" async></script>');
  });

  it('fixes the theme only when asked, and stays site-relative without an origin', () => {
    expect(embedSnippet({ ...base, theme: 'dark' })).toContain('src="https://example.org/fi/upota/cumulative/?theme=dark"');
    expect(embedSnippet({ ...base, origin: '' })).toContain('src="/fi/upota/cumulative/"');
    expect(embedSnippet({ ...base, origin: '' })).toContain('<script src="/embed.js" async>');
  });

  it("gives every frame a full width, no border, and the content's height at 720 px (a chart keeps that shape when wider)", () => {
    expect(embedFrameStyle('cumulative')).toBe('display:block;width:100%;height:auto;aspect-ratio:720/623;min-height:623px;border:0');
    expect(embedFrameStyle('card')).toBe('display:block;width:100%;height:268px;min-height:calc(545px - 40vw);border:0');
    for (const key of ['cumulative', 'monthly', 'partners', 'fields', 'card'] as const) {
      expect(embedSnippet({ ...base, key })).toContain(` width="720" height="${EMBED_FRAME_HEIGHT[key]}" `);
      expect(embedFrameStyle(key)).toContain(`${EMBED_FRAME_HEIGHT[key]}px`);
    }
  });
});

describe('wrapParts', () => {
  const measure = (s: string) => s.length;
  it('breaks between parts first, then between words, never past the width unless a word is longer', () => {
    expect(wrapParts(['Tiedot 31.12.2023', 'Lähde: X'], 40, measure)).toEqual(['Tiedot 31.12.2023 · Lähde: X']);
    expect(wrapParts(['Tiedot 31.12.2023', 'Lähde: X'], 20, measure)).toEqual(['Tiedot 31.12.2023', 'Lähde: X']);
    expect(wrapParts(['aaa', 'bbb ccc ddd eee'], 8, measure)).toEqual(['aaa', 'bbb ccc', 'ddd eee']);
    for (const line of wrapParts(['one two three four five six seven'], 10, measure)) expect(line.length).toBeLessThanOrEqual(10);
  });
});

describe('jsonPaths', () => {
  it('names nested keys the way the data dictionary does', () => {
    expect(jsonPaths({ a: 1, b: [{ id: 'x', n: 1 }, { id: 'y', m: null }], c: { d: 2 }, e: null })).toEqual(['a', 'b', 'b[].id', 'b[].n', 'b[].m', 'c', 'c.d', 'e']);
  });
});
