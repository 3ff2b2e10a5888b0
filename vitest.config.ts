import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The browser files that open the most pages, longest first. Two workers share the browser files,
 * so the longest must start first or one worker ends with a long file alone; vitest orders by the
 * last run's durations, which a fresh clone (CI) does not have, and falls back to file size, which
 * says nothing about how many pages a file opens.
 */
const LONGEST_FIRST = ['every-page-1', 'every-page-2', 'a11y-dark', 'a11y-320', 'pages-basics', 'checker', 'lighthouse', 'keyboard'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((name) => f.moduleId.endsWith(`/${name}.test.ts`));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    const order = await super.sort(files);
    // Projects keep vitest's order (groupOrder); within one, by rank, then vitest's own order.
    const project = (f: TestSpecification) => order.findIndex((g) => g.project.name === f.project.name);
    return [...order].sort((a, b) => project(a) - project(b) || rank(a) - rank(b) || order.indexOf(a) - order.indexOf(b));
  }
}

// Three groups run one after another: fast unit tests; build tests one file at a time (each runs
// whole Astro builds, which share the project's .astro/ folder); browser tests two at a time over
// the built dist/ (Lighthouse among them: it gates only on audits that do not read timings).
// Timeouts are generous on purpose: they catch a hang, not slowness; a busy machine (another
// suite beside this one) more than triples the time of a build or a browser page.
const shared = { env: { TZ: 'UTC' }, testTimeout: 240_000, hookTimeout: 600_000 };

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    projects: [
      { test: { ...shared, name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      { test: { ...shared, name: 'build', include: ['tests/build/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 1 } } },
      { test: { ...shared, name: 'browser', include: ['tests/browser/**/*.test.ts'], maxWorkers: 2, sequence: { groupOrder: 2 } } },
    ],
  },
});
