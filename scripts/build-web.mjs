// `npm run build:web`: builds the web app (apps/web) into dist/web with Vite, then writes a
// Brotli and a gzip copy beside every text file so that the api serves them without compressing
// on each request (@fastify/static `preCompressed`), and prints what each entry costs a phone in
// gzipped script. The gate app must stay within 100 KB of it (issue 9); the browser tests check
// the figure in dist/web-build.json.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const OUT = 'dist/web';
const REPORT = 'dist/web-build.json';
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|map)$/;
/** Below this, compressed copies save nothing worth a file: the headers weigh more. */
const MIN_BYTES = 512;
export const GATE_BUDGET_BYTES = 100 * 1024;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The JS chunks an entry loads before it runs (itself and its static imports, transitively). */
function scriptsOf(manifest, key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunk.imports ?? []) scriptsOf(manifest, imported, seen);
  return seen;
}

const gzipSize = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

// Always the production build whoever calls: jest (NODE_ENV=test) would otherwise get React's
// development build, half again as large and not what the api serves.
process.env.NODE_ENV = 'production';
await build({ configFile: 'apps/web/vite.config.mjs', mode: 'production', logLevel: 'warn' });

// The manifest describes the build for us, not for browsers: keep it out of what is served.
const manifestPath = join(OUT, '.vite', 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
rmSync(join(OUT, '.vite'), { recursive: true, force: true });

let compressed = 0;
for (const file of filesUnder(OUT)) {
  if (!COMPRESSIBLE.test(file)) continue;
  const body = readFileSync(file);
  if (body.length < MIN_BYTES) continue;
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  );
  compressed += 1;
}

const entries = {};
for (const [name, key] of [
  ['desktop', 'index.html'],
  ['gate', 'gate/index.html'],
]) {
  const chunks = [...scriptsOf(manifest, key)].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  const css = [...scriptsOf(manifest, key)].flatMap((k) => manifest[k].css ?? []);
  entries[name] = {
    scripts: chunks,
    gzippedScriptBytes: chunks.reduce((sum, f) => sum + gzipSize(join(OUT, f)), 0),
    gzippedStyleBytes: [...new Set(css)].reduce((sum, f) => sum + gzipSize(join(OUT, f)), 0),
  };
}
mkdirSync('dist', { recursive: true });
writeFileSync(REPORT, `${JSON.stringify({ builtAt: new Date().toISOString(), entries }, null, 2)}\n`);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
process.stdout.write(
  `web app built into ${OUT}/ (${filesUnder(OUT).length} files, ${compressed} with .br and .gz)\n` +
    Object.entries(entries)
      .map(
        ([name, e]) =>
          `  ${name.padEnd(8)} ${kb(e.gzippedScriptBytes).padStart(9)} gzipped JS, ${kb(e.gzippedStyleBytes)} gzipped CSS` +
          (name === 'gate' ? `  (budget ${kb(GATE_BUDGET_BYTES)})` : ''),
      )
      .join('\n') +
    '\n',
);
if (entries.gate.gzippedScriptBytes > GATE_BUDGET_BYTES)
  process.stdout.write(`WARNING: the gate app is over its ${kb(GATE_BUDGET_BYTES)} budget of gzipped JS\n`);
