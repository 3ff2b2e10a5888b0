import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // Tests pin time and zone themselves; this keeps any stray Date honest.
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
  },
});
