import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './electron/main/contentSecurityPolicy';

const root = import.meta.dirname;

/** The engine resolves `new URL('./migrations/', import.meta.url)`; in the bundle that is
 *  out/main/migrations/, so the SQL files are copied there. */
function copyMigrations(): Plugin {
  return {
    name: 'minhbach-copy-migrations',
    writeBundle(options) {
      const from = path.join(root, 'electron/engine/archive/migrations');
      const to = path.join(options.dir ?? path.join(root, 'out/main'), 'migrations');
      mkdirSync(to, { recursive: true });
      for (const file of readdirSync(from).filter((f) => f.endsWith('.sql')))
        cpSync(path.join(from, file), path.join(to, file));
    },
  };
}

/** The CSP also as a <meta> in the built page (defence in depth beside the app:// and preview
 *  headers). Build only: the dev server's React refresh needs an inline script. */
function cspMeta(): Plugin {
  return {
    name: 'minhbach-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      // frame-ancestors is ignored in a <meta>; the headers carry it.
      const policy = CONTENT_SECURITY_POLICY.split('; ')
        .filter((d) => !d.startsWith('frame-ancestors'))
        .join('; ');
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      );
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // Worker entries are separate outputs: main passes their URLs to createEngine.
        input: {
          index: path.join(root, 'electron/main/index.ts'),
          analyseWorker: path.join(root, 'electron/engine/importing/analyseWorker.ts'),
          modelWorker: path.join(root, 'electron/engine/understanding/model/trainWorker.ts'),
          // The PDF child process (engine/pdf): started with utilityProcess.fork by main.
          pdfChild: path.join(root, 'electron/engine/pdf/pdfChild.ts'),
          quickCheckWorker: path.join(root, 'electron/engine/integrity/quickCheckWorker.ts'),
          scanPageWorker: path.join(root, 'electron/engine/scanning/pages/pageWorker.ts'),
          understandWorker: path.join(root, 'electron/engine/pipeline/understandWorker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
    plugins: [copyMigrations()],
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: path.join(root, 'electron/preload/index.ts') },
        // CommonJS keeps the sandbox: an ESM preload would need sandbox: false.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: path.join(root, 'renderer'),
    base: './',
    build: {
      outDir: path.join(root, 'out/renderer'),
      emptyOutDir: true,
      minify: true,
      // No source maps in the shipped renderer; nothing to fetch, nothing to leak.
      sourcemap: false,
      rollupOptions: { input: path.join(root, 'renderer/index.html') },
    },
    plugins: [react(), cspMeta()],
  },
});
