import { fmtMs, fmtPct, fmtRate, formatTable, perSecond, verdict, type StoreKind } from './bench-kit.js';
import type { LoadFigures } from './write-http.js';
import type { Timing } from './write-port.js';

/**
 * Issue 14's targets, as shares of a ceiling measured in the same run: the port keeps most of what
 * the database can do; HTTP at 32 clients keeps a share of the raw INSERT rate (PGlite: its one
 * connection; PostgreSQL: 32 connections) within a p99 bound.
 */
const PORT_TARGET = 0.6;
const HTTP_TARGET_CLIENTS = 32;
const HTTP_TARGETS: Readonly<Record<StoreKind, { share: number; p99Ms: number }>> = {
  pglite: { share: 0.4, p99Ms: 100 },
  postgres: { share: 0.3, p99Ms: 25 },
};

export interface HttpRun {
  readonly clients: number;
  readonly keys: boolean;
  readonly figures: LoadFigures;
}

export interface PortFigures {
  readonly raw: Timing;
  /** Raw ceiling per number of concurrent connections (PostgreSQL only: PGlite is one connection). */
  readonly rawConcurrent: ReadonlyMap<number, Timing>;
  readonly port: Timing;
  readonly portIdempotent: Timing;
  readonly rowBytes: { data: number; metadata: number };
}

export interface StoreFigures {
  readonly kind: StoreKind;
  readonly port: PortFigures | null;
  readonly scenario: string;
  readonly http: readonly HttpRun[];
}

const rateOf = (t: Timing): number => perSecond(t.count, t.ms);

/** The write section's one table: each figure with its ceiling and its target. */
export function tableOf(results: readonly StoreFigures[]): string {
  const rows: string[][] = [
    ['store', 'measurement', 'per s', 'p50 ms', 'p99 ms', 'of ceiling', 'loop, cpu/req', 'sql/req', 'target'],
  ];
  for (const { kind, port: p, http } of results) {
    const ratio = (rate: number, ceiling: Timing | undefined) => (ceiling ? fmtPct(rate / rateOf(ceiling)) : '-');
    const timing = (label: string, t: Timing, ceiling: Timing | undefined, target: string) =>
      rows.push([
        kind,
        label,
        fmtRate(rateOf(t)),
        fmtMs(t.p50),
        fmtMs(t.p99),
        ratio(rateOf(t), ceiling),
        '',
        '',
        target,
      ]);
    if (p) {
      timing('raw INSERT, 1 connection (ceiling)', p.raw, p.raw, '');
      for (const [c, t] of p.rawConcurrent) timing(`raw INSERT, ${c} connections (ceiling)`, t, t, '');
      const portMet = rateOf(p.port) / rateOf(p.raw) >= PORT_TARGET;
      timing('port append, sequential', p.port, p.raw, `≥ 60 % ${verdict(portMet)}`);
      timing('port append + idempotency key', p.portIdempotent, p.raw, 'diagnostic');
    }
    for (const h of http) {
      const f = h.figures;
      const gated = h.keys && h.clients === HTTP_TARGET_CLIENTS;
      const ceiling = p?.rawConcurrent.get(h.clients) ?? p?.raw;
      const goal = HTTP_TARGETS[kind];
      const met = ceiling !== undefined && f.requestsPerSecond / rateOf(ceiling) >= goal.share && f.p99 <= goal.p99Ms;
      const goalText = `≥ ${goal.share * 100} %, p99 ≤ ${goal.p99Ms} ms`;
      rows.push([
        kind,
        `HTTP, ${h.clients} clients, ${h.keys ? 'with keys' : 'no keys'}${f.failed ? ` (${f.failed} failed)` : ''}`,
        fmtRate(f.requestsPerSecond),
        fmtMs(f.p50),
        fmtMs(f.p99),
        ratio(f.requestsPerSecond, ceiling),
        `${fmtPct(f.loopBusy)}, ${fmtMs(f.cpuMsPerRequest)} ms`,
        f.statementsPerRequest.toFixed(1),
        gated
          ? `${goalText} ${ceiling ? verdict(met) : '(no ceiling: BENCH_PARTS=port,http)'}`
          : h.keys
            ? ''
            : 'diagnostic',
      ]);
    }
  }
  return formatTable(rows);
}
