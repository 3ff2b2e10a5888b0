import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { centiToString } from '../../src/lib/credits.ts';
import { CsvRows } from '../../src/lib/ingest/csv-rows.ts';
import { dayNumber, endOfMonth, isoOfDayNumber, monthOf, parseDate } from '../../src/lib/dates.ts';
import { loadData } from '../../src/lib/pipeline.ts';
import { DataError } from '../../src/lib/contract/problems.ts';
import { memorySource, tinyProgramme } from '../helpers/memory-source.ts';

// Random exports of the tiny programme's partner alpha (snapshot 2023-06-30, fields 1 and 2,
// target 15), written in random dialects. What they must load to is worked out here from the
// generated completions, not by the code under test.

interface Row {
  day: number; // days after 2023-01-01, up to 2023-06-30
  field: 1 | 2;
  centi: number;
  course: string;
  learner: string;
}
interface Dialect {
  delimiter: ',' | ';' | '\t';
  eol: '\n' | '\r\n';
  bom: boolean;
  windows1252: boolean;
  decimalComma: boolean;
  finnishDates: boolean;
  quoteAll: boolean;
  upperHeader: boolean;
  order: string[];
  finalEol: boolean;
  chunk: number;
}

const COLUMNS = ['completion_id', 'completed_on', 'course_code', 'course_name', 'field_code', 'credits', 'learner_id'];
// Windows-1252 can write these; course names use every character that needs quoting too.
const CP1252: Record<string, number> = { ä: 0xe4, ö: 0xf6, å: 0xe5, Ä: 0xc4, Ö: 0xd6, Å: 0xc5, é: 0xe9, '€': 0x80 };
const NAME_CHARS = ['a', 'K', ' ', 'ä', 'ö', 'å', 'Ä', 'Ö', 'Å', 'é', '€', ',', ';', '\t', '"', '\n', '\r', '-'];

const row: fc.Arbitrary<Row> = fc.record({
  day: fc.integer({ min: 0, max: 180 }),
  field: fc.constantFrom(1 as const, 2 as const),
  centi: fc.integer({ min: 1, max: 6000 }),
  // A leading letter: a course name of spaces only would rightly be refused as empty.
  course: fc.string({ unit: fc.constantFrom(...NAME_CHARS), maxLength: 12 }).map((s) => `K${s}`),
  learner: fc.integer({ min: 1, max: 12 }).map((n) => `L${n}`),
});
const dialect: fc.Arbitrary<Dialect> = fc.record({
  delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const),
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  bom: fc.boolean(),
  windows1252: fc.boolean(),
  decimalComma: fc.boolean(),
  finnishDates: fc.boolean(),
  quoteAll: fc.boolean(),
  upperHeader: fc.boolean(),
  order: fc.shuffledSubarray(COLUMNS, { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
  finalEol: fc.boolean(),
  chunk: fc.oneof(fc.integer({ min: 1, max: 16 }), fc.constant(1 << 16)),
});

const isoOf = (day: number) => new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);

/** A piece of the file; `structural` marks delimiters, quotes and line breaks (what damage may delete). */
type Piece = { text: string; structural: boolean };

function render(rows: Row[], d: Dialect): Piece[] {
  const pieces: Piece[] = [];
  const cell = (value: string) => {
    if (d.quoteAll || /[",;\t\r\n]/.test(value)) {
      pieces.push({ text: '"', structural: true });
      value.split('"').forEach((part, i) => {
        if (i > 0) pieces.push({ text: '""', structural: true });
        if (part) pieces.push({ text: part, structural: false });
      });
      pieces.push({ text: '"', structural: true });
    } else if (value) pieces.push({ text: value, structural: false });
  };
  const line = (values: string[], last: boolean) => {
    values.forEach((v, i) => {
      if (i > 0) pieces.push({ text: d.delimiter, structural: true });
      cell(v);
    });
    if (!last || d.finalEol) pieces.push({ text: d.eol, structural: true });
  };
  if (d.bom && !d.windows1252) pieces.push({ text: '\ufeff', structural: false });
  line(d.order.map((c) => (d.upperHeader ? c.toUpperCase() : c)), rows.length === 0);
  rows.forEach((r, i) => {
    const iso = isoOf(r.day);
    const values: Record<string, string> = {
      completion_id: `ID-${i}`,
      completed_on: d.finnishDates ? `${Number(iso.slice(8))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}` : iso,
      course_code: `KÄ-${i % 3}`,
      course_name: r.course,
      field_code: String(r.field),
      credits: d.decimalComma ? centiToString(r.centi).replace('.', ',') : centiToString(r.centi),
      learner_id: r.learner,
    };
    line(d.order.map((c) => values[c]), i === rows.length - 1);
  });
  return pieces;
}

function encode(text: string, d: Dialect): Uint8Array {
  if (!d.windows1252) return new TextEncoder().encode(text);
  return Uint8Array.from(text, (ch) => CP1252[ch] ?? ch.charCodeAt(0));
}

/** Returns the bytes and the byte offsets of every structural byte. */
function bytesOf(pieces: Piece[], d: Dialect): { bytes: Uint8Array; structural: number[] } {
  const parts = pieces.map((p) => encode(p.text, d));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  const structural: number[] = [];
  let at = 0;
  parts.forEach((p, i) => {
    bytes.set(p, at);
    if (pieces[i].structural) for (let k = 0; k < p.length; k++) structural.push(at + k);
    at += p.length;
  });
  return { bytes, structural };
}

/** The figures any loader must publish for these rows. */
function expected(rows: Row[]) {
  const total = rows.reduce((s, r) => s + r.centi, 0);
  const byField = [1, 2].map((code) => {
    const rs = rows.filter((r) => r.field === code);
    return { code, credits: rs.reduce((s, r) => s + r.centi, 0) / 100, completions: rs.length };
  });
  let running = 0;
  const reached = [...rows].sort((a, b) => a.day - b.day).find((r) => (running += r.centi) >= 1500);
  return { totalCredits: total / 100, completions: rows.length, fields: byField, targetReachedOn: reached ? isoOf(reached.day) : null };
}

function figures(bytes: Uint8Array, chunk: number) {
  const a = loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.csv': bytes }, 'fixture/', chunk)).aggregates;
  return {
    totalCredits: a.totalCredits,
    completions: a.completions,
    fields: a.fields.map(({ code, credits, completions }) => ({ code, credits, completions })),
    targetReachedOn: a.targetReachedOn,
  };
}

// At least one: an export with a header and no rows is refused (problem.noCompletions).
const rows = fc.array(row, { minLength: 1, maxLength: 25 });

describe('property: random valid exports', () => {
  it('load to the totals computed from their completions, in every dialect and any chunking', () => {
    fc.assert(
      fc.property(rows, dialect, (rs, d) => {
        expect(figures(bytesOf(render(rs, d), d).bytes, d.chunk)).toEqual(expected(rs));
      }),
      { numRuns: 200 },
    );
  });

  it('count the distinct learners, publishing 1–4 as "<5"', () => {
    fc.assert(
      fc.property(rows, dialect, (rs, d) => {
        const n = new Set(rs.map((r) => r.learner)).size;
        const a = loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.csv': bytesOf(render(rs, d), d).bytes })).aggregates;
        expect(a.learners).toBe(n > 0 && n < 5 ? '<5' : n);
      }),
      { numRuns: 100 },
    );
  });

  it('put every month in cumulative totals that end at the total', () => {
    fc.assert(
      fc.property(rows, dialect, (rs, d) => {
        const a = loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.csv': bytesOf(render(rs, d), d).bytes })).aggregates;
        expect(a.cumulative.at(-1)!.cumulativeCredits).toBe(a.totalCredits);
        for (const m of a.cumulative) {
          const upTo = rs.filter((r) => isoOf(r.day) <= endOfMonth(m.month)).reduce((s, r) => s + r.centi, 0);
          expect(Math.round(m.cumulativeCredits * 100)).toBe(upTo);
        }
        expect(a.monthly.every((c) => monthOf(isoOf(0)) <= c.month)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

// Damage that a reader can notice: a byte that has no business where it lands, or a delimiter,
// quote or line break gone. (A digit turned into another digit is a different honest file: no
// reader can tell, so it is not generated.)
const JUNK = ['"', ',', ';', '\t', '\n', '\r', '\0', '\xff', 'x', ' '];
const damage = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.constantFrom(...JUNK.map((c) => c.charCodeAt(0))) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), byte: fc.constant(0) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), byte: fc.constantFrom(...JUNK.map((c) => c.charCodeAt(0))) }),
);

describe('property: random byte damage', () => {
  it('never yields a silent wrong total: either the load fails listing problems, or the totals are right', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 15 }), dialect, damage, (rs, d, hit) => {
        const { bytes, structural } = bytesOf(render(rs, d), d);
        let damaged: Uint8Array;
        if (hit.kind === 'insert') {
          const at = hit.at % (bytes.length + 1);
          damaged = new Uint8Array([...bytes.subarray(0, at), hit.byte, ...bytes.subarray(at)]);
        } else {
          const at = structural[hit.at % structural.length];
          damaged = hit.kind === 'delete' ? new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + 1)]) : bytes.slice();
          if (hit.kind === 'replace') damaged[at] = hit.byte;
        }
        let got;
        try {
          got = figures(damaged, d.chunk);
        } catch (e) {
          if (e instanceof DataError) return; // refused, with its problems listed
          throw e;
        }
        expect(got).toEqual(expected(rs));
      }),
      { numRuns: 300 },
    );
  });
});

describe('property: the row splitter agrees with papaparse', () => {
  const value = fc.string({ unit: fc.constantFrom('a', 'ä', ' ', ',', ';', '\t', '"', '\n', '\r', '€'), maxLength: 6 });
  it('splits any properly quoted text into the same rows, however the text is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 9 }),
        (records, delimiter, eol, chunk) => {
          const header = records[0].map((_, i) => `c${i}`);
          const all = [header, ...records.map((r) => [...r, ...header.map(() => '')].slice(0, header.length))];
          const text = all.map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(delimiter)).join(eol);
          // Line ends are one kind to the contract: a CRLF or CR inside a value reads as LF.
          const reference = Papa.parse<string[]>(text, { delimiter, newline: eol }).data.map((r) => r.map((v) => v.replace(/\r\n?/g, '\n')));
          const seen: string[][] = [];
          const rows = new CsvRows({ row: (values) => seen.push(values), problem: (line, reason) => seen.push([`problem at ${line}: ${reason}`]) });
          for (let i = 0; i < text.length; i += chunk) rows.push(text.slice(i, i + chunk));
          rows.end();
          expect(seen).toEqual(reference);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('property: the date parser', () => {
  it('reads every real day, ISO or d.m.yyyy, as that day, and no day that does not exist', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDate(iso)).toBe(iso);
        expect(parseDate(`${Number(iso.slice(8))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`)).toBe(iso);
        const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(parseDate(`${iso.slice(0, 8)}${last + 1}`)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
  it('numbers days as days: 1970-01-01 is 0, the next day is one more, and each number reads back as its date', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-30T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const next = new Date(d.getTime() + 86_400_000).toISOString().slice(0, 10);
        expect(dayNumber(iso)).toBe(Math.floor(d.getTime() / 86_400_000));
        expect(dayNumber(next)).toBe(dayNumber(iso) + 1);
        expect(isoOfDayNumber(dayNumber(iso))).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });
});
