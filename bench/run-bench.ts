import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { log, type BenchSection } from './bench-kit.js';

/**
 * `npm run bench [-- <section> …]`. Every `bench/*.bench.ts` that exports `section: BenchSection`
 * is a section (write: write-path.bench.ts; read and kafka can be added as read-side.bench.ts,
 * kafka.bench.ts without touching this file). No argument runs every section, in `order`.
 * Sections report figures; the exit code only says whether the bench itself could run.
 */
async function discover(): Promise<BenchSection[]> {
  const here = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.js'));
  const sections: BenchSection[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(`${here}/${file}`).href)) as { section?: BenchSection };
    if (mod.section) sections.push(mod.section);
    else console.warn(`${file} exports no \`section\`; skipped`);
  }
  return sections.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

async function main(args: readonly string[]): Promise<void> {
  const available = await discover();
  if (args.includes('--list') || args.includes('--help')) {
    for (const s of available) log(`${s.name.padEnd(8)} ${s.summary}`);
    return;
  }
  const unknown = args.filter((a) => !available.some((s) => s.name === a));
  if (unknown.length > 0) {
    throw new Error(
      `unknown or not yet available section(s): ${unknown.join(', ')}; available: ${available.map((s) => s.name).join(', ')}`,
    );
  }
  const chosen = args.length === 0 ? available : available.filter((s) => args.includes(s.name));
  const started = Date.now();
  for (const s of chosen) {
    log(`\n=== ${s.name}: ${s.summary} ===`);
    await s.run();
  }
  log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main(process.argv.slice(2)).then(
  // Libraries may leave handles (pools, timers) behind; the figures are printed, so leave.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
