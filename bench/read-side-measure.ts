import { performance } from 'node:perf_hooks';
import type { AppConfig } from '#config';
import type { EventStore } from '#event-store';
import {
  caseHistory,
  deadlineBoard,
  parsePeriod,
  periodStatistics,
  timelineOf,
  viewName,
  type ProjectionRuntime,
} from '#projections';
import { percentile } from './bench-kit.js';
import { seededRng } from './generate/vocabulary.js';

export interface Latency {
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** What one answer held (entries, items, …), to show the query did real work. */
  readonly size: number;
}

/** Runs `op` `warmup` times unmeasured, then `samples` times one after another. */
export async function latency(samples: number, warmup: number, op: (i: number) => Promise<number>): Promise<Latency> {
  let size = 0;
  for (let i = 0; i < warmup; i++) size = await op(i);
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    size = await op(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { samples, p50: percentile(ms, 50), p99: percentile(ms, 99), max: ms[ms.length - 1] ?? 0, size };
}

/** The ceiling: the port's readAll over the whole log, counting events (they are parsed, as a build parses them). */
export async function rawRead(store: EventStore): Promise<{ events: number; seconds: number; perSecond: number }> {
  const t0 = performance.now();
  let events = 0;
  for await (const _ of store.readAll()) events++;
  const seconds = (performance.now() - t0) / 1000;
  return { events, seconds, perSecond: events / seconds };
}

export interface QueryFigures {
  readonly timeline: Latency;
  readonly history: Latency;
  readonly board: Latency;
  readonly statistics: Latency;
}

export interface QueryPlan {
  readonly longCaseId: string;
  readonly from: Date;
  readonly to: Date;
  readonly samples: number;
  readonly statisticsSamples: number;
  readonly warmup: number;
  readonly year: string;
}

/**
 * The four reads of issue 3, each through the function its HTTP endpoint calls (minus HTTP,
 * authentication and the audit append): timelineOf, caseHistory, deadlineBoard, periodStatistics.
 */
export async function measureQueries(
  runtime: ProjectionRuntime,
  config: AppConfig,
  plan: QueryPlan,
): Promise<QueryFigures> {
  const { store, sql } = runtime.opened;
  const rng = seededRng(17);
  const span = plan.to.getTime() - plan.from.getTime();
  const period = parsePeriod(plan.year);
  if (!period) throw new Error(`bad statistics period ${plan.year}`);
  const limits = config.deadlines;

  const timeline = await latency(plan.samples, plan.warmup, async () => {
    return (await timelineOf(sql, plan.longCaseId)).length;
  });
  const history = await latency(plan.samples, plan.warmup, async () => {
    // Random instants over the case's life, a few before it and after it as a supervisor might pick.
    const at = new Date(plan.from.getTime() - span * 0.05 + rng() * span * 1.1);
    const h = await caseHistory(store, sql, plan.longCaseId, at);
    if (!h) throw new Error('the long case is missing');
    return h.timeline.length;
  });
  const board = await latency(plan.samples, plan.warmup, async () => {
    const b = await deadlineBoard(sql, viewName, { now: new Date(), withinMs: 7 * 86_400_000, limit: 200 }, limits);
    return sizeOf(b);
  });
  const statistics = await latency(plan.statisticsSamples, Math.min(plan.warmup, 3), async () => {
    const r = await periodStatistics(sql, viewName, { period, province: null, now: new Date() }, limits);
    return sizeOf(r);
  });
  return { timeline, history, board, statistics };
}

/** A rough size of an answer: its JSON length in kB (the board's and report's shapes differ). */
const sizeOf = (value: unknown): number => Math.round(JSON.stringify(value).length / 1024);
