import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    // Native modules (better-sqlite3) stay external so they load from node_modules. The backend's
    // worker threads and the embedded demo service are entries of their own, found beside index.js
    // (src/main/backend/thread.ts, src/main/app/embedded-service.ts).
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'writer-worker': resolve('src/main/backend/writer-worker.ts'),
          'reader-worker': resolve('src/main/backend/reader-worker.ts'),
          'pull-worker': resolve('src/main/sync/pull-worker.ts'),
          service: resolve('src/server/embedded.ts'),
        },
        // Flat, so a worker is found beside whichever module starts it (src/main/backend/spawn.ts).
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require packages: bundle zod in, and emit CommonJS.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
  },
});
