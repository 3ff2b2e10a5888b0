import { describe, expect, it } from 'vitest';
import { exportRel, neighbours, placeFromPath, withExports } from '../../src/lib/changes/validate-plan.ts';
import { memorySource, tinyProgramme, tinySnapshots } from '../helpers/memory-source.ts';

describe('placeFromPath(path)', () => {
  it('reads partner and date from the last two parts of a path', () => {
    expect(placeFromPath('data/snapshots/2024-01-31/hamk.csv')).toEqual({ partnerId: 'hamk', date: '2024-01-31' });
    expect(placeFromPath('C:\\data\\snapshots\\2024-01-31\\hamk.csv')).toEqual({ partnerId: 'hamk', date: '2024-01-31' });
    expect(exportRel({ partnerId: 'hamk', date: '2024-01-31' })).toBe('2024-01-31/hamk.csv');
    expect(placeFromPath('2024-01-31/hamk.xlsx')).toEqual({ partnerId: 'hamk', date: '2024-01-31', format: 'xlsx' });
    expect(exportRel({ partnerId: 'hamk', date: '2024-01-31', format: 'xlsx' })).toBe('2024-01-31/hamk.xlsx');
  });

  it('returns null for a file outside a snapshot folder', () => {
    for (const p of ['export.csv', '/home/me/Downloads/export.csv', 'data/snapshots/2024-02-30/hamk.csv', 'data/snapshots/2024-01-31/hamk.txt', '2024-01-31/.csv']) {
      expect(placeFromPath(p), p).toBeNull();
    }
  });
});

describe('neighbours(rels, place)', () => {
  const rels = ['2023-03-31/alpha.csv', '2023-03-31/beta.csv', '2023-06-30/alpha.csv', '2023-09-30/alpha.csv', 'notes.txt'];
  it('finds the same partner’s export just before and just after a date', () => {
    expect(neighbours(rels, { partnerId: 'alpha', date: '2023-06-30' })).toEqual({ previous: '2023-03-31/alpha.csv', next: '2023-09-30/alpha.csv' });
    expect(neighbours(rels, { partnerId: 'alpha', date: '2023-07-01' })).toEqual({ previous: '2023-06-30/alpha.csv', next: '2023-09-30/alpha.csv' });
    expect(neighbours(rels, { partnerId: 'beta', date: '2023-12-31' })).toEqual({ previous: '2023-03-31/beta.csv', next: null });
    expect(neighbours(rels, { partnerId: 'gamma', date: '2023-12-31' })).toEqual({ previous: null, next: null });
  });
});

describe('withExports(source, extra)', () => {
  const base = memorySource(tinyProgramme, tinySnapshots);
  const source = withExports(base, new Map([
    ['2023-09-30/beta.csv', { bytes: () => 'new', path: '~/Downloads/beta.csv' }],
    ['2023-06-30/alpha.csv', { bytes: () => 'replaced', path: 'data/snapshots/2023-06-30/alpha.csv' }],
  ]));
  it('lists the data folder’s exports and the added ones, each once', () => {
    expect(source.listExports().sort()).toEqual(['2023-03-31/alpha.csv', '2023-03-31/beta.csv', '2023-06-30/alpha.csv', '2023-09-30/beta.csv']);
  });
  it('reads an added file in its place and the others from the data folder', () => {
    expect(source.readExport('2023-09-30/beta.csv')).toBe('new');
    expect(source.readExport('2023-06-30/alpha.csv')).toBe('replaced');
    expect(source.readExport('2023-03-31/beta.csv')).not.toBe('new');
    expect(source.label).toBe(base.label);
  });
  it('names an added file by the path the person gave, the others by their place', () => {
    expect(source.pathOf?.('2023-09-30/beta.csv')).toBe('~/Downloads/beta.csv');
    expect(source.pathOf?.('2023-03-31/beta.csv')).toBe(`${base.label}snapshots/2023-03-31/beta.csv`);
  });
});
