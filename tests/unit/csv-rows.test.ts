import { describe, expect, it } from 'vitest';
import { CsvRows, detectDelimiter, MAX_ROW_CHARS, scanRow, STRAY_QUOTE, TEXT_AFTER_QUOTE, UNTERMINATED, UNTERMINATED_GOES_ON } from '../../src/lib/ingest/csv-rows.ts';
import { englishReason } from '../../src/lib/i18n/problem-text.ts';

/** Returns what the splitter hands on for a text pushed in chunks of `chunk` characters: `line: values` or `line! problem`. */
function split(text: string, chunk = text.length || 1): string[] {
  const out: string[] = [];
  const rows = new CsvRows({ row: (v, line) => out.push(`${line}: ${v.join('|')}`), problem: (line, reason) => out.push(`${line}! ${englishReason(reason)}`) });
  for (let i = 0; i < text.length; i += chunk) rows.push(text.slice(i, i + chunk));
  rows.end();
  return out;
}

describe('CsvRows: rows and the lines they start on', () => {
  it('counts LF, CRLF and a lone CR each as one line end, mixed in one file, in any chunking', () => {
    const text = 'a,b\nc,d\r\ne,f\rg,h\n\ni,"j\r\nk"\nl,m';
    // Hand-numbered: a=1 c=2 e=3 g=4, a blank line 5, i=6 (its value spans lines 6-7), l=8.
    const expected = ['1: a|b', '2: c|d', '3: e|f', '4: g|h', '5: ', '6: i|j\nk', '8: l|m'];
    for (const chunk of [1, 2, 3, 5, 64]) expect(split(text, chunk), `chunks of ${chunk}`).toEqual(expected);
  });
  it('takes the delimiter from the header line: the most frequent of comma, semicolon and tab, comma on a tie', () => {
    expect(detectDelimiter('a;b;c,d\n1,2,3,4', true)).toBe(';');
    expect(detectDelimiter('a\tb\n', true)).toBe('\t');
    expect(detectDelimiter('a;b,c\n', true)).toBe(',');
    expect(detectDelimiter('"x;y",b\n', true)).toBe(',');
    expect(detectDelimiter('a;b', false)).toBeNull(); // the header line may go on
  });
  it('a quote inside an unquoted value is a problem, and the next row is read as usual', () => {
    expect(split('h1,h2\nab"c,d\ne,f')).toEqual(['1: h1|h2', `2! ${englishReason(STRAY_QUOTE)}`, '3: e|f']);
  });
  it('text after a closing quote ends that row at its line end, even where papaparse would read on to the next quote', () => {
    const text = 'h1,h2,h3\n"Kurssi" 2,x,y\n"ok",z,w\nlast,"a\nb",c';
    for (const chunk of [1, 4, 100]) {
      expect(split(text, chunk), `chunks of ${chunk}`).toEqual(['1: h1|h2|h3', `2! ${englishReason(TEXT_AFTER_QUOTE)}`, '3: ok|z|w', '4: last|a\nb|c']);
    }
  });
  it('spaces after a closing quote are text after it (papaparse would drop them)', () => {
    expect(split('h1,h2\n"a"  ,b\nc,d')).toEqual(['1: h1|h2', `2! ${englishReason(TEXT_AFTER_QUOTE)}`, '3: c|d']);
  });
  it('an unterminated quote is reported on the line where it opens, and reading goes on from the next line', () => {
    for (const chunk of [3, 100]) expect(split('h1,h2\na,"b\nc,d\ne,f', chunk), `chunks of ${chunk}`).toEqual(['1: h1|h2', `2! ${englishReason(UNTERMINATED_GOES_ON)}`, '3: c|d', '4: e|f']);
    // On the last line there is nothing to go on to.
    expect(split('h1,h2\na,"b')).toEqual(['1: h1|h2', `2! ${englishReason(UNTERMINATED)}`]);
  });
  it('a quote still open after MAX_ROW_CHARS characters is unterminated: reading goes on from its next line', () => {
    const rows = Array.from({ length: MAX_ROW_CHARS / 8 }, () => 'c,dddddd');
    const seen = split(`h1,h2\na,"b\n${rows.join('\n')}\nlast,row`, 1 << 16);
    expect(seen.slice(0, 3)).toEqual(['1: h1|h2', `2! ${englishReason(UNTERMINATED_GOES_ON)}`, '3: c|dddddd']);
    expect(seen.at(-1)).toBe(`${rows.length + 3}: last|row`);
  });
  it('a row still open after MAX_ROW_CHARS characters with no line end stops the file', () => {
    expect(split(`h1,h2\na,"${'x'.repeat(MAX_ROW_CHARS + 10)}`, 1 << 16)).toEqual(['1: h1|h2', `2! ${englishReason(UNTERMINATED)}`]);
    expect(split(`h1,h2\na,${'x'.repeat(MAX_ROW_CHARS + 10)}`, 1 << 16)).toEqual(['1: h1|h2', `2! a row longer than ${MAX_ROW_CHARS} characters: save the file as CSV again`]);
  });
});

describe('scanRow: the quote rules papaparse is lenient about', () => {
  it('returns where the row ends and its first problem', () => {
    expect(scanRow('"a""b",c\nnext', 0, ',', true)).toEqual({ end: 9, problem: null });
    expect(scanRow('a"b,"c" d\nnext', 0, ',', true)).toEqual({ end: 10, problem: STRAY_QUOTE });
    expect(scanRow('"c" d,e"f\n', 0, ',', true)).toEqual({ end: 10, problem: TEXT_AFTER_QUOTE });
    expect(scanRow('"open\n', 0, ',', true)).toEqual({ end: 6, problem: UNTERMINATED });
  });
  it('waits for more text while the row could still end well', () => {
    expect(scanRow('a,"b', 0, ',', false)).toBeNull();
    expect(scanRow('a,"b"', 0, ',', false)).toBeNull(); // the quote may be the first of a doubled one
    expect(scanRow('a,b', 0, ',', false)).toBeNull();
  });
});
