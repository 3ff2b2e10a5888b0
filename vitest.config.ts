import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
    // Browser and build tests start Chromium or whole builds; two at a time suits a 2-core machine.
    maxWorkers: 2,
    // Tests pin time and zone themselves; this keeps any stray Date honest.
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
  },
});
