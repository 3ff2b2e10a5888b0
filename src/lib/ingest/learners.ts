import { release } from './grow.ts';
import { fingerprint } from './key-list.ts';
import type { Programme } from '../contract/programme.ts';

/**
 * A published learner count: a number from 5 up, or "<5". Fewer than five people could be told
 * apart (and a count of 1 in a field is a person), so small counts are only published as "<5";
 * 0 stays 0, as it says nothing about anyone and the completions beside it are 0 too.
 */
export type LearnerCount = number | '<5';

/** Below this, a count of people is published as "<5". */
export const SMALL_COUNT = 5;

/** Returns the count as it may be published. */
export function suppressSmall(n: number): LearnerCount {
  return n > 0 && n < SMALL_COUNT ? '<5' : n;
}

const FP = new Int32Array(2);
/** Learners looked up together (see Learners). */
const BATCH = 256;

/**
 * The distinct learners of one or more exports, each kept only as a 64-bit fingerprint of its id
 * (the ids themselves are never stored), with one bit per field they studied in (programme.json
 * order). Only counts come out. Two different ids share a fingerprint with probability about
 * n² / 2⁶⁵ (3 in 100 million for a million learners); a count would then be one too low.
 *
 * An open-addressing table: learners repeat (each has a few completions), so most rows find their
 * learner already there. A slot holds the fingerprint and the field bits side by side (12 bytes
 * for up to 32 fields; the table is at most half full, so 24–48 bytes a learner), so a row touches
 * one place in memory, not two. At national scale the table outgrows the processor's cache and
 * each look-up waits for memory, so rows are looked up in batches, in a loop small enough that
 * the processor has several look-ups in flight at once, instead of one wait a row between the
 * rest of the row's work.
 */
export class Learners {
  private count = 0;
  /** Int32s a slot: h1, h2, then one bit per field. */
  private readonly stride: number;
  /** Slot s is table[s × stride …]: h1 and h2 of a fingerprint (both 0 when empty), then the field bits. */
  private table: Int32Array;
  private slots = 4096;

  /** `data`: a table toData() gave (see fromData); else the table starts empty. */
  constructor(fieldCount: number, data?: LearnersData) {
    this.stride = 2 + Math.max(1, Math.ceil(fieldCount / 32));
    if (data) {
      this.slots = data.slots;
      this.count = data.count;
    }
    this.table = data ? data.table : new Int32Array(this.slots * this.stride);
  }

  /** Learners added but not looked up yet: fingerprint halves and field index, BATCH at most. */
  private readonly pendingH1 = new Int32Array(BATCH);
  private readonly pendingH2 = new Int32Array(BATCH);
  private readonly pendingField = new Int32Array(BATCH);
  private pending = 0;
  /** Where flush() leaves what it read while touching slots (so that the reads are not optimised away). */
  private touched = 0;

  /** Returns the learners as plain data, to send to another thread (its `table` buffer can be moved, not copied). */
  toData(): LearnersData {
    this.flush();
    return { stride: this.stride, slots: this.slots, count: this.count, table: this.table };
  }

  /** Returns the learners that toData() gave. */
  static fromData(data: LearnersData): Learners {
    return new Learners(32 * (data.stride - 2), data);
  }

  /** Number of distinct learners. */
  get size(): number {
    this.flush();
    return this.count;
  }

  /** Counts the learner whose id is the UTF-8 bytes t[a, b) as studying in field `field` (an index). */
  add(t: Uint8Array, a: number, b: number, field: number): void {
    fingerprint(t, a, b, FP);
    const k = this.pending;
    this.pendingH1[k] = FP[0];
    this.pendingH2[k] = FP[1];
    this.pendingField[k] = field;
    this.pending = k + 1;
    if (k + 1 === BATCH) this.flush();
  }

  /** Looks up the pending learners. */
  private flush(): void {
    const { pendingH1, pendingH2, pendingField, table, stride } = this;
    // First touch every home slot, with nothing depending on the loads, so that the processor
    // fetches them all at once; the look-ups below then find them in the cache.
    const mask = this.slots - 1;
    let touched = 0;
    for (let k = 0; k < this.pending; k++) touched |= table[(pendingH1[k] & mask) * stride];
    this.touched = touched;
    for (let k = 0; k < this.pending; k++) {
      const at = this.slot(pendingH1[k], pendingH2[k]);
      const field = pendingField[k];
      this.table[at + 2 + (field >> 5)] |= 1 << (field & 31);
    }
    this.pending = 0;
  }

  /** Adds every learner of another set (the same person in both counts once). */
  merge(other: Learners): void {
    this.flush();
    other.flush();
    const from = other.table;
    for (let at = 0; at < from.length; at += other.stride) {
      if (from[at] === 0 && from[at + 1] === 0) continue;
      const to = this.slot(from[at], from[at + 1]);
      for (let w = 2; w < this.stride; w++) this.table[to + w] |= from[at + w];
    }
  }

  /** Returns how many of the learners studied in field `field` (an index). */
  inField(field: number): number {
    this.flush();
    const w = 2 + (field >> 5);
    const bit = 1 << (field & 31);
    let n = 0;
    for (let at = 0; at < this.table.length; at += this.stride) if ((this.table[at + w] & bit) !== 0) n++;
    return n;
  }

  /** Returns where the slot of a fingerprint starts in `table`, taking a free one when it is new. */
  private slot(h1: number, h2: number): number {
    // (0, 0) marks an empty slot; a fingerprint that is (0, 0) is stored as (0, 1).
    if (h1 === 0 && h2 === 0) h2 = 1;
    const mask = this.slots - 1;
    const table = this.table;
    const stride = this.stride;
    let s = h1 & mask;
    for (;;) {
      const at = s * stride;
      const x = table[at];
      const y = table[at + 1];
      if (x === h1 && y === h2) return at;
      if (x === 0 && y === 0) break;
      s = (s + 1) & mask;
    }
    const at = s * stride;
    table[at] = h1;
    table[at + 1] = h2;
    this.count++;
    if (this.count * 2 <= this.slots) return at;
    this.grow();
    return this.slot(h1, h2);
  }

  private grow(): void {
    const old = this.table;
    this.slots *= 2;
    this.table = new Int32Array(this.slots * this.stride);
    this.count = 0;
    for (let at = 0; at < old.length; at += this.stride) {
      if (old[at] === 0 && old[at + 1] === 0) continue;
      const to = this.slot(old[at], old[at + 1]);
      for (let w = 2; w < this.stride; w++) this.table[to + w] = old[at + w];
    }
    release(old);
  }
}

/** A Learners table as plain data (see Learners.toData). */
export interface LearnersData {
  stride: number;
  slots: number;
  count: number;
  table: Int32Array;
}

/** Exact distinct-learner counts over the current truth; null where some export has no learner ids. */
export interface LearnerCounts {
  total: number | null;
  byPartner: Map<string, number | null>;
  byField: Map<number, number | null>;
}

/**
 * Returns the distinct learners in each partner's newest export (`newest`: partner → its
 * learners, or null when that export has no learner ids), in all and per field. Learners are
 * counted across partners, so one person studying at two universities counts once in the total.
 */
export function countLearners(programme: Programme, newest: ReadonlyMap<string, Learners | null>): LearnerCounts {
  const all = [...newest.values()];
  const byPartner = new Map(programme.partners.map((p) => [p.id, newest.get(p.id)?.size ?? null]));
  if (all.length === 0 || all.some((l) => l === null)) {
    return { total: null, byPartner, byField: new Map(programme.fields.map((f) => [f.code, null])) };
  }
  const together = new Learners(programme.fields.length);
  for (const l of all as Learners[]) together.merge(l);
  return { total: together.size, byPartner, byField: new Map(programme.fields.map((f, i) => [f.code, together.inField(i)])) };
}
