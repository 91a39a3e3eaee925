import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // MapLibre GL is one indivisible module of about 1 MB; it is loaded only by the Data page's map.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // During `vite` development the API comes from a running `soteatlas serve`.
    proxy: { '/api': `http://localhost:${process.env.PORT ?? '8080'}` },
  },
});
