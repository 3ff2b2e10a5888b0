import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachRepeat, joinKeys, KeyList } from '../../src/lib/ingest/key-list.ts';

// KeyList has two paths: ids in order (compared byte by byte as they come) and the rest
// (fingerprints, radix-sorted). Both must find what a Map finds.

const ENCODER = new TextEncoder();

function keyList(ids: readonly string[]): KeyList {
  const keys = new KeyList();
  for (const id of ids) {
    // Each id inside a larger buffer, as the reader passes them: a range of the file's bytes.
    const bytes = ENCODER.encode(`,${id};`);
    keys.push(bytes, 1, bytes.length - 1);
  }
  return keys;
}

/** The repeats a Map finds: [i, first index with the same id]. */
function naiveRepeats(ids: readonly string[]): [number, number][] {
  const first = new Map<string, number>();
  const out: [number, number][] = [];
  ids.forEach((id, i) => {
    const f = first.get(id);
    if (f === undefined) first.set(id, i);
    else out.push([i, f]);
  });
  return out;
}

function repeats(ids: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  forEachRepeat(keyList(ids), (i, f) => out.push([i, f]));
  return out.sort((x, y) => x[0] - y[0]);
}

/** The matches a Map finds: [i in a, j in b] for ids in both (ids distinct within each list). */
function naiveJoin(a: readonly string[], b: readonly string[]): [number, number][] {
  const inB = new Map(b.map((id, j) => [id, j]));
  return a.flatMap((id, i): [number, number][] => (inB.has(id) ? [[i, inB.get(id)!]] : []));
}

function join(a: readonly string[], b: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  joinKeys(keyList(a), keyList(b), (i, j) => out.push([i, j]));
  return out.sort((x, y) => x[0] - y[0]);
}

const sortedBytes = (ids: string[]) => [...ids].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
// Short ids from few characters, so that repeats, shared prefixes and prefixes of each other are common.
const id = fc.string({ unit: fc.constantFrom('A', 'B', '1', '9', 'ä', '-'), minLength: 0, maxLength: 4 });

describe('KeyList: ids in order', () => {
  it('knows ids are in order while each is greater, byte by byte, than the one before', () => {
    expect(keyList(['A1', 'A10', 'A2', 'B']).inOrder).toBe(true);
    expect(keyList(['A1', 'A2', 'A10']).inOrder).toBe(false);
    expect(keyList(['A1', 'A1']).inOrder).toBe(false);
    expect(keyList(['A10', 'A1']).inOrder).toBe(false);
    // Bytes, not UTF-16 units nor locale: "ä" is C3 A4 in UTF-8, after every ASCII byte.
    expect(keyList(['z', 'ä']).inOrder).toBe(true);
  });
  it('finds an id that repeats an earlier one after a run in order', () => {
    expect(repeats(['A1', 'A2', 'A3', 'A2', 'A4'])).toEqual([[3, 1]]);
  });
  it('joins two exports in order by walking both, and one in order with one not, by fingerprint, to the same matches', () => {
    const before = ['A1', 'A2', 'A3', 'A5'];
    const after = ['A0', 'A2', 'A3', 'A4', 'A5', 'A6'];
    expect(join(after, before)).toEqual([
      [1, 1],
      [2, 2],
      [4, 3],
    ]);
    const shuffled = ['A5', 'A0', 'A3', 'A6', 'A2', 'A4'];
    expect(join(shuffled, before)).toEqual([
      [0, 3],
      [2, 2],
      [4, 1],
    ]);
  });
  it('finds the repeats a Map finds, in any order of ids (property)', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), fc.boolean(), (ids, sort) => {
        const list = sort ? sortedBytes(ids) : ids;
        expect(repeats(list)).toEqual(naiveRepeats(list));
      }),
      { numRuns: 300 },
    );
  });
  it('joins to the matches a Map finds, ids in order or not (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 40 }), fc.uniqueArray(id, { maxLength: 40 }), fc.boolean(), fc.boolean(), (a, b, sortA, sortB) => {
        const la = sortA ? sortedBytes(a) : a;
        const lb = sortB ? sortedBytes(b) : b;
        expect(join(la, lb)).toEqual(naiveJoin(la, lb));
      }),
      { numRuns: 300 },
    );
  });
});
