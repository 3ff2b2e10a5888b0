import { COURSE_NAMES, FIELD_ABBREVIATIONS } from './course-names.ts';
import { COURSE_SIZES, type PartnerProfile } from './profile.ts';
import type { Random } from './random.ts';
import { cmp } from './order.ts';
import type { Course } from './types.ts';

/**
 * Returns every partner's course catalogue, sorted by partner and course code. Every field code
 * listed gets at least one course somewhere, and every course size in COURSE_SIZES occurs at
 * least once, so that calibration can always hit an exact total.
 */
export function buildCatalogue(
  partners: readonly { id: string; profile: PartnerProfile }[],
  fieldCodes: readonly number[],
  rng: Random,
): Course[] {
  const courses: Course[] = [];
  for (const { id, profile } of partners) {
    const taught = fieldCodes.filter((f) => (profile.fields[f] ?? 0) > 0);
    const weightSum = taught.reduce((s, f) => s + profile.fields[f], 0);
    for (const field of taught) {
      const names = COURSE_NAMES[field] ?? [];
      const abbr = FIELD_ABBREVIATIONS[field];
      if (names.length === 0 || !abbr) throw new Error(`no demo course names for field ${field}`);
      const count = Math.min(names.length, Math.max(1, Math.round((profile.fields[field] / weightSum) * profile.courses)));
      const numbers = courseNumbers(count, rng);
      rng.shuffle(names).slice(0, count).forEach((name, i) => {
        courses.push({
          partnerId: id,
          code: `${profile.prefix}-${abbr}-${String(numbers[i]).padStart(3, '0')}`,
          name,
          fieldCode: field,
          credits: 0, // set below
          popularity: 0.3 + 1.7 * rng.next() ** 2,
        });
      });
    }
  }
  for (const field of fieldCodes) {
    if (!courses.some((c) => c.fieldCode === field)) throw new Error(`no partner profile teaches field ${field}`);
  }
  assignSizes(courses, rng);
  return courses.sort((a, b) => cmp(a.partnerId, b.partnerId) || cmp(a.code, b.code));
}

/** Returns `count` distinct course numbers from 1–199, ascending. */
function courseNumbers(count: number, rng: Random): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(rng.int(1, 199));
  return [...chosen].sort((a, b) => a - b);
}

/**
 * Gives the courses sizes in the proportions of COURSE_SIZES (each at least once, the rest
 * 5 credits), shuffled: quotas rather than independent draws keep the mix steady across seeds.
 */
function assignSizes(courses: Course[], rng: Random): void {
  const weightSum = COURSE_SIZES.reduce((s, z) => s + z.weight, 0);
  const sizes: number[] = [];
  for (const z of COURSE_SIZES) {
    if (z.credits === 500) continue;
    const n = Math.max(1, Math.round((z.weight / weightSum) * courses.length));
    for (let i = 0; i < n; i++) sizes.push(z.credits);
  }
  while (sizes.length < courses.length) sizes.push(500);
  rng.shuffle(sizes).forEach((credits, i) => {
    if (i < courses.length) courses[i].credits = credits;
  });
}
