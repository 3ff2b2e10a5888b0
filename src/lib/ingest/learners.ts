/** Fields in one bit set: a number's bitwise operators work on 32 bits, one of them the sign. */
const GROUP = 31;

/**
 * The distinct learners of one or more exports, each with the fields (indexes in programme.json
 * order) the learner studied in. Each learner_id is numbered once; its fields are bits in
 * arrays by that number (one array for every 31 fields), so a row costs one look-up of the id.
 * The ids stay in this map, in this process: only counts come out.
 */
export class Learners {
  private readonly numbers = new Map<string, number>();
  /** groups[g][k]: the bit set of fields GROUP × g … GROUP × g + 30 that learner k studied in. */
  private readonly groups: number[][] = [[]];

  /** Counts the learner `id` as studying in field `field` (an index). */
  add(id: string, field: number): void {
    this.or(this.number(id), Math.floor(field / GROUP), 1 << field % GROUP);
  }

  /** Adds every learner of another set (the same person in both counts once). */
  merge(other: Learners): void {
    for (const [id, k] of other.numbers) {
      const mine = this.number(id);
      other.groups.forEach((bits, g) => this.or(mine, g, bits[k] ?? 0));
    }
  }

  /** Returns the learner's number, numbering a new one. */
  private number(id: string): number {
    const k = this.numbers.get(id);
    if (k !== undefined) return k;
    this.numbers.set(id, this.numbers.size);
    this.groups[0].push(0);
    return this.numbers.size - 1;
  }

  private or(k: number, g: number, bits: number): void {
    const group = (this.groups[g] ??= []);
    group[k] = (group[k] ?? 0) | bits;
  }

  /** The number of distinct learners. */
  get size(): number {
    return this.numbers.size;
  }

  /** Returns how many of the learners studied in field `field` (an index). */
  inField(field: number): number {
    const bit = 1 << field % GROUP;
    let n = 0;
    for (const bits of this.groups[Math.floor(field / GROUP)] ?? []) if (bits & bit) n++;
    return n;
  }
}
