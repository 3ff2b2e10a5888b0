import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../tools/demo/days.ts';
import { defaultDemoOptions, generateDemo } from '../../tools/demo/generate-demo.ts';
import { CSV_HEADER } from '../../tools/demo/render.ts';
import { loadData } from '../../src/lib/pipeline.ts';
import { type DataSource } from '../../src/lib/ingest/read-exports.ts';
import { parseProgramme } from '../../src/lib/contract/programme.ts';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));
const snapshotsDir = join(dataDir, 'snapshots');

/** The committed data folder, read from disk. */
const fsSource = {
  label: 'data/',
  readProgramme: () => readFileSync(join(dataDir, 'programme.json'), 'utf8'),
  listExports: () =>
    readdirSync(snapshotsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(snapshotsDir, d.name)).map((f) => `${d.name}/${f}`))
      .sort(),
  readExport: (rel) => readFileSync(join(snapshotsDir, rel), 'utf8'),
} satisfies DataSource;

const programme = parseProgramme(JSON.parse(fsSource.readProgramme()), 'data/programme.json');
const defaults = defaultDemoOptions(programme);
const committed = loadData(fsSource, { keepCompletions: true });

describe('the committed demonstration data', () => {
  const a = committed.aggregates;

  it('loads through loadData without problems', () => {
    // The only warnings are the corrections the generator makes on purpose (see the test below).
    expect(committed.warnings.filter((w) => !w.includes(' changed since '))).toEqual([]);
    expect(committed.exports.length).toBeGreaterThan(0);
  });

  it('totals exactly 8 937 credits as of 2023-12-31 against the 8 400 target', () => {
    expect(a.asOf).toBe('2023-12-31');
    expect(a.totalCredits).toBe(8937);
    expect(a.targetCredits).toBe(8400);
  });

  it('first reaches the 8 400 target in December 2023', () => {
    expect(a.targetReachedOn).toMatch(/^2023-12-/);
  });

  it('holds about 1 800 completions (between 1 600 and 2 000)', () => {
    expect(a.completions).toBeGreaterThanOrEqual(1600);
    expect(a.completions).toBeLessThanOrEqual(2000);
  });

  it('has credits from every partner and every one of the 12 fields, Metropolia the largest', () => {
    expect(a.partners.every((p) => p.credits > 0)).toBe(true);
    expect(a.fields.map((f) => f.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(a.fields.every((f) => f.credits > 0)).toBe(true);
    const largest = [...a.partners].sort((x, y) => y.credits - x.credits)[0];
    expect(largest.id).toBe('metropolia');
  });

  it('has an export from every partner in every snapshot round', () => {
    for (const round of defaults.rounds) {
      for (const p of programme.partners) {
        const inRound = committed.exports.filter((e) => e.partnerId === p.id && e.date <= round && e.date > addDays(round, -7));
        expect(inRound, `${p.id} around ${round}`).toHaveLength(1);
      }
    }
  });

  it('has at least one partner whose newest export is older than the as-of date', () => {
    const older = a.partners.filter((p) => p.lastSnapshot !== null && p.lastSnapshot < a.asOf);
    expect(older.length).toBeGreaterThanOrEqual(1);
  });

  it('withdraws at least one completion: listed in one export of a partner, missing from its later ones', () => {
    let withdrawn = 0;
    for (const p of programme.partners) {
      const exports = committed.exports.filter((e) => e.partnerId === p.id);
      for (let i = 1; i < exports.length; i++) {
        const later = new Set(exports[i].completions.map((c) => c.id));
        withdrawn += exports[i - 1].completions.filter((c) => !later.has(c.id)).length;
      }
    }
    expect(withdrawn).toBeGreaterThanOrEqual(1);
  });

  it('corrects the credits or date of a few completions in a later export under the same completion_id', () => {
    const corrected = new Set<string>();
    for (const p of programme.partners) {
      const exports = committed.exports.filter((e) => e.partnerId === p.id);
      for (let i = 1; i < exports.length; i++) {
        const later = new Map(exports[i].completions.map((c) => [c.id, c]));
        for (const c of exports[i - 1].completions) {
          const d = later.get(c.id);
          if (d && (d.credits !== c.credits || d.completedOn !== c.completedOn)) corrected.add(c.id);
        }
      }
    }
    expect(corrected.size).toBeGreaterThanOrEqual(2);
  });

  it('lists a completion only in exports dated at least 3 days after it was completed', () => {
    for (const p of programme.partners) {
      const exports = committed.exports.filter((e) => e.partnerId === p.id);
      const final = exports[exports.length - 1];
      for (const c of final.completions) {
        const first = exports.find((e) => e.completions.some((d) => d.id === c.id))!;
        expect(first.date >= addDays(c.completedOn, 3), `${c.id} in ${first.date}`).toBe(true);
      }
    }
  });

  it('is UTF-8 CSV with the contract header, LF line endings and rows sorted by completed_on then completion_id', () => {
    for (const rel of fsSource.listExports()) {
      const text = fsSource.readExport(rel);
      expect(text.includes('\r'), rel).toBe(false);
      expect(text.endsWith('\n'), rel).toBe(true);
      const lines = text.slice(0, -1).split('\n');
      expect(lines[0]).toBe(CSV_HEADER.join(','));
      const keys = lines.slice(1).map((l) => `${l.slice(l.indexOf(',') + 1, l.indexOf(',') + 11)} ${l.slice(0, l.indexOf(','))}`);
      expect(keys, rel).toEqual([...keys].sort());
    }
  });

  it('is byte for byte what the generator makes with the default seed, so nobody edits it by hand', () => {
    const fresh = generateDemo(programme, defaults).files;
    expect(fsSource.listExports()).toEqual(fresh.map((f) => f.path));
    for (const f of fresh) expect(fsSource.readExport(f.path), f.path).toBe(f.text);
  });
});

describe('the demonstration data generator', () => {
  it('gives identical files when called twice with the same seed', () => {
    const first = generateDemo(programme, { ...defaults, seed: 12345 });
    const second = generateDemo(programme, { ...defaults, seed: 12345 });
    expect(second.files.map((f) => [f.path, f.text])).toEqual(first.files.map((f) => [f.path, f.text]));
  });

  it('gives different data for a different seed', () => {
    const a = generateDemo(programme, { ...defaults, seed: 1 }).files.map((f) => f.text).join('');
    const b = generateDemo(programme, { ...defaults, seed: 2 }).files.map((f) => f.text).join('');
    expect(a).not.toBe(b);
  });

  it.each([1, 2, 3, 42, 2024])('hits the exact total and a December 2023 target date by construction, not by luck (seed %i)', (seed) => {
    const { summary } = generateDemo(programme, { ...defaults, seed });
    expect(summary.totalCredits).toBe(8937);
    expect(summary.targetReachedOn).toMatch(/^2023-12-/);
    expect(summary.withdrawn).toBe(defaults.withdrawals);
  });

  it('takes its exact total and target as options', () => {
    const { summary } = generateDemo(programme, { ...defaults, seed: 7, totalCredits: 9001.5, targetCredits: 8500 });
    expect(summary.totalCredits).toBe(9001.5);
    expect(summary.targetReachedOn).toMatch(/^2023-12-/);
  });
});
