// Vite builds the web app's two entries into dist/web: `/` (the desktop app, index.html) and
// `/gate` (the border guard's app, gate/index.html). scripts/build-web.mjs runs it and then
// writes the .br/.gz files the api serves; `npx vite apps/web` is a development server that
// sends /api, /health and /metrics to an api on 127.0.0.1:3000 (`npm start`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const API = process.env.BLO_API_URL ?? 'http://127.0.0.1:3000';

/**
 * The gate's service worker (src/gate/gate.sw.mjs) as /gate-sw.js, headed by the list of what it
 * precaches: the gate's page and every script and style the gate entry loads or may load (the
 * zh-Hans and en strings included), and a version that changes with them. Outside assets/, so
 * the api serves it with no-cache and a new build reaches phones on their next visit.
 */
function gateServiceWorker() {
  return {
    name: 'blo-gate-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry && c.name === 'gate');
      if (!entry) throw new Error('no gate entry in the bundle');
      const files = new Set();
      const visit = (chunk) => {
        if (!chunk || files.has(chunk.fileName)) return;
        files.add(chunk.fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const name of [...chunk.imports, ...chunk.dynamicImports]) visit(bundle[name]);
      };
      visit(entry);
      const shell = ['/gate', '/favicon.svg', '/gate.webmanifest', ...[...files].sort().map((f) => `/${f}`)];
      const version = [...files].sort().join('|');
      let hash = 0;
      for (let i = 0; i < version.length; i += 1) hash = (Math.imul(31, hash) + version.charCodeAt(i)) | 0;
      this.emitFile({
        type: 'asset',
        fileName: 'gate-sw.js',
        source:
          `const SHELL = ${JSON.stringify(shell)};\nconst VERSION = '${(hash >>> 0).toString(36)}';\n` +
          readFileSync(here('src/gate/gate.sw.mjs'), 'utf8'),
      });
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: here('public'),
  plugins: [react(), gateServiceWorker()],
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // Every file under assets/ has a content hash in its name: the api caches them as immutable.
    assetsDir: 'assets',
    // What each entry loads, for the size report and the gate's budget (moved out of dist/web).
    manifest: true,
    target: 'es2022',
    // Nothing inlined as a data: URL: fonts would then break font-src 'self' of the CSP.
    assetsInlineLimit: 0,
    // Browsers this app supports all know <link rel=modulepreload>; the polyfill is dead weight.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { desktop: here('index.html'), gate: here('gate/index.html') },
    },
  },
  server: {
    proxy: { '/api': API, '/health': API, '/metrics': API },
  },
});
