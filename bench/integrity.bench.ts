import { performance } from 'node:perf_hooks';
import { verifyLog } from '#integrity';
import {
  benchStores,
  envInt,
  fmtMs,
  fmtPct,
  fmtRate,
  formatTable,
  loadLine,
  log,
  machineLine,
  perSecond,
  postgresSettings,
  postgresUnavailable,
  type BenchSection,
  type StoreKind,
} from './bench-kit.js';
import { fillLog, openBenchLedger } from './integrity-stores.js';
import { portAppender, Stopwatch } from './write-port.js';

/**
 * Issue 8's figures. (1) Append throughput with checkpoints on and off, in the same run: two
 * fresh stores side by side, appends alternating between them round by round; the "on" store's
 * checkpoint timer runs (at BENCH_CHECKPOINT_MS, far more often than the service's 300 s) only
 * during its own rounds, so its work never lands in the other's. Goal: ≤ 5 % apart. (2) The time
 * to verify N events offline (`cli verify`: every chain, the whole tree, every head) as a ratio
 * to merely reading them through the same port, and what the first checkpoint over them costs.
 */
const APPEND_GOAL = 0.05;

interface Sizes {
  readonly events: number;
  readonly rounds: number;
  readonly streams: number;
  readonly checkpointMs: number;
  readonly verifyEvents: number;
  readonly verifyStore: StoreKind | 'none';
  readonly verifyRounds: number;
  readonly pgliteSync: boolean;
}

const sizesFromEnv = (): Sizes => ({
  events: envInt('BENCH_INTEGRITY_EVENTS', 30_000),
  rounds: envInt('BENCH_INTEGRITY_ROUNDS', 10),
  streams: envInt('BENCH_STREAMS', 100),
  checkpointMs: envInt('BENCH_CHECKPOINT_MS', 1000),
  verifyEvents: envInt('BENCH_VERIFY_EVENTS', 200_000),
  verifyStore: (process.env.BENCH_VERIFY_STORE as StoreKind | 'none' | undefined) ?? 'postgres',
  verifyRounds: envInt('BENCH_VERIFY_ROUNDS', 2),
  pgliteSync: process.env.BENCH_PGLITE_SYNC !== 'off',
});

interface AppendFigures {
  readonly kind: StoreKind;
  readonly off: number;
  readonly on: number;
  readonly checkpoints: number;
  readonly sealed: number;
  readonly checkpointMs: number;
}

async function measureAppends(kind: StoreKind, sizes: Sizes): Promise<AppendFigures> {
  const [off, on] = [await openBenchLedger(kind, sizes.pgliteSync), await openBenchLedger(kind, sizes.pgliteSync)];
  try {
    const appendOff = portAppender(off.opened.store, sizes.streams, false);
    const appendOn = portAppender(on.opened.store, sizes.streams, false);
    for (let i = 0; i < 200; i++) await Promise.all([appendOff(), appendOn()]); // warm both alike
    await on.recorder.record({ trigger: 'on_demand', actor: ACTOR });
    const watches = { off: new Stopwatch(), on: new Stopwatch() };
    const made: { ms: number; sealed: number }[] = [];
    // The "on" store's timer, counting only its own rounds' time: every checkpointMs of appending
    // on it, one checkpoint starts in the background (as the service's timer does), never two at once.
    let elapsed = 0;
    let last = 0;
    let inflight: Promise<void> | null = null;
    let waited = 0;
    const checkpoint = async () => {
      const before = (await on.index.latest())?.checkpoint.treeSize ?? 0;
      const t0 = performance.now();
      const stored = await on.recorder.record({ trigger: 'periodic', actor: ACTOR, onlyIfNew: true });
      if (stored) made.push({ ms: performance.now() - t0, sealed: stored.checkpoint.treeSize - before });
    };
    const appendWithTimer = async () => {
      await appendOn();
      const now = performance.now();
      elapsed += now - last;
      last = now;
      if (elapsed >= sizes.checkpointMs && !inflight) {
        elapsed = 0;
        inflight = checkpoint().finally(() => (inflight = null));
      }
    };
    const roundOn = async () => {
      last = performance.now();
      await watches.on.sequential(perRound, appendWithTimer);
      // A checkpoint still running belongs to this round's cost.
      const t0 = performance.now();
      await inflight;
      waited += performance.now() - t0;
    };
    const perRound = Math.ceil(sizes.events / sizes.rounds);
    log(
      `  ${kind}: ${sizes.events} appends each way in ${sizes.rounds} alternating rounds, checkpoint every ${sizes.checkpointMs} ms…`,
    );
    // Which side goes first alternates too, so a trend in the machine's load favours neither.
    for (let round = 0; round < sizes.rounds; round++) {
      if (round % 2 === 0) await watches.off.sequential(perRound, appendOff);
      await roundOn();
      if (round % 2 === 1) await watches.off.sequential(perRound, appendOff);
    }
    const offT = watches.off.timing();
    const onT = watches.on.timing();
    return {
      kind,
      off: perSecond(offT.count, offT.ms),
      on: perSecond(onT.count, onT.ms + waited),
      checkpoints: made.length,
      sealed: made.reduce((n, m) => n + m.sealed, 0),
      checkpointMs: made.reduce((n, m) => n + m.ms, 0),
    };
  } finally {
    await off.drop();
    await on.drop();
  }
}

const ACTOR = { userId: 'bench', role: 'admin', unitId: 'VN-BLO-LEDGER' } as const;

interface VerifyFigures {
  readonly kind: StoreKind;
  readonly events: number;
  readonly fillS: number;
  readonly firstCheckpointS: number;
  readonly nextCheckpointMs: number;
  readonly readS: number;
  readonly verifyS: number;
  readonly valid: boolean;
}

async function measureVerify(kind: StoreKind, sizes: Sizes): Promise<VerifyFigures> {
  const ledger = await openBenchLedger(kind, sizes.pgliteSync);
  try {
    log(`  ${kind}: writing ${sizes.verifyEvents.toLocaleString('en-US')} events to verify…`);
    const t0 = performance.now();
    await fillLog(ledger, sizes.verifyEvents, log);
    const fillS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const first = (await ledger.recorder.record({ trigger: 'on_demand', actor: ACTOR }))!;
    const firstCheckpointS = (performance.now() - t1) / 1000;
    await fillLog(ledger, 1000, () => undefined);
    const t2 = performance.now();
    await ledger.recorder.record({ trigger: 'on_demand', actor: ACTOR });
    const nextCheckpointMs = performance.now() - t2;
    const eventsSql = ledger.opened.sql;
    let readS = Infinity;
    let verifyS = Infinity;
    let valid = true;
    // Rounds of each, alternating; the better of each (a busy minute elsewhere hits one round, not both).
    for (let round = 0; round < sizes.verifyRounds; round++) {
      const r0 = performance.now();
      let n = 0;
      for await (const _e of ledger.opened.store.readAll({ pageSize: 2000 })) n += 1;
      readS = Math.min(readS, (performance.now() - r0) / 1000);
      log(`  ${kind}: read ${n.toLocaleString('en-US')} events in ${((performance.now() - r0) / 1000).toFixed(1)} s`);
      const v0 = performance.now();
      const verdict = await verifyLog(ledger.opened.store, ledger.index, first.checkpoint, ledger.key, eventsSql);
      valid &&= verdict.valid;
      verifyS = Math.min(verifyS, (performance.now() - v0) / 1000);
      log(
        `  ${kind}: verified ${verdict.events.toLocaleString('en-US')} events in ${((performance.now() - v0) / 1000).toFixed(1)} s (${verdict.valid ? 'intact' : 'NOT INTACT'})`,
      );
    }
    return { kind, events: sizes.verifyEvents, fillS, firstCheckpointS, nextCheckpointMs, readS, verifyS, valid };
  } finally {
    await ledger.drop();
  }
}

function report(appends: readonly AppendFigures[], verify: VerifyFigures | null, sizes: Sizes): void {
  const rows: string[][] = [
    [
      'store',
      'appends/s, off',
      'appends/s, on',
      'difference',
      'checkpoints',
      'sealed',
      'ms / checkpoint',
      'µs / sealed event',
      'goal',
    ],
  ];
  for (const a of appends) {
    const diff = (a.off - a.on) / a.off;
    rows.push([
      a.kind,
      fmtRate(a.off),
      fmtRate(a.on),
      fmtPct(diff),
      String(a.checkpoints),
      fmtRate(a.sealed),
      a.checkpoints ? fmtMs(a.checkpointMs / a.checkpoints) : '-',
      a.sealed ? fmtMs((a.checkpointMs * 1000) / a.sealed) : '-',
      `≤ 5 % ${Math.abs(diff) <= APPEND_GOAL ? 'PASS' : 'MISS'}`,
    ]);
  }
  log('');
  log(formatTable(rows));
  log(`"on": a checkpoint every ${sizes.checkpointMs} ms while appending (the service default is every 300 s).`);
  if (!verify) return;
  log('');
  log(
    formatTable([
      ['store', 'events', 'write', 'first checkpoint', 'next (+1,000)', 'read all', 'verify all', 'verify / read'],
      [
        verify.kind,
        fmtRate(verify.events),
        `${verify.fillS.toFixed(0)} s`,
        `${verify.firstCheckpointS.toFixed(1)} s (${fmtRate(verify.events / verify.firstCheckpointS)}/s)`,
        `${fmtMs(verify.nextCheckpointMs)} ms`,
        `${verify.readS.toFixed(1)} s (${fmtRate(verify.events / verify.readS)}/s)`,
        `${verify.verifyS.toFixed(1)} s (${fmtRate(verify.events / verify.verifyS)}/s)`,
        `${(verify.verifyS / verify.readS).toFixed(2)} ×${verify.valid ? '' : ' (NOT INTACT?)'}`,
      ],
    ]),
  );
}

async function run(): Promise<void> {
  const sizes = sizesFromEnv();
  log(`Signed checkpoints (issue 8) — ${machineLine()}`);
  log(
    `  BENCH_INTEGRITY_EVENTS=${sizes.events} BENCH_INTEGRITY_ROUNDS=${sizes.rounds} BENCH_CHECKPOINT_MS=${sizes.checkpointMs} ` +
      `BENCH_VERIFY_EVENTS=${sizes.verifyEvents} BENCH_VERIFY_STORE=${sizes.verifyStore} BENCH_PGLITE_SYNC=${sizes.pgliteSync ? 'on' : 'off'}`,
  );
  const usable: StoreKind[] = [];
  for (const kind of benchStores()) {
    const why = kind === 'postgres' ? await postgresUnavailable() : null;
    if (why) log(`  postgres: SKIPPED — ${why} (set BENCH_DATABASE_URL)`);
    else usable.push(kind);
  }
  if (usable.includes('postgres')) log(`  postgres: ${await postgresSettings()}`);
  const appends: AppendFigures[] = [];
  for (const kind of usable) {
    log(`  ${kind}: ${loadLine()}`);
    appends.push(await measureAppends(kind, sizes));
  }
  const verifyKind =
    sizes.verifyStore === 'none' ? null : usable.includes(sizes.verifyStore) ? sizes.verifyStore : usable[0];
  const verify = verifyKind ? await measureVerify(verifyKind, sizes) : null;
  log(`  after: ${loadLine()}`);
  report(appends, verify, sizes);
}

export const section: BenchSection = {
  name: 'integrity',
  summary: 'append throughput with signed checkpoints on and off; offline verification time against reading',
  order: 50,
  run,
};
