import type { RecordedEvent, SqlClient } from '#event-store';
import type { ZonedInstant } from '#shared-kernel';
import type { Projection, TableNamer } from '../projection.js';
import { STATISTICS_TABLES, statisticsDdl } from './statistics.tables.js';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * Opens the sex out of a person's sealed personal data. Called by `prepare`, outside the
 * runner's transaction (the key store reads its own table). Must answer 'unknown' for an
 * erased (shredded) subject or an envelope it cannot open, and throw only when the key store
 * itself is unreachable.
 */
export type SexOpener = (personId: string, envelope: string) => Promise<Sex>;

const TYPES = [
  'ReportReceived',
  'CaseClassified',
  'CaseResolved',
  'CaseReopened',
  'PersonRegistered',
  'IdentificationBegun',
  'VictimIdentified',
  'IdentificationNotConfirmed',
  'IdentificationReopened',
  'PersonalDataCorrected',
  'ExchangeOpened',
  'MessageLogged',
  'DraftSent',
  'DraftDiscarded',
  'MessageAcknowledged',
  'MessageAnswered',
  'VerificationRequested',
  'VerificationAnsweredConfirmed',
  'VerificationAnsweredNotConfirmed',
  'VerificationAnsweredInconclusive',
  'VerificationWithdrawn',
  'HandoverProposed',
  'HandoverScheduled',
  'HandoverConducted',
  'HandoverCancelled',
  'PersonReceived',
] as const;
type HandledType = (typeof TYPES)[number];

type Data = {
  caseId?: string;
  caseIds?: readonly string[];
  personId?: string;
  exchangeId?: string;
  messageId?: string;
  verificationId?: string;
  handoverId?: string;
  province?: string;
  channel?: string;
  role?: string;
  ageBand?: string;
  identification?: string;
  personal?: string;
  counterpart?: string;
  direction?: string;
  draft?: boolean;
  gate?: string;
  late?: boolean;
  inReplyTo?: string;
  responseDueAt?: ZonedInstant;
  occurredAt?: ZonedInstant;
};

/** Person status after each identification step (Law 53/2024 Art. 32–33; persons domain). */
const STATUS_AFTER: Partial<Record<HandledType, string>> = {
  IdentificationBegun: 'under_identification',
  VictimIdentified: 'identified_victim',
  IdentificationNotConfirmed: 'not_confirmed',
  IdentificationReopened: 'under_identification',
};

const OUTCOME_AFTER: Partial<Record<HandledType, string>> = {
  VerificationAnsweredConfirmed: 'confirmed',
  VerificationAnsweredNotConfirmed: 'not_confirmed',
  VerificationAnsweredInconclusive: 'inconclusive',
  VerificationWithdrawn: 'withdrawn',
};

/** UPDATE guarded by position: `set` may use $1 (position) and $3.. (extra); $2 is the key. */
async function update(
  tx: SqlClient,
  table: string,
  key: string,
  id: string,
  e: RecordedEvent,
  set: string,
  extra: readonly unknown[] = [],
): Promise<void> {
  await tx.query(`UPDATE ${table} SET ${set}, position = $1 WHERE ${key} = $2 AND position < $1`, [
    e.position.toString(),
    id,
    ...extra,
  ]);
}

async function apply(tx: SqlClient, e: RecordedEvent, t: TableNamer, sexes: ReadonlyMap<string, Sex>): Promise<void> {
  const d = e.data as Data;
  const type = e.type as HandledType;
  const at = d.occurredAt?.at ?? e.metadata.occurredAt.at;
  const pos = e.position.toString();
  const caseProvince = `(SELECT province FROM ${t('stat_reports')} WHERE case_id = $2)`;
  switch (type) {
    case 'ReportReceived':
      if (d.caseId && d.province && d.channel)
        await tx.query(
          `INSERT INTO ${t('stat_reports')} (case_id, province, channel, received_at, position)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [d.caseId, d.province, d.channel, at, pos],
        );
      return;
    case 'CaseClassified':
      // The first classification counts: a reclassification does not make a report "more" classified.
      if (d.caseId)
        await update(tx, t('stat_reports'), 'case_id', d.caseId, e, 'classified_at = COALESCE(classified_at, $3)', [
          at,
        ]);
      return;
    case 'CaseResolved':
      if (d.caseId) await update(tx, t('stat_reports'), 'case_id', d.caseId, e, 'resolved_at = $3', [at]);
      return;
    case 'CaseReopened':
      if (d.caseId) await update(tx, t('stat_reports'), 'case_id', d.caseId, e, 'resolved_at = NULL');
      return;
    case 'PersonRegistered':
      if (d.personId && d.caseId && d.role)
        await tx.query(
          `INSERT INTO ${t('stat_persons')}
             (person_id, case_id, province, channel, role, age_band, status, sex, registered_at, position)
           VALUES ($1, $2, ${caseProvince}, (SELECT channel FROM ${t('stat_reports')} WHERE case_id = $2),
                   $3, $4, $5, $6, $7, $8)
           ON CONFLICT DO NOTHING`,
          [
            d.personId,
            d.caseId,
            d.role,
            d.ageBand ?? 'unknown',
            d.identification ?? 'presumed',
            sexes.get(e.id) ?? 'unknown',
            at,
            pos,
          ],
        );
      return;
    case 'IdentificationBegun':
    case 'VictimIdentified':
    case 'IdentificationNotConfirmed':
    case 'IdentificationReopened':
      if (d.personId)
        await update(tx, t('stat_persons'), 'person_id', d.personId, e, 'status = $3', [STATUS_AFTER[type]]);
      return;
    case 'PersonalDataCorrected':
      if (d.personId)
        await update(tx, t('stat_persons'), 'person_id', d.personId, e, 'sex = $3', [sexes.get(e.id) ?? 'unknown']);
      return;
    case 'ExchangeOpened':
      if (d.exchangeId && d.counterpart)
        await tx.query(
          `INSERT INTO ${t('stat_exchanges')} (exchange_id, counterpart, province, opened_at)
           VALUES ($1, $3, ${caseProvince}, $4) ON CONFLICT DO NOTHING`,
          [d.exchangeId, d.caseIds?.[0] ?? e.metadata.caseId ?? null, d.counterpart, at],
        );
      return;
    case 'MessageLogged':
      if (d.exchangeId && d.messageId && d.direction)
        await tx.query(
          `INSERT INTO ${t('stat_messages')}
             (message_id, exchange_id, counterpart, province, direction, state, sent_at, response_due_at, is_reply, position)
           SELECT $1, $2, x.counterpart, x.province, $3, $4, $5, $6, $7, $8
             FROM (SELECT 1) one LEFT JOIN ${t('stat_exchanges')} x ON x.exchange_id = $2
           ON CONFLICT DO NOTHING`,
          [
            d.messageId,
            d.exchangeId,
            d.direction,
            d.draft ? 'draft' : 'sent',
            at,
            d.responseDueAt?.at ?? null,
            typeof d.inReplyTo === 'string',
            pos,
          ],
        );
      return;
    case 'DraftSent':
      // The reply and acknowledgement times run from the moment the draft actually went out.
      if (d.messageId)
        await update(tx, t('stat_messages'), 'message_id', d.messageId, e, `state = 'sent', sent_at = $3`, [at]);
      return;
    case 'DraftDiscarded':
      if (d.messageId) await update(tx, t('stat_messages'), 'message_id', d.messageId, e, `state = 'discarded'`);
      return;
    case 'MessageAcknowledged':
      if (d.messageId)
        await update(
          tx,
          t('stat_messages'),
          'message_id',
          d.messageId,
          e,
          'acknowledged_at = COALESCE(acknowledged_at, $3)',
          [at],
        );
      return;
    case 'MessageAnswered':
      if (d.messageId)
        await update(tx, t('stat_messages'), 'message_id', d.messageId, e, 'answered_at = COALESCE(answered_at, $3)', [
          at,
        ]);
      return;
    case 'VerificationRequested':
      if (d.verificationId && d.caseId && d.direction && d.counterpart)
        await tx.query(
          `INSERT INTO ${t('stat_verifications')}
             (verification_id, case_id, province, direction, counterpart, requested_at, outcome, position)
           VALUES ($1, $2, ${caseProvince}, $3, $4, $5, 'open', $6) ON CONFLICT DO NOTHING`,
          [d.verificationId, d.caseId, d.direction, d.counterpart, at, pos],
        );
      return;
    case 'VerificationAnsweredConfirmed':
    case 'VerificationAnsweredNotConfirmed':
    case 'VerificationAnsweredInconclusive':
    case 'VerificationWithdrawn':
      if (d.verificationId)
        await update(
          tx,
          t('stat_verifications'),
          'verification_id',
          d.verificationId,
          e,
          'outcome = $3, answered_late = $4',
          [OUTCOME_AFTER[type], d.late === true],
        );
      return;
    case 'HandoverProposed':
      if (d.handoverId && d.caseId && d.gate && d.counterpart)
        await tx.query(
          `INSERT INTO ${t('stat_handovers')} (handover_id, case_id, province, gate, counterpart, position)
           VALUES ($1, $2, ${caseProvince}, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [d.handoverId, d.caseId, d.gate, d.counterpart, pos],
        );
      return;
    case 'HandoverScheduled':
      if (d.handoverId && d.gate)
        await update(tx, t('stat_handovers'), 'handover_id', d.handoverId, e, 'gate = $3', [d.gate]);
      return;
    case 'HandoverConducted':
      // The gate where it actually took place is the one the statistics count by.
      if (d.handoverId)
        await update(
          tx,
          t('stat_handovers'),
          'handover_id',
          d.handoverId,
          e,
          'conducted_at = $3, gate = COALESCE($4, gate)',
          [at, d.gate ?? null],
        );
      return;
    case 'HandoverCancelled':
      if (d.handoverId)
        await update(tx, t('stat_handovers'), 'handover_id', d.handoverId, e, 'cancelled_at = $3', [at]);
      return;
    case 'PersonReceived':
      if (d.handoverId && d.personId)
        await tx.query(
          `INSERT INTO ${t('stat_handed_over')} (handover_id, person_id, province, gate, counterpart, received_at)
           SELECT h.handover_id, $2, h.province, h.gate, h.counterpart, $3
             FROM ${t('stat_handovers')} h WHERE h.handover_id = $1
           ON CONFLICT DO NOTHING`,
          [d.handoverId, d.personId, at],
        );
      return;
    default:
      return; // the runner passes only eventTypes; anything else is ignored, never an error
  }
}

const SEALED_TYPES = new Set(['PersonRegistered', 'PersonalDataCorrected']);

/** Counts for the periodic statistics (domain.md, Periodic statistics). */
export function statisticsProjection(openSex: SexOpener): Projection {
  return {
    name: 'statistics',
    version: 1,
    tables: STATISTICS_TABLES,
    eventTypes: new Set<string>(TYPES),
    createTables: statisticsDdl,
    async prepare(events: readonly RecordedEvent[]): Promise<ReadonlyMap<string, Sex>> {
      const sexes = new Map<string, Sex>();
      for (const e of events) {
        const d = e.data as Data;
        if (!SEALED_TYPES.has(e.type) || !d.personId) continue;
        sexes.set(e.id, typeof d.personal === 'string' ? await openSex(d.personId, d.personal) : 'unknown');
      }
      return sexes;
    },
    async applyBatch(tx, events, t, prepared): Promise<void> {
      const sexes = prepared instanceof Map ? (prepared as ReadonlyMap<string, Sex>) : new Map<string, Sex>();
      for (const e of events) await apply(tx, e, t, sexes);
    },
  };
}
