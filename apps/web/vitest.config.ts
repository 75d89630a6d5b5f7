import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    // Times in the UI are local; pin the zone so expectations are stable on any machine.
    env: { TZ: 'UTC' },
    testTimeout: 15_000,
  },
});
