import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { antdCss } from './scripts/antd-css';

/** Libraries of the first frame: React, the stores, the navigation's icons. */
const FIRST_FRAME_LIBRARIES =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|zustand|clsx|@babel[\\/]runtime|@ant-design[\\/](icons|icons-svg|colors)|@rc-component[\\/]util)[\\/]/;
/** The design system's code, loaded after the first frame (src/renderer/app/island.tsx). */
const DESIGN_LIBRARIES =
  /[\\/]node_modules[\\/](antd|dayjs|stylis|@ant-design[\\/](cssinjs|cssinjs-utils|fast-color|react-slick)|@rc-component[\\/](?!util)|@emotion)/;

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
          'prepare-worker': resolve('src/main/sync/prepare-worker.ts'),
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
    plugins: [react(), antdCss()],
    // Minified (electron-vite leaves the renderer readable by default): about half the script to
    // parse before the first list row paints, in Electron as in browser mode.
    build: {
      minify: true,
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
        // Ant Design and its own libraries in one file the islands load together (browser mode
        // fetches over six HTTP/1.1 connections: sixty small files queued ahead of main's answers).
        output: {
          codeSplitting: {
            groups: [
              // What the first frame needs stays out of the design chunk (a group takes its modules'
              // dependencies too, so these are claimed first).
              { name: 'vendor', test: FIRST_FRAME_LIBRARIES, priority: 2 },
              { name: 'design', test: DESIGN_LIBRARIES, priority: 1 },
            ],
          },
        },
      },
    },
  },
});
