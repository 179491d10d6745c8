// Prints, after the run, every suite that skipped itself because a real server was missing,
// with the reason. Suites announce a skip by writing a line to the file named in
// BLO_SKIP_LOG (set here), so the summary survives jest's worker processes.
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default class SkipSummaryReporter {
  constructor() {
    this.file = join(tmpdir(), `blo-skips-${process.pid}.log`);
    process.env.BLO_SKIP_LOG = this.file;
    rmSync(this.file, { force: true });
  }

  onRunComplete() {
    if (!existsSync(this.file)) return;
    const lines = [...new Set(readFileSync(this.file, 'utf8').split('\n').filter(Boolean))];
    rmSync(this.file, { force: true });
    if (lines.length === 0) return;
    const bar = '!'.repeat(78);
    process.stdout.write(`\n${bar}\nSKIPPED SUITES (a real server was not available):\n`);
    for (const l of lines) process.stdout.write(`  - ${l}\n`);
    process.stdout.write(`${bar}\n`);
  }
}

export function recordSkip(line) {
  if (process.env.BLO_SKIP_LOG) appendFileSync(process.env.BLO_SKIP_LOG, `${line}\n`);
}
