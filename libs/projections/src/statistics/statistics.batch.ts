import type { RecordedEvent } from '#event-store';
import type { TableNamer } from '../projection.js';
import { RowBatch, isNewer, type JsonRow } from './row-batch.js';
import type { StatisticsEventData, StatisticsEventType } from './statistics.events.js';
import { STATISTICS_COLUMNS, type StatisticsTable } from './statistics.tables.js';

export type Row = JsonRow & { position?: string };

/** The rows one batch touches, one RowBatch per table. */
export class Batch {
  readonly rows: { [T in StatisticsTable]: RowBatch<Row> };

  constructor(t: TableNamer) {
    const make = (table: StatisticsTable) =>
      new RowBatch<Row>(t(table), Object.keys(STATISTICS_COLUMNS[table])[0], STATISTICS_COLUMNS[table]);
    this.rows = {
      stat_reports: make('stat_reports'),
      stat_persons: make('stat_persons'),
      stat_exchanges: make('stat_exchanges'),
      stat_messages: make('stat_messages'),
      stat_verifications: make('stat_verifications'),
      stat_handovers: make('stat_handovers'),
      stat_handed_over: make('stat_handed_over'),
      stat_support: make('stat_support'),
      stat_referrals: make('stat_referrals'),
    };
  }

  /** Changes an existing row when the event is newer than it (a replay changes nothing). */
  change(table: StatisticsTable, key: string | undefined, e: RecordedEvent, fn: (row: Row) => void): void {
    const row = key === undefined ? undefined : this.rows[table].get(key);
    if (!row || !isNewer(row, e.position)) return;
    fn(row);
    row.position = e.position.toString();
    this.rows[table].touch(row);
  }

  caseRow(caseId: string | null | undefined): Row | undefined {
    return caseId ? this.rows.stat_reports.get(caseId) : undefined;
  }
}

export const handedOverKey = (handoverId: string, personId: string): string => `${handoverId}|${personId}`;

/** Keys each event reads or writes, so each table is loaded with one statement per batch. */
export function keysOf(e: RecordedEvent, d: StatisticsEventData, keys: Record<StatisticsTable, string[]>): void {
  const push = (table: StatisticsTable, key: string | null | undefined) => {
    if (key) keys[table].push(key);
  };
  switch (e.type as StatisticsEventType) {
    case 'ReportReceived':
    case 'CaseClassified':
    case 'CaseResolved':
    case 'CaseReopened':
      return push('stat_reports', d.caseId);
    case 'PersonRegistered':
      push('stat_reports', d.caseId);
      return push('stat_persons', d.personId);
    case 'IdentificationBegun':
    case 'VictimIdentified':
    case 'IdentificationNotConfirmed':
    case 'IdentificationReopened':
    case 'PersonalDataCorrected':
      return push('stat_persons', d.personId);
    case 'ExchangeOpened':
      push('stat_reports', d.caseIds?.[0] ?? e.metadata.caseId);
      return push('stat_exchanges', d.exchangeId);
    case 'ExchangePriorityChanged':
      return push('stat_exchanges', d.exchangeId);
    case 'MessageLogged':
    case 'DraftSent':
      push('stat_exchanges', d.exchangeId);
      return push('stat_messages', d.messageId);
    case 'DraftDiscarded':
    case 'MessageAcknowledged':
    case 'MessageAnswered':
      return push('stat_messages', d.messageId);
    case 'VerificationRequested':
      push('stat_reports', d.caseId);
      return push('stat_verifications', d.verificationId);
    case 'VerificationPriorityChanged':
    case 'VerificationAnsweredConfirmed':
    case 'VerificationAnsweredNotConfirmed':
    case 'VerificationAnsweredInconclusive':
    case 'VerificationWithdrawn':
      return push('stat_verifications', d.verificationId);
    case 'HandoverProposed':
      push('stat_reports', d.caseId);
      return push('stat_handovers', d.handoverId);
    case 'HandoverScheduled':
    case 'HandoverConducted':
    case 'HandoverCancelled':
      return push('stat_handovers', d.handoverId);
    case 'PersonReceived':
      push('stat_handovers', d.handoverId);
      if (d.handoverId && d.personId) push('stat_handed_over', handedOverKey(d.handoverId, d.personId));
      return;
    case 'SupportProvided':
      push('stat_persons', d.personId);
      return push('stat_support', d.supportId);
    case 'ReferralMade':
      push('stat_persons', d.personId);
      return push('stat_referrals', d.referralId);
    case 'ReferralAccepted':
    case 'ReferralDeclined':
    case 'ReferralCompleted':
      return push('stat_referrals', d.referralId);
    default:
      return;
  }
}
