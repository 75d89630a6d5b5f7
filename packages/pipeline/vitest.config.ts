import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'quality/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Rendering tests share 2 cores; run files one at a time.
    fileParallelism: false,
  },
});
