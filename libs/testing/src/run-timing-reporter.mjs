// Prints what a run had to work with and where its time went: the workers jest started on how
// many processors, the load before and after, and the slowest suites. A CI run that takes twice
// as long as the last one can then be told apart: more workers fighting over two cores, a busy
// machine, or one suite that grew.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { relative } from 'node:path';

const SLOWEST = 15;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export default class RunTimingReporter {
  constructor(globalConfig) {
    this.config = globalConfig;
    this.suites = [];
  }

  onRunStart() {
    const cores = cpus().length;
    process.stdout.write(
      `\njest: ${this.config.maxWorkers} worker(s) on ${availableParallelism()} of ${cores} processor(s); load ${load()}\n`,
    );
  }

  onTestResult(test, result) {
    const { start, end } = result.perfStats;
    this.suites.push({ file: relative(this.config.rootDir, test.path), seconds: (end - start) / 1000 });
  }

  onRunComplete() {
    const slowest = [...this.suites].sort((a, b) => b.seconds - a.seconds).slice(0, SLOWEST);
    const total = this.suites.reduce((sum, s) => sum + s.seconds, 0);
    process.stdout.write(`\nslowest ${slowest.length} of ${this.suites.length} suites (${total.toFixed(0)} s in all); load ${load()}\n`);
    for (const s of slowest) process.stdout.write(`  ${s.seconds.toFixed(1).padStart(7)} s  ${s.file}\n`);
  }
}
