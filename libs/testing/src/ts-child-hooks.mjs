// Module hooks that let a test start a real child process written in TypeScript:
//   node --conditions=source --import ./libs/testing/src/ts-child-register.mjs child.ts
// `#lib` imports resolve to their TypeScript source (the "source" condition of package.json),
// a relative `./x.js` falls back to `./x.ts`, and .ts files are transpiled one by one with the
// project's own TypeScript (no type check: jest's ts-jest and tsc do that).
//
// Each output is kept in node_modules/.cache/blo-ts-child, keyed by a hash of the source, the
// options and the compiler's version: a suite starts dozens of these processes, and without the
// cache every one of them transpiled the whole service again (seconds each on two cores).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// Names, not the enums' numbers, so the key needs no compiler: loading TypeScript itself takes
// longer than reading a warm cache, so it is only loaded on a miss.
const OPTIONS = {
  module: 'esnext',
  target: 'es2023',
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  esModuleInterop: true,
  inlineSourceMap: true,
};
const CACHE = fileURLToPath(new URL('../../../node_modules/.cache/blo-ts-child/', import.meta.url));
const require = createRequire(import.meta.url);
const TS_VERSION = JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')).version;
const SALT = `${TS_VERSION}\n${JSON.stringify(OPTIONS)}\n`;
let compiler = null;

/** TypeScript and the options in its own form, loaded on the first miss and kept. */
async function loadCompiler() {
  if (compiler) return compiler;
  const ts = (await import('typescript')).default;
  compiler = { ts, options: ts.convertCompilerOptionsFromJson(OPTIONS, '').options };
  return compiler;
}

async function transpile(file, source) {
  const key = createHash('sha256').update(SALT).update(file).update('\n').update(source).digest('hex');
  const cached = `${CACHE}${key}.js`;
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // Not transpiled yet.
  }
  const { ts, options } = await loadCompiler();
  const { outputText } = ts.transpileModule(source, { fileName: file, compilerOptions: options });
  try {
    mkdirSync(CACHE, { recursive: true });
    // Written aside and renamed, so a process starting meanwhile never reads half a file.
    const aside = `${cached}.${process.pid}.tmp`;
    writeFileSync(aside, outputText);
    renameSync(aside, cached);
  } catch {
    // A read-only checkout: transpile every time.
  }
  return outputText;
}

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? '';
  if (parent.endsWith('.ts') && /^\.{1,2}\//.test(specifier) && specifier.endsWith('.js')) {
    const asTs = new URL(specifier.replace(/\.js$/, '.ts'), parent);
    if (!existsSync(fileURLToPath(new URL(specifier, parent))) && existsSync(fileURLToPath(asTs))) {
      return { url: asTs.href, shortCircuit: true };
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  return { format: 'module', source: await transpile(file, readFileSync(file, 'utf8')), shortCircuit: true };
}
