import { defineConfig } from 'vitest/config';

// Four groups run one after another: fast unit tests; build tests one file at a time (each runs
// whole Astro builds, which share the project's .astro/ folder); browser tests two at a time over
// the built dist/; Lighthouse last and alone, since its performance score is main-thread time.
// Timeouts are generous on purpose: they catch a hang, not slowness; a busy machine (another
// suite beside this one) more than triples the time of a build or a browser page.
const shared = { env: { TZ: 'UTC' }, testTimeout: 240_000, hookTimeout: 600_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      { test: { ...shared, name: 'build', include: ['tests/build/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 1 } } },
      {
        test: {
          ...shared,
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          exclude: ['tests/browser/lighthouse.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
      { test: { ...shared, name: 'lighthouse', include: ['tests/browser/lighthouse.test.ts'], sequence: { groupOrder: 3 } } },
    ],
  },
});
