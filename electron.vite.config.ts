import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Headless mode: the same core in plain Node, no Electron.
          headless: resolve(__dirname, 'src/main/headless/cli.ts'),
          // The chat history database runs in this worker thread (src/main/core/storage/db/worker-entry.ts).
          'history-worker': resolve(__dirname, 'src/main/core/storage/db/history-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload's `require` loads only `electron` and a few Node built-ins, never a sibling file:
      // each preload must be one self-contained file (docs/electron-shell.md).
      isolatedEntries: true,
      externalizeDeps: false,
      rollupOptions: {
        input: {
          overlay: resolve(__dirname, 'src/preload/overlay.ts'),
          mod: resolve(__dirname, 'src/preload/mod.ts'),
        },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves bundles unminified; these pages are also served to OBS and browsers, where
      // less JavaScript to parse means a faster first paint.
      minify: true,
      rollupOptions: {
        input: {
          overlay: resolve(__dirname, 'src/renderer/overlay.html'),
          mod: resolve(__dirname, 'src/renderer/mod.html'),
          alerts: resolve(__dirname, 'src/renderer/alerts.html'),
        },
        // The code both pages share (React, zustand, the bridge) gets a name that says so.
        output: { chunkFileNames: 'assets/shared-[hash].js' },
      },
    },
  },
});
