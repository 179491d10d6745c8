import { traceparentFor, type RecordedEvent } from '#event-store';
import { findCounterpart, isKnownHandoverPlace } from '#reference-data';

/**
 * Integration events: what other systems may learn from our log over Kafka. Victims' identities
 * are confidential by law and a counterpart or a downstream service is another recipient, so an
 * integration event carries opaque ids, closed codes, flags and times — never names, message
 * bodies or subjects, free-text reasons, ciphertext, or the actor's details.
 *
 * Nothing is copied wholesale: each published domain event type lists the fields that may leave
 * and the shape each value must have. A value that does not have its shape is left out rather
 * than published, so a personal string that slipped into an allowed field still stays home.
 * Publishing a new type, or a new field, is one line in CONTRACTS below.
 */

/** Kinds of value that may leave. */
export type FieldKind =
  /** A UUID (our ids are UUIDv7). */
  | 'id'
  /** A list of UUIDs. */
  | 'ids'
  /** A lower-case slug from a closed vocabulary (`hotline`, `lang-son`, `presumed_victim`). */
  | 'code'
  /** One of the listed values exactly (for vocabularies that are not slugs, e.g. H0–H3). */
  | { readonly oneOf: readonly string[] }
  /** A counterpart unit code of the reference register (`CN-GX-PSD`). */
  | 'counterpart'
  /** A border gate of the register or a numbered boundary marker. */
  | 'place'
  | 'flag'
  /** A declared instant: published as its UTC ISO-8601 string. */
  | 'instant'
  | 'count'
  /** A SHA-256 digest in lower-case hex (a checkpoint's roots and chain link): a hash, not data. */
  | 'digest'
  /** An Ed25519 signature or key id, base64url: it proves who signed, and says nothing of any record. */
  | 'signature'
  /** A non-negative integer as a decimal string (a global position, exact beyond 2^53). */
  | 'decimal';

export interface IntegrationContract {
  /** CloudEvents `type`: `blo.<context>.<fact>.v<major>`. A breaking change is a new major. */
  readonly type: string;
  readonly fields: Readonly<Record<string, FieldKind>>;
}

const HANDLING_CODES = { oneOf: ['H0', 'H1', 'H2', 'H3'] } as const;
const LANGUAGES = { oneOf: ['vi', 'zh', 'en'] } as const;
const VERIFICATION_SUBJECTS = { oneOf: ['identity', 'nationality', 'residence', 'victim_status'] } as const;

/** Domain event type → its published v1 contract. Types not listed here are never published. */
export const CONTRACTS: Readonly<Record<string, IntegrationContract>> = {
  ReportReceived: { type: 'blo.case.report-received.v1', fields: { caseId: 'id', channel: 'code', province: 'code' } },
  CaseOpened: { type: 'blo.case.opened.v1', fields: { caseId: 'id' } },
  CaseClosed: { type: 'blo.case.closed.v1', fields: { caseId: 'id', closedFrom: 'code', override: 'flag' } },
  CaseReopened: { type: 'blo.case.reopened.v1', fields: { caseId: 'id' } },
  PersonRegistered: { type: 'blo.person.registered.v1', fields: { personId: 'id', caseId: 'id', role: 'code' } },
  // Downstream systems holding anything about the person must drop it (crypto-shredding).
  PersonalDataErased: { type: 'blo.person.erased.v1', fields: { personId: 'id', caseId: 'id' } },
  // A recipient that processes the person's data on a consent must stop when it is withdrawn. The
  // purpose and recipient are codes; the form's hash and the times stay home.
  ConsentWithdrawn: {
    type: 'blo.person.consent-withdrawn.v1',
    fields: { personId: 'id', caseId: 'id', consentId: 'id' },
  },
  // Support and referrals (issue 10): what was given or to which kind of service the person went,
  // as codes. Never the provider's or receiving unit's name (a family referral names relatives),
  // the sealed notes, the decline reason or the officer.
  SupportProvided: {
    type: 'blo.person.support-provided.v1',
    fields: { personId: 'id', caseId: 'id', supportId: 'id', kind: 'code' },
  },
  ReferralMade: {
    type: 'blo.person.referral-made.v1',
    fields: { personId: 'id', caseId: 'id', referralId: 'id', service: 'code' },
  },
  ReferralAccepted: { type: 'blo.person.referral-accepted.v1', fields: { personId: 'id', referralId: 'id' } },
  ReferralDeclined: { type: 'blo.person.referral-declined.v1', fields: { personId: 'id', referralId: 'id' } },
  ReferralCompleted: { type: 'blo.person.referral-completed.v1', fields: { personId: 'id', referralId: 'id' } },
  MessageLogged: {
    type: 'blo.exchange.message-logged.v1',
    fields: {
      exchangeId: 'id',
      messageId: 'id',
      direction: 'code',
      language: LANGUAGES,
      handlingCode: HANDLING_CODES,
      inReplyTo: 'id',
      draft: 'flag',
    },
  },
  VerificationRequested: {
    type: 'blo.verification.requested.v1',
    fields: {
      verificationId: 'id',
      caseId: 'id',
      personId: 'id',
      direction: 'code',
      counterpart: 'counterpart',
      // What is to be verified (a closed list), not a message subject.
      subject: VERIFICATION_SUBJECTS,
      dueAt: 'instant',
    },
  },
  VerificationAnsweredConfirmed: {
    type: 'blo.verification.answered-confirmed.v1',
    fields: { verificationId: 'id', caseId: 'id', late: 'flag' },
  },
  VerificationAnsweredNotConfirmed: {
    type: 'blo.verification.answered-not-confirmed.v1',
    fields: { verificationId: 'id', caseId: 'id', late: 'flag' },
  },
  VerificationAnsweredInconclusive: {
    type: 'blo.verification.answered-inconclusive.v1',
    fields: { verificationId: 'id', caseId: 'id', late: 'flag' },
  },
  HandoverProposed: {
    type: 'blo.handover.proposed.v1',
    fields: {
      handoverId: 'id',
      caseId: 'id',
      gate: 'place',
      counterpart: 'counterpart',
      proposedBy: { oneOf: ['vn', 'cn'] },
      personIds: 'ids',
    },
  },
  HandoverScheduled: {
    type: 'blo.handover.scheduled.v1',
    fields: { handoverId: 'id', gate: 'place', scheduledAt: 'instant' },
  },
  // Not the officers: their names are personal data.
  HandoverConducted: { type: 'blo.handover.conducted.v1', fields: { handoverId: 'id', gate: 'place' } },
  // Not the health check, belongings or statement: only who was received, by id.
  PersonReceived: { type: 'blo.handover.person-received.v1', fields: { handoverId: 'id', personId: 'id' } },
  HandoverClosed: { type: 'blo.handover.closed.v1', fields: { handoverId: 'id' } },
  HandoverCancelled: { type: 'blo.handover.cancelled.v1', fields: { handoverId: 'id' } },
  // A signed checkpoint (ADR 0009): counts, roots and a signature over every province at once —
  // no id of any record, so it tells a consumer how much was recorded, not what or about whom.
  // Published so that a copy exists outside the database: a later rollback then shows.
  CheckpointRecorded: {
    type: 'blo.integrity.checkpoint.v1',
    fields: {
      version: 'count',
      seq: 'count',
      treeSize: 'count',
      headPosition: 'decimal',
      root: 'digest',
      headsRoot: 'digest',
      previous: 'digest',
      at: 'instant',
      keyId: 'signature',
      signature: 'signature',
      trigger: { oneOf: ['periodic', 'on_demand', 'statistics_export'] },
    },
  },
};

export type IntegrationValue = string | number | boolean | readonly string[];

export interface IntegrationEvent {
  /** The domain event's id: consumers dedupe by it (CloudEvents `id`). */
  readonly id: string;
  readonly type: string;
  /** The aggregate's stream id, an opaque `<category>-<uuid>` (CloudEvents `subject`). */
  readonly subject: string;
  /** Partition key: the case when known (one case's facts stay in order), else the stream. */
  readonly key: string;
  /** When we recorded it (CloudEvents `time`). */
  readonly time: string;
  /** The payload: allowed fields plus `caseId` (when known) and `occurredAt`. */
  readonly data: Readonly<Record<string, IntegrationValue>>;
  /** W3C trace context of the request that recorded it (trace-context.ts in #event-store). */
  readonly traceparent: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const STREAM_ID = /^[a-z][a-zA-Z0-9]*-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGEST = /^[0-9a-f]{64}$/;
const BASE64URL = /^[A-Za-z0-9_-]{16,128}$/;
const DECIMAL = /^(0|[1-9][0-9]{0,18})$/;
const MAX_LIST = 200;

const isId = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

function instantOf(v: unknown): string | undefined {
  const at = typeof v === 'object' && v !== null && 'at' in v ? v.at : v;
  return typeof at === 'string' && ISO_UTC.test(at) && !Number.isNaN(Date.parse(at)) ? at : undefined;
}

/** The value in its published form, or undefined when it does not have the shape its kind demands. */
export function publishable(kind: FieldKind, value: unknown): IntegrationValue | undefined {
  if (typeof kind === 'object') return typeof value === 'string' && kind.oneOf.includes(value) ? value : undefined;
  switch (kind) {
    case 'id':
      return isId(value) ? value : undefined;
    case 'ids':
      return Array.isArray(value) && value.length <= MAX_LIST && value.every(isId) ? [...value] : undefined;
    case 'code':
      return typeof value === 'string' && value.length <= 40 && SLUG.test(value) ? value : undefined;
    case 'counterpart':
      return typeof value === 'string' && findCounterpart(value) !== undefined ? value : undefined;
    case 'place':
      return typeof value === 'string' && isKnownHandoverPlace(value) ? value : undefined;
    case 'flag':
      return typeof value === 'boolean' ? value : undefined;
    case 'instant':
      return instantOf(value);
    case 'count':
      return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
    case 'digest':
      return typeof value === 'string' && DIGEST.test(value) ? value : undefined;
    case 'signature':
      return typeof value === 'string' && BASE64URL.test(value) ? value : undefined;
    case 'decimal':
      return typeof value === 'string' && DECIMAL.test(value) ? value : undefined;
  }
}

/** The contract for a domain event type, if it is published at all. */
export const contractFor = (eventType: string): IntegrationContract | undefined =>
  Object.hasOwn(CONTRACTS, eventType) ? CONTRACTS[eventType] : undefined;

/**
 * Maps a recorded domain event to its integration event, or null when the type is not
 * published. Reads only the allowed fields of `data` and three envelope facts (case id, declared
 * occurrence, recording time) and the trace id derived from its correlation id; never the actor,
 * never anything else.
 */
export function toIntegrationEvent(recorded: RecordedEvent): IntegrationEvent | null {
  const contract = contractFor(recorded.type);
  if (!contract) return null;
  const source = (typeof recorded.data === 'object' && recorded.data !== null ? recorded.data : {}) as Record<
    string,
    unknown
  >;
  const data: Record<string, IntegrationValue> = {};
  for (const [field, kind] of Object.entries(contract.fields)) {
    if (!Object.hasOwn(source, field)) continue;
    const value = publishable(kind, source[field]);
    if (value !== undefined) data[field] = value;
  }
  const metaCase = publishable('id', recorded.metadata?.caseId);
  if (data.caseId === undefined && metaCase !== undefined) data.caseId = metaCase;
  const occurredAt = instantOf(recorded.metadata?.occurredAt);
  if (occurredAt !== undefined) data.occurredAt = occurredAt;
  const subject = STREAM_ID.test(recorded.streamId) ? recorded.streamId : recorded.id;
  return {
    id: recorded.id,
    type: contract.type,
    subject,
    key: typeof data.caseId === 'string' ? data.caseId : subject,
    time: instantOf(recorded.metadata?.recordedAt) ?? new Date(0).toISOString(),
    data,
    traceparent: traceparentFor(
      typeof recorded.metadata?.correlationId === 'string' ? recorded.metadata.correlationId : recorded.id,
      recorded.id,
    ),
  };
}
