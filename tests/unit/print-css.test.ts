import { describe, expect, it } from 'vitest';
import { cssString, printCss, printFooterText } from '../../src/site/print-css.ts';

const d = { programme: { name: { fi: 'AMKosaaja', sv: 'AMKosaaja', en: 'AMKosaaja' } }, aggregates: { asOf: '2023-12-31' } } as Parameters<typeof printCss>[0];

describe('the running footer of printed pages (src/site/print-css.ts)', () => {
  it('names the programme, the site address and the data date in the page language', () => {
    expect(printFooterText(d, 'fi', new URL('https://example.org/'))).toBe('AMKosaaja · https://example.org/fi/ · Tiedot 31.12.2023');
    expect(printFooterText(d, 'en', new URL('https://example.org/'))).toBe('AMKosaaja · https://example.org/en/ · Data as of 31 December 2023');
  });

  it('says on every page that the data is for demonstration, when it is', () => {
    const demo = { ...d, programme: { ...d.programme, demo: true } } as Parameters<typeof printCss>[0];
    expect(printFooterText(demo, 'fi', undefined)).toBe('AMKosaaja · Demonstraatioaineisto · Tiedot 31.12.2023');
    expect(printFooterText(demo, 'en', new URL('https://example.org/'))).toBe('AMKosaaja · Demonstration data · https://example.org/en/ · Data as of 31 December 2023');
  });

  it('leaves the address out when the build does not know it (no SITE_URL)', () => {
    expect(printFooterText(d, 'sv', undefined)).toBe('AMKosaaja · Uppgifter per 31.12.2023');
  });

  it('writes it into the bottom-left margin box as a CSS string, quotes and backslashes escaped', () => {
    expect(printCss(d, 'fi', undefined)).toBe('@page { @bottom-left { content: "AMKosaaja · Tiedot 31.12.2023"; font: 8pt system-ui, sans-serif; color: #333; } }\n');
    expect(cssString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
  });
});
