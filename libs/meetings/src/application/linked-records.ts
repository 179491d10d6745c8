import { caseStreamId } from '#cases';
import type { EventStore } from '#event-store';
import { exchangeStreamId } from '#exchanges';
import { handoverStreamId } from '#handovers';
import { personStreamId } from '#persons';
import { DomainError } from '#shared-kernel';
import { verificationStreamId } from '#verifications';
import type { ActionLinks, RecordKind, RecordRef } from '../index.js';

/** Refusals that need a look-up outside the aggregate, decided before it. */
export const MeetingApplicationErrors = {
  UNKNOWN_COUNTERPART: 'MEETING.UNKNOWN_COUNTERPART',
  /** A linked or fulfilling record that does not exist, or is outside the meeting's province: the same answer. */
  RECORD_NOT_FOUND: 'MEETING.RECORD_NOT_FOUND',
} as const;

const STREAM_OF: Record<RecordKind, (id: string) => string> = {
  case: caseStreamId,
  person: personStreamId,
  handover: handoverStreamId,
  verification: verificationStreamId,
  exchange: exchangeStreamId,
};

async function firstData(store: EventStore, streamId: string): Promise<Record<string, unknown> | null> {
  for await (const event of store.readStream(streamId, { toRevision: 0n })) {
    return event.data !== null && typeof event.data === 'object' ? (event.data as Record<string, unknown>) : {};
  }
  return null;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * Whether a record exists in the province, read from its first event (where a record's case, and
 * a case's province, are stated once for good), as the guard's scope resolver does.
 */
async function inProvince(store: EventStore, ref: RecordRef, province: string): Promise<boolean> {
  const data = await firstData(store, STREAM_OF[ref.kind](ref.id));
  if (data === null) return false;
  if (ref.kind === 'case') return data.province === province;
  const caseIds = ref.kind === 'exchange' ? strings(data.caseIds) : strings([data.caseId]);
  for (const caseId of caseIds) {
    if ((await firstData(store, caseStreamId(caseId)))?.province === province) return true;
  }
  return false;
}

/** Refuses (422) a record named by an action that the meeting's province does not hold. */
export async function checkRecords(store: EventStore, refs: readonly RecordRef[], province: string): Promise<void> {
  for (const ref of refs) {
    // An unknown kind is the decider's refusal (MEETING.INVALID_RECORD_KIND), not a look-up.
    if (!Object.hasOwn(STREAM_OF, ref.kind)) continue;
    if (!(await inProvince(store, ref, province)))
      throw new DomainError(
        MeetingApplicationErrors.RECORD_NOT_FOUND,
        `no ${ref.kind} with this id in the meeting's province`,
        'invalid',
      );
  }
}

export const refsOfLinks = (links: Partial<ActionLinks> | undefined): RecordRef[] => [
  ...(links?.caseIds ?? []).map((id) => ({ kind: 'case' as const, id })),
  ...(links?.personIds ?? []).map((id) => ({ kind: 'person' as const, id })),
  ...(links?.handoverIds ?? []).map((id) => ({ kind: 'handover' as const, id })),
  ...(links?.verificationIds ?? []).map((id) => ({ kind: 'verification' as const, id })),
];
