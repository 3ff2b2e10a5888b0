import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

// `npm test` builds dist/ and src/generated/ from data/ before the tests run. Everything there is
// published (src/generated/dashboard.json goes into the page bundle too), so no learner_id and
// no course name from data/snapshots may appear in any of it, in any file, text or binary.

const walk = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));

/** Returns every distinct value of a column across the snapshots, read by papaparse (not by the code under test). */
function column(name: string): Set<string> {
  const values = new Set<string>();
  for (const file of walk('data/snapshots').filter((f) => f.endsWith('.csv'))) {
    const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
    for (const r of rows) if (r[name]) values.add(r[name]);
  }
  return values;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const published = [...walk('dist'), ...walk('src/generated')];

/** Returns `file: value` for every value found in a published file (bytes read as Latin-1, so binaries are searched too). */
function leaks(values: Set<string>, encode: (s: string) => string = (s) => s): string[] {
  const pattern = new RegExp([...values].map((v) => escape(encode(v))).join('|'), 'g');
  return published.flatMap((f) => [...readFileSync(f).toString('latin1').matchAll(pattern)].map((m) => `${f}: ${m[0]}`));
}
const utf8AsLatin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

describe('privacy: nothing about a person, and no course-level text, is published', () => {
  const learners = column('learner_id');
  const courses = column('course_name');

  it('the demo snapshots hold about 1 100 distinct learner ids and many course names to look for', () => {
    expect(learners.size).toBeGreaterThan(1000);
    expect([...learners].every((l) => /^L-[0-9a-f]{6}$/.test(l))).toBe(true);
    expect(courses.size).toBeGreaterThan(50);
  });

  it('the build published something to search: pages, images, open data and the page data', () => {
    expect(published.some((f) => f.endsWith('.html'))).toBe(true);
    expect(published.some((f) => f.endsWith('.png'))).toBe(true);
    expect(published).toContain(join('dist', 'data', 'summary.json'));
    expect(published).toContain(join('src', 'generated', 'dashboard.json'));
  });

  it('no file in dist/ or src/generated/ contains any learner_id', () => {
    expect(leaks(learners)).toEqual([]);
  });

  it('no file in dist/ or src/generated/ contains any course name', () => {
    expect(leaks(courses, utf8AsLatin1)).toEqual([]);
  });

  it('learners are published only as counts, small ones as "<5"', () => {
    const summary = JSON.parse(readFileSync('dist/data/summary.json', 'utf8'));
    for (const n of [summary.learners, ...summary.partners.map((p: { learners: unknown }) => p.learners), ...summary.fields.map((f: { learners: unknown }) => f.learners)]) {
      expect(n === '<5' || (typeof n === 'number' && Number.isInteger(n) && (n === 0 || n >= 5))).toBe(true);
    }
    expect(summary.learners).toBeGreaterThan(1000);
  });
});
