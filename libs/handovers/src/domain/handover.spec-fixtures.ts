import { DomainError, fold, newId, parseZoned, type CommandMeta, type ZonedInstant } from '#shared-kernel';
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
import type { HandoverEvent } from './handover.events.js';
import type { OnwardTransferKind } from './handover.values.js';

/** Test-only builders shared by the handover specs. Fixed clock, fresh ids. */
export const NOW = new Date('2026-03-05T02:00:00Z');
export const meta: CommandMeta = {
  actor: { userId: 'bg.tran', role: 'border_guard', unitId: 'VN-LS-DBP-HUU-NGHI', province: 'lang-son' },
  now: NOW,
};
export const at = (iso: string): ZonedInstant => parseZoned(iso);

const command = <C extends HandoverCommand>(type: C['type'], data: C['data']): C =>
  ({ type, data, meta }) as unknown as C;

export function refusalOf(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal, got events');
}

/** Command builders and history helpers bound to one handover of two persons. */
export function handoverFixture(handoverId: string = newId()) {
  const caseId = newId();
  const personIds = [newId(), newId()] as const;
  const decided = (given: readonly HandoverEvent[], cmd: HandoverCommand): readonly HandoverEvent[] =>
    handoverDecider.decide(cmd, fold(handoverDecider, given));
  const after = (given: readonly HandoverEvent[], cmd: HandoverCommand): HandoverEvent[] => [
    ...given,
    ...decided(given, cmd),
  ];
  const propose = (overrides: Partial<ProposeHandover['data']> = {}) =>
    command<ProposeHandover>('ProposeHandover', {
      handoverId,
      caseId,
      gate: 'HUU_NGHI',
      counterpart: 'CN-GX-PINGXIANG-BIS',
      proposedBy: 'cn',
      personIds,
      proposedAt: at('2026-03-01T10:00:00+08:00'),
      ...overrides,
    });
  const schedule = (iso = '2026-03-05T09:00:00+08:00', gate = 'HUU_NGHI') =>
    command<ScheduleHandover>('ScheduleHandover', { gate, scheduledAt: at(iso) });
  const postpone = (reason: string, newIso?: string) =>
    command<PostponeHandover>('PostponeHandover', { reason, ...(newIso ? { newScheduledAt: at(newIso) } : {}) });
  const cancel = (reason: string) => command<CancelHandover>('CancelHandover', { reason });
  const confirm = (overrides: Partial<ConfirmHandover['data']> = {}) =>
    command<ConfirmHandover>('ConfirmHandover', {
      conductedAt: at('2026-03-05T09:20:00+08:00'),
      vnOfficers: ['Thiếu tá Nguyễn Văn A'],
      cnOfficers: ['李警官'],
      received: personIds.map((personId) => ({ personId, healthCheck: 'ciphertext:ok' })),
      minutes: { number: 'BB-12/2026', signedAt: at('2026-03-05T09:45:00+08:00'), languages: ['vi', 'zh'] },
      ...overrides,
    });
  const transfer = (
    personId: string,
    iso = '2026-03-05T14:00:00+07:00',
    toKind: OnwardTransferKind = 'social_protection',
  ) =>
    command<RecordOnwardTransfer>('RecordOnwardTransfer', {
      personId,
      toUnit: 'LS-SOCIAL-CENTRE',
      toKind,
      at: at(iso),
    });
  const close = () => command<CloseHandover>('CloseHandover', {});

  const proposed = decided([], propose());
  const scheduled = after(proposed, schedule());
  const signed = after(scheduled, confirm());
  return {
    handoverId,
    caseId,
    personIds,
    decided,
    after,
    propose,
    schedule,
    postpone,
    cancel,
    confirm,
    transfer,
    close,
    proposed,
    scheduled,
    signed,
  };
}
