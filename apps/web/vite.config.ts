import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { z } from 'zod';

/** Where the dev server forwards /trpc and /videos (the apps/server process). */
const env = z
  .object({ SERVER_URL: z.url().default('http://localhost:3000') })
  .parse({ SERVER_URL: process.env.SERVER_URL || undefined });

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/trpc': { target: env.SERVER_URL, changeOrigin: true },
      '/videos': { target: env.SERVER_URL, changeOrigin: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
