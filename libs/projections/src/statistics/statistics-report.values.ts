import type { ReportingPeriod, ReportingWindow } from './statistics.period.js';

// The shape of the periodic statistics and the targets they are measured against, kept apart from
// the queries that fill it in so that every query file can share it without importing the others.

/** Targets of the provincial plans (Decisions 193 and 33): all reports classified, > 90 % resolved. */
export const CLASSIFIED_TARGET = 1;
export const RESOLVED_TARGET = 0.9;

export interface StatisticsLimits {
  /** Reply limit of an outgoing message without a responseDueAt (as the deadline board), normal priority. */
  readonly messageReplyDefaultMs: number;
  /** The same for the urgent priority (issue 11). */
  readonly urgentReplyMs: number;
}

/** How each priority was answered (issue 11). */
export interface PriorityStats {
  /** Outgoing messages that open a round (our replies wait for nothing), sent in the window. */
  messages: { sent: number; answered: number; replyHours: Hours; overdue: number };
  /** Verification requests sent or received in the window. */
  verifications: { requested: number; answered: number; replyHours: Hours; answeredLate: number };
}

export type Counts = Record<string, number>;
export interface Hours {
  median: number | null;
  p90: number | null;
}

export interface ExchangeDirectionStats {
  messages: number;
  acknowledged: number;
  answered: number;
  ackHours: Hours;
  replyHours: Hours;
  overdue: number;
}

export interface StatisticsBody {
  reports: {
    received: number;
    classified: number;
    resolved: number;
    classifiedRate: number | null;
    resolvedRate: number | null;
    classifiedTarget: number;
    resolvedTarget: number;
    meetsClassifiedTarget: boolean | null;
    meetsResolvedTarget: boolean | null;
    byChannel: Counts;
  };
  persons: {
    total: number;
    byChannel: Counts;
    bySex: Counts;
    byAgeBand: Counts;
    byStatus: Counts;
    byProvince: Counts;
    byRole: Counts;
    accompanyingMinors: number;
  };
  handovers: {
    held: number;
    cancelled: number;
    personsHandedOver: number;
    personsByGate: Counts;
    personsByCounterpart: Counts;
  };
  exchanges: {
    total: number;
    byCounterpart: Record<
      string,
      { exchanges: number; outgoing: ExchangeDirectionStats; incoming: ExchangeDirectionStats }
    >;
  };
  verifications: {
    requested: number;
    byOutcome: Counts;
    byDirection: Counts;
    answeredLate: number;
  };
  /** Essential support given in the window, by kind (issue 10). */
  support: { given: number; byKind: Counts };
  /** Referrals made in the window, by service and by where they stand now ('pending' until answered). */
  referrals: { made: number; byService: Counts; byOutcome: Counts };
  /** Reply times (median, p90) and overdue counts per priority, each under its own limit. */
  priorities: { urgent: PriorityStats; normal: PriorityStats };
}

export interface StatisticsReport extends StatisticsBody {
  period: { code: string; kind: ReportingPeriod['kind']; from: string; to: string; fromUtc: string; toUtc: string };
  province: string | null;
  generatedAt: string;
  /** Subtotals for 1 July – 30 September inside the period; null when the period does not touch it. */
  crackdown: (StatisticsBody & { from: string; to: string }) | null;
}

/** One window to count: a period, or the crackdown part of it. */
export interface WindowQuery {
  readonly window: ReportingWindow;
  readonly province: string | null;
  readonly now: Date;
}
