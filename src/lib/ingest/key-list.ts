import { growBytes, growInt32, release } from './grow.ts';

/**
 * The completion ids of one export (UTF-8 bytes), appended one a row, and the two ways of finding
 * equal ids in them: duplicates within the export, and the same completion in the previous one.
 *
 * Exports usually list completions in id order. While every id is greater (byte by byte) than the
 * one before, no id can repeat, and two such exports are joined by walking both in order; that
 * costs one comparison a row. Ids out of order fall back to a 64-bit fingerprint (two independent
 * 32-bit hashes) per id, radix-sorted once, at the end of the file, so that equal ids become
 * neighbours. A hash table would do the same with a random memory access a row into a table of
 * millions, which at national scale costs more than all the rest; the sort reads memory in order.
 *
 * A duplicate is confirmed byte by byte before it is reported. On the fingerprint path a
 * completion is matched with the previous export by fingerprint alone: two different ids share
 * one with probability about n² / 2⁶⁵ (3 in 100 million for a million ids), and the cost would be
 * one wrong warning.
 */
export class KeyList {
  size = 0;
  /** True while every key is greater, byte by byte, than the key before it (so no key repeats). */
  inOrder = true;
  /** Key i is bytes[offsets[i], offsets[i + 1]). */
  private offsets: Int32Array = new Int32Array(1025);
  private bytes = new Uint8Array(1 << 14);
  private sortedKeys: SortedKeys | null = null;

  /** Appends t[a, b) as key number `size`. */
  push(t: Uint8Array, a: number, b: number): void {
    const i = this.size;
    if (i + 1 === this.offsets.length) this.offsets = growInt32(this.offsets, 2 * i + 1);
    const at = this.offsets[i];
    const len = b - a;
    if (at + len > this.bytes.length) this.bytes = growBytes(this.bytes, Math.max(this.bytes.length * 2, at + len));
    const bytes = this.bytes;
    // A loop, not set(subarray): keys are short, and a builtin call costs more than the copy.
    let k = 0;
    if (this.inOrder && i > 0) {
      // The key is compared with the one before (which ends where it starts) as it is copied.
      const prev = this.offsets[i - 1];
      const common = Math.min(len, at - prev);
      for (; k < common; k++) {
        const c = t[a + k];
        bytes[at + k] = c;
        if (c !== bytes[prev + k]) break;
      }
      // Greater: a greater byte where they first differ, or a longer key after its prefix.
      this.inOrder = k < common ? t[a + k] > bytes[prev + k] : len > at - prev;
    }
    for (; k < len; k++) bytes[at + k] = t[a + k];
    this.offsets[i + 1] = at + len;
    this.size = i + 1;
    this.sortedKeys = null;
  }

  /** Frees the keys' memory now (see grow.ts); the list is empty afterwards. */
  release(): void {
    release(this.offsets);
    release(this.bytes);
    if (this.sortedKeys) for (const a of [this.sortedKeys.h1, this.sortedKeys.h2, this.sortedKeys.order]) release(a);
    this.offsets = new Int32Array(1025);
    this.bytes = new Uint8Array(1 << 14);
    this.sortedKeys = null;
    this.size = 0;
    this.inOrder = true;
  }

  /** Returns key i as text (for messages). */
  text(i: number): string {
    return new TextDecoder().decode(this.bytes.subarray(this.offsets[i], this.offsets[i + 1]));
  }

  /** Returns true when keys i and j are the same bytes. */
  same(i: number, j: number): boolean {
    const a = this.offsets[i];
    const len = this.offsets[i + 1] - a;
    const b = this.offsets[j];
    if (this.offsets[j + 1] - b !== len) return false;
    for (let k = 0; k < len; k++) if (this.bytes[a + k] !== this.bytes[b + k]) return false;
    return true;
  }

  /**
   * Returns the keys sorted by fingerprint: `order` holds key numbers, `h1` and `h2` their
   * fingerprints, all in that order. The sort is stable: equal keys keep the order they came in.
   */
  sorted(): SortedKeys {
    this.sortedKeys ??= this.sort();
    return this.sortedKeys;
  }

  private sort(): SortedKeys {
    const n = this.size;
    let h1 = new Uint32Array(n);
    let h2 = new Int32Array(n);
    let order = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      fingerprint(this.bytes, this.offsets[i], this.offsets[i + 1], FP);
      h1[i] = FP[0] >>> 0;
      h2[i] = FP[1];
      order[i] = i;
    }
    // LSD radix sort on h1 in passes of 11, 11 and 10 bits (2 048 buckets stay in cache), moving
    // h2 and the key number along. Keys with equal h1 and different h2 (rare) may interleave;
    // walkers compare h2 within a run of equal h1.
    let h1b = new Uint32Array(n);
    let h2b = new Int32Array(n);
    let orderb = new Uint32Array(n);
    const counts = new Uint32Array(2048);
    for (const shift of [0, 11, 22]) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(h1[i] >>> shift) & 2047]++;
      let sum = 0;
      for (let k = 0; k < 2048; k++) {
        const c = counts[k];
        counts[k] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const d = counts[(h1[i] >>> shift) & 2047]++;
        h1b[d] = h1[i];
        h2b[d] = h2[i];
        orderb[d] = order[i];
      }
      [h1, h1b] = [h1b, h1];
      [h2, h2b] = [h2b, h2];
      [order, orderb] = [orderb, order];
    }
    return { h1, h2, order };
  }

  /** Compares key i with key j of `other`, byte by byte: negative, 0 or positive. */
  compare(i: number, other: KeyList, j: number): number {
    let p = this.offsets[i];
    const pe = this.offsets[i + 1];
    let q = other.offsets[j];
    const qe = other.offsets[j + 1];
    for (; p < pe && q < qe; p++, q++) if (this.bytes[p] !== other.bytes[q]) return this.bytes[p] - other.bytes[q];
    return pe - p - (qe - q);
  }
}

export interface SortedKeys {
  h1: Uint32Array;
  h2: Int32Array;
  order: Uint32Array;
}

const FP = new Int32Array(2);

/**
 * Writes the 64-bit fingerprint of t[a, b) to out[0] and out[1]: FNV-1a and a multiply-rotate
 * hash with other constants, in one pass over the bytes, each finished with murmur3's mixer.
 */
export function fingerprint(t: Uint8Array, a: number, b: number, out: Int32Array): void {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9747b28c | 0;
  for (let k = a; k < b; k++) {
    const c = t[k];
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x5bd1e995) ^ c;
  }
  out[0] = mix(h1 ^ (b - a));
  out[1] = mix(h2 + (b - a));
}

/** Returns a 32-bit hash with its bits spread (murmur3's finaliser). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Calls `again(i, f)` for every key i equal to an earlier key f (f the first of its kind, in push
 * order), walking the sorted arrays once. Keys in order have no repeats: nothing to walk.
 */
export function forEachRepeat(keys: KeyList, again: (i: number, f: number) => void): void {
  if (keys.inOrder) return;
  const s = keys.sorted();
  const distinct: number[] = [];
  for (let p = 0; p < s.order.length; ) {
    let end = p + 1;
    while (end < s.order.length && s.h1[end] === s.h1[p]) end++;
    // Equal h1 (rare): each key is compared with the distinct keys met so far in the run, so one
    // id repeated a million times is linear, not quadratic. The sort is stable: the first is first.
    distinct.length = 0;
    for (let r = p; r < end && end > p + 1; r++) {
      let f = -1;
      for (let k = 0; k < distinct.length && f < 0; k++) {
        const d = distinct[k];
        if (s.h2[r] === s.h2[d] && keys.same(s.order[r], s.order[d])) f = d;
      }
      if (f < 0) distinct.push(r);
      else again(s.order[r], s.order[f]);
    }
    p = end;
  }
}

/**
 * Calls `match(i, j)` for every key i of `a` that is key j of `b`: by bytes, walking both lists
 * at once when both are in order, or else by fingerprint, walking both sorted arrays once.
 */
export function joinKeys(a: KeyList, b: KeyList, match: (i: number, j: number) => void): void {
  if (a.inOrder && b.inOrder) {
    for (let i = 0, j = 0; i < a.size && j < b.size; ) {
      const c = a.compare(i, b, j);
      if (c === 0) match(i++, j++);
      else if (c < 0) i++;
      else j++;
    }
    return;
  }
  const sa = a.sorted();
  const sb = b.sorted();
  let q = 0;
  for (let p = 0; p < sa.order.length; p++) {
    const h = sa.h1[p];
    while (q < sb.order.length && sb.h1[q] < h) q++;
    for (let r = q; r < sb.order.length && sb.h1[r] === h; r++) {
      if (sa.h2[p] === sb.h2[r]) {
        match(sa.order[p], sb.order[r]);
        break;
      }
    }
  }
}
