import type { RecordedEvent } from '#event-store';
import { handedOverKey, type Batch } from './statistics.batch.js';
import type { Sex, StatisticsEventData, StatisticsEventType } from './statistics.events.js';

/** Where a referral stands after each answer; 'pending' until the service answers. */
const REFERRAL_OUTCOME_AFTER: Partial<Record<StatisticsEventType, string>> = {
  ReferralAccepted: 'accepted',
  ReferralDeclined: 'declined',
  ReferralCompleted: 'completed',
};

/** Person status after each identification step (Law 53/2024 Art. 32–33; persons domain). */
const STATUS_AFTER: Partial<Record<StatisticsEventType, string>> = {
  IdentificationBegun: 'under_identification',
  VictimIdentified: 'identified_victim',
  IdentificationNotConfirmed: 'not_confirmed',
  IdentificationReopened: 'under_identification',
};

const OUTCOME_AFTER: Partial<Record<StatisticsEventType, string>> = {
  VerificationAnsweredConfirmed: 'confirmed',
  VerificationAnsweredNotConfirmed: 'not_confirmed',
  VerificationAnsweredInconclusive: 'inconclusive',
  VerificationWithdrawn: 'withdrawn',
};

/** Whole minutes from `from` to `to`: the resolution of the acknowledgement and reply times. */
const minutesBetween = (from: unknown, to: string): number =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(String(from))) / 60_000));

/**
 * The change one event makes to the rows that keysOf (statistics.batch.ts) loaded for it. A type
 * handled here needs its keys there as well: a row that was not loaded is not found in the batch.
 */
export function applyEvent(b: Batch, e: RecordedEvent, sexes: ReadonlyMap<string, Sex>): void {
  const d = e.data as StatisticsEventData;
  const type = e.type as StatisticsEventType;
  const at = d.occurredAt?.at ?? e.metadata.occurredAt.at;
  const position = e.position.toString();
  const r = b.rows;
  switch (type) {
    case 'ReportReceived':
      if (d.caseId && d.province && d.channel)
        r.stat_reports.insert({
          case_id: d.caseId,
          province: d.province,
          channel: d.channel,
          received_at: at,
          classified_at: null,
          resolved_at: null,
          position,
        });
      return;
    case 'CaseClassified':
      // The first classification counts: a reclassification does not make a report "more" classified.
      return b.change('stat_reports', d.caseId, e, (row) => {
        row.classified_at ??= at;
      });
    case 'CaseResolved':
      return b.change('stat_reports', d.caseId, e, (row) => {
        row.resolved_at = at;
      });
    case 'CaseReopened':
      return b.change('stat_reports', d.caseId, e, (row) => {
        row.resolved_at = null;
      });
    case 'PersonRegistered': {
      if (!d.personId || !d.caseId || !d.role) return;
      const c = b.caseRow(d.caseId);
      r.stat_persons.insert({
        person_id: d.personId,
        case_id: d.caseId,
        province: c?.province ?? null,
        channel: c?.channel ?? null,
        role: d.role,
        age_band: d.ageBand ?? 'unknown',
        status: d.identification ?? 'presumed',
        sex: sexes.get(e.id) ?? 'unknown',
        received_at: c?.received_at ?? at,
        position,
      });
      return;
    }
    case 'IdentificationBegun':
    case 'VictimIdentified':
    case 'IdentificationNotConfirmed':
    case 'IdentificationReopened':
      return b.change('stat_persons', d.personId, e, (row) => {
        row.status = STATUS_AFTER[type] ?? row.status;
      });
    case 'PersonalDataCorrected':
      return b.change('stat_persons', d.personId, e, (row) => {
        row.sex = sexes.get(e.id) ?? 'unknown';
      });
    case 'ExchangeOpened':
      if (d.exchangeId && d.counterpart)
        r.stat_exchanges.insert({
          exchange_id: d.exchangeId,
          counterpart: d.counterpart,
          province: b.caseRow(d.caseIds?.[0] ?? e.metadata.caseId)?.province ?? null,
          opened_at: at,
          priority: d.priority ?? 'normal',
          position,
        });
      return;
    case 'ExchangePriorityChanged':
      return b.change('stat_exchanges', d.exchangeId, e, (row) => {
        row.priority = d.priority ?? row.priority;
      });
    case 'MessageLogged': {
      if (!d.exchangeId || !d.messageId || !d.direction) return;
      const x = r.stat_exchanges.get(d.exchangeId);
      r.stat_messages.insert({
        message_id: d.messageId,
        exchange_id: d.exchangeId,
        counterpart: x?.counterpart ?? null,
        province: x?.province ?? null,
        direction: d.direction,
        state: d.draft ? 'draft' : 'sent',
        sent_at: at,
        response_due_at: d.responseDueAt?.at ?? null,
        is_reply: typeof d.inReplyTo === 'string',
        acknowledged_at: null,
        answered_at: null,
        ack_minutes: null,
        reply_minutes: null,
        priority: x?.priority ?? 'normal',
        position,
      });
      return;
    }
    case 'DraftSent':
      // The reply and acknowledgement times run from the moment the draft actually went out.
      return b.change('stat_messages', d.messageId, e, (row) => {
        if (row.state !== 'draft') return;
        row.state = 'sent';
        row.sent_at = at;
        // Sent under the priority its thread has at that moment.
        row.priority = r.stat_exchanges.get(String(row.exchange_id))?.priority ?? row.priority;
      });
    case 'DraftDiscarded':
      return b.change('stat_messages', d.messageId, e, (row) => {
        row.state = 'discarded';
      });
    case 'MessageAcknowledged':
      return b.change('stat_messages', d.messageId, e, (row) => {
        if (row.acknowledged_at !== null) return;
        row.acknowledged_at = at;
        row.ack_minutes = minutesBetween(row.sent_at, at);
      });
    case 'MessageAnswered':
      return b.change('stat_messages', d.messageId, e, (row) => {
        if (row.answered_at !== null) return;
        row.answered_at = at;
        row.reply_minutes = minutesBetween(row.sent_at, at);
      });
    case 'VerificationRequested':
      if (d.verificationId && d.caseId && d.direction && d.counterpart)
        r.stat_verifications.insert({
          verification_id: d.verificationId,
          case_id: d.caseId,
          province: b.caseRow(d.caseId)?.province ?? null,
          direction: d.direction,
          counterpart: d.counterpart,
          requested_at: at,
          outcome: 'open',
          answered_late: false,
          priority: d.priority ?? 'normal',
          answered_at: null,
          reply_minutes: null,
          position,
        });
      return;
    case 'VerificationPriorityChanged':
      return b.change('stat_verifications', d.verificationId, e, (row) => {
        row.priority = d.priority ?? row.priority;
      });
    case 'VerificationAnsweredConfirmed':
    case 'VerificationAnsweredNotConfirmed':
    case 'VerificationAnsweredInconclusive':
    case 'VerificationWithdrawn':
      return b.change('stat_verifications', d.verificationId, e, (row) => {
        row.outcome = OUTCOME_AFTER[type] ?? row.outcome;
        row.answered_late = d.late === true;
        if (type === 'VerificationWithdrawn') return;
        row.answered_at = at;
        row.reply_minutes = minutesBetween(row.requested_at, at);
      });
    case 'HandoverProposed':
      if (d.handoverId && d.caseId && d.gate && d.counterpart)
        r.stat_handovers.insert({
          handover_id: d.handoverId,
          case_id: d.caseId,
          province: b.caseRow(d.caseId)?.province ?? null,
          gate: d.gate,
          counterpart: d.counterpart,
          conducted_at: null,
          cancelled_at: null,
          position,
        });
      return;
    case 'HandoverScheduled':
      return b.change('stat_handovers', d.handoverId, e, (row) => {
        row.gate = d.gate ?? row.gate;
      });
    case 'HandoverConducted':
      // The gate where it actually took place is the one the statistics count by.
      return b.change('stat_handovers', d.handoverId, e, (row) => {
        row.conducted_at = at;
        row.gate = d.gate ?? row.gate;
      });
    case 'HandoverCancelled':
      return b.change('stat_handovers', d.handoverId, e, (row) => {
        row.cancelled_at = at;
      });
    case 'PersonReceived': {
      const h = d.handoverId ? r.stat_handovers.get(d.handoverId) : undefined;
      if (h && d.handoverId && d.personId)
        r.stat_handed_over.insert({
          item_key: handedOverKey(d.handoverId, d.personId),
          handover_id: d.handoverId,
          person_id: d.personId,
          province: h.province,
          gate: h.gate,
          counterpart: h.counterpart,
          received_at: at,
        });
      return;
    }
    case 'SupportProvided':
      if (d.supportId && d.personId && d.kind)
        r.stat_support.insert({
          support_id: d.supportId,
          person_id: d.personId,
          province: r.stat_persons.get(d.personId)?.province ?? null,
          kind: d.kind,
          provided_at: at,
        });
      return;
    case 'ReferralMade':
      if (d.referralId && d.personId && d.service)
        r.stat_referrals.insert({
          referral_id: d.referralId,
          person_id: d.personId,
          province: r.stat_persons.get(d.personId)?.province ?? null,
          service: d.service,
          outcome: 'pending',
          referred_at: at,
          position,
        });
      return;
    case 'ReferralAccepted':
    case 'ReferralDeclined':
    case 'ReferralCompleted':
      return b.change('stat_referrals', d.referralId, e, (row) => {
        row.outcome = REFERRAL_OUTCOME_AFTER[type] ?? row.outcome;
      });
    default:
      return; // the runner passes only eventTypes; anything else is ignored, never an error
  }
}
