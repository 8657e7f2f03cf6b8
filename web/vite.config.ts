import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console, built into dist/web, which the service serves at /. In development
// (`npx vite web`), API calls go to a service running on :3000.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The SDK's source, so the console needs no build of it first.
  resolve: { alias: { '@atrium/sdk': new URL('../sdk/src/index.ts', import.meta.url).pathname } },
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
