import { DomainError, newId, parseZoned, type CommandMeta, type ZonedInstant } from '#shared-kernel';
import type {
  CancelHandover,
  CloseHandover,
  ConfirmHandover,
  HandoverCommand,
  PostponeHandover,
  ProposeHandover,
  RecordOnwardTransfer,
  ScheduleHandover,
} from './handover.commands.js';
import { handoverDecider } from './handover.decider.js';
import type {
  HandoverCancelled,
  HandoverClosed,
  HandoverConducted,
  HandoverEvent,
  HandoverPostponed,
  HandoverProposed,
  HandoverScheduled,
  MinutesSigned,
  OnwardTransferRecorded,
  PersonNotReceived,
  PersonReceived,
} from './handover.events.js';
import type { OnwardTransferKind } from './handover.values.js';
import { refusalOf, refusalOn } from '#testing';

/** Test-only builders shared by the handover specs. Fixed clock, fresh ids. */
export const NOW = new Date('2026-03-05T02:00:00Z');
export const meta: CommandMeta = {
  actor: { userId: 'bg.tran', role: 'border_guard', unitId: 'VN-LS-DBP-HUU-NGHI', province: 'lang-son' },
  now: NOW,
};
export const at = (iso: string): ZonedInstant => parseZoned(iso);

const PROPOSED_AT = '2026-03-01T10:00:00+08:00';
const SCHEDULED_AT = '2026-03-05T09:00:00+08:00';
const CONDUCTED_AT = '2026-03-05T09:20:00+08:00';
const SIGNED_AT = '2026-03-05T09:45:00+08:00';
const TRANSFERRED_AT = '2026-03-05T14:00:00+07:00';

const command = <C extends HandoverCommand>(type: C['type'], data: C['data']): C =>
  ({ type, data, meta }) as unknown as C;

export { refusalOf };

/** The refusal of `cmd` on the literal history `given`, to check its kind as well as its code. */
export const refusalWhen = (given: readonly HandoverEvent[], cmd: HandoverCommand): DomainError =>
  refusalOn(handoverDecider, given, cmd);

/**
 * Builders bound to one handover of two persons: commands for the "when" of a spec, and past
 * events written out literally for its "given", so that a fault in decide cannot shape both the
 * history and the expectation.
 */
export function handoverFixture(handoverId: string = newId()) {
  const caseId = newId();
  const personIds = [newId(), newId()] as const;
  const [first, second] = personIds;

  // Commands: what a spec asks the decider to decide.
  const propose = (overrides: Partial<ProposeHandover['data']> = {}) =>
    command<ProposeHandover>('ProposeHandover', {
      handoverId,
      caseId,
      gate: 'HUU_NGHI',
      counterpart: 'CN-GX-PINGXIANG-BIS',
      proposedBy: 'cn',
      personIds,
      proposedAt: at(PROPOSED_AT),
      ...overrides,
    });
  const schedule = (iso = SCHEDULED_AT, gate = 'HUU_NGHI') =>
    command<ScheduleHandover>('ScheduleHandover', { gate, scheduledAt: at(iso) });
  const postpone = (reason: string, newIso?: string) =>
    command<PostponeHandover>('PostponeHandover', { reason, ...(newIso ? { newScheduledAt: at(newIso) } : {}) });
  const cancel = (reason: string) => command<CancelHandover>('CancelHandover', { reason });
  const confirm = (overrides: Partial<ConfirmHandover['data']> = {}) =>
    command<ConfirmHandover>('ConfirmHandover', {
      conductedAt: at(CONDUCTED_AT),
      vnOfficers: ['Thiếu tá Nguyễn Văn A'],
      cnOfficers: ['李警官'],
      received: personIds.map((personId) => ({ personId, healthCheck: 'ciphertext:ok' })),
      minutes: { number: 'BB-12/2026', signedAt: at(SIGNED_AT), languages: ['vi', 'zh'] },
      ...overrides,
    });
  const transfer = (personId: string, iso = TRANSFERRED_AT, toKind: OnwardTransferKind = 'social_protection') =>
    command<RecordOnwardTransfer>('RecordOnwardTransfer', {
      personId,
      toUnit: 'LS-SOCIAL-CENTRE',
      toKind,
      at: at(iso),
    });
  const close = () => command<CloseHandover>('CloseHandover', {});

  // Events: what the log already holds.
  const proposed = (overrides: Partial<HandoverProposed['data']> = {}): HandoverProposed => ({
    type: 'HandoverProposed',
    data: {
      handoverId,
      caseId,
      gate: 'HUU_NGHI',
      counterpart: 'CN-GX-PINGXIANG-BIS',
      proposedBy: 'cn',
      personIds,
      occurredAt: at(PROPOSED_AT),
      ...overrides,
    },
  });
  const scheduled = (iso = SCHEDULED_AT, gate = 'HUU_NGHI'): HandoverScheduled => ({
    type: 'HandoverScheduled',
    data: { handoverId, gate, scheduledAt: at(iso) },
  });
  const postponed = (reason = 'typhoon', previousIso = SCHEDULED_AT): HandoverPostponed => ({
    type: 'HandoverPostponed',
    data: { handoverId, reason, previousScheduledAt: at(previousIso) },
  });
  const cancelled = (reason = 'persons released'): HandoverCancelled => ({
    type: 'HandoverCancelled',
    data: { handoverId, reason },
  });
  const conducted = (overrides: Partial<HandoverConducted['data']> = {}): HandoverConducted => ({
    type: 'HandoverConducted',
    data: {
      handoverId,
      gate: 'HUU_NGHI',
      occurredAt: at(CONDUCTED_AT),
      vnOfficers: ['Thiếu tá Nguyễn Văn A'],
      cnOfficers: ['李警官'],
      ...overrides,
    },
  });
  const received = (personId: string, iso = CONDUCTED_AT): PersonReceived => ({
    type: 'PersonReceived',
    data: { handoverId, personId, occurredAt: at(iso), healthCheck: 'ciphertext:ok' },
  });
  const notReceived = (personId: string, reason = 'refused to return'): PersonNotReceived => ({
    type: 'PersonNotReceived',
    data: { handoverId, personId, reason },
  });
  const minutesSigned = (overrides: Partial<MinutesSigned['data']> = {}): MinutesSigned => ({
    type: 'MinutesSigned',
    data: { handoverId, number: 'BB-12/2026', occurredAt: at(SIGNED_AT), languages: ['vi', 'zh'], ...overrides },
  });
  const transferred = (
    personId: string,
    iso = TRANSFERRED_AT,
    toKind: OnwardTransferKind = 'social_protection',
  ): OnwardTransferRecorded => ({
    type: 'OnwardTransferRecorded',
    data: { handoverId, personId, toUnit: 'LS-SOCIAL-CENTRE', toKind, occurredAt: at(iso) },
  });
  const closed = (): HandoverClosed => ({ type: 'HandoverClosed', data: { handoverId } });

  // Histories at the usual points of the lifecycle, both persons received where it took place.
  const history = {
    proposed: [proposed()] as readonly HandoverEvent[],
    scheduled: [proposed(), scheduled()] as readonly HandoverEvent[],
    postponed: [proposed(), scheduled(), postponed()] as readonly HandoverEvent[],
    cancelled: [proposed(), cancelled()] as readonly HandoverEvent[],
    /** Conducted, both received, minutes not (yet) signed. */
    conducted: [proposed(), scheduled(), conducted(), received(first), received(second)] as readonly HandoverEvent[],
    signed: [
      proposed(),
      scheduled(),
      conducted(),
      received(first),
      received(second),
      minutesSigned(),
    ] as readonly HandoverEvent[],
    /** First received, second not: only the first needs an onward transfer. */
    partlySigned: [
      proposed(),
      scheduled(),
      conducted(),
      received(first),
      notReceived(second, 'x'),
      minutesSigned(),
    ] as readonly HandoverEvent[],
    closed: [
      proposed(),
      scheduled(),
      conducted(),
      received(first),
      received(second),
      minutesSigned(),
      transferred(first),
      transferred(second),
      closed(),
    ] as readonly HandoverEvent[],
  };

  return {
    handoverId,
    caseId,
    personIds,
    propose,
    schedule,
    postpone,
    cancel,
    confirm,
    transfer,
    close,
    proposed,
    scheduled,
    postponed,
    cancelled,
    conducted,
    received,
    notReceived,
    minutesSigned,
    transferred,
    closed,
    history,
  };
}
