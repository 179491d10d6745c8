import type { BorderProvince, CaseChannel, CaseEvent } from '#cases';
import type { ExchangeEvent, MessageLogged } from '#exchanges';
import type { PersonRegistered } from '#persons';
import type { DomainEvent, Priority } from '#shared-kernel';
import type { VerificationEvent, VerificationRequestData } from '#verifications';
import { z, type GivenEvent } from './projection.spec-fixtures.js';

/**
 * Events for projection specs, built on their own streams with their data checked against the
 * domain's event unions: a field renamed in a context fails the specs' typecheck, not silently
 * their set-up. Defaults are the neutral case most specs start from (a hotline report in Lạng Sơn
 * on 1 March 2026, one outgoing official letter to Guangxi).
 */
type DataOf<U extends DomainEvent, T extends U['type']> = Extract<U, { type: T }>['data'];

/** The instant most specs' records start at (Vietnam time). */
export const FIRST_OF_MARCH = '2026-03-01T09:00:00+07:00';

export const onCase = <T extends CaseEvent['type']>(type: T, data: DataOf<CaseEvent, T>): GivenEvent => ({
  type,
  streamId: `case-${data.caseId}`,
  data,
});

export const onExchange = <T extends ExchangeEvent['type']>(type: T, data: DataOf<ExchangeEvent, T>): GivenEvent => ({
  type,
  streamId: `exchange-${data.exchangeId}`,
  data,
});

export const onVerification = <T extends VerificationEvent['type']>(
  type: T,
  data: DataOf<VerificationEvent, T>,
): GivenEvent => ({ type, streamId: `verification-${data.verificationId}`, data });

/** A report received; its declared time is the envelope's, as the store records it. */
export function reportReceived(
  caseId: string,
  opts: { channel?: CaseChannel; province?: BorderProvince; at?: string } = {},
): GivenEvent {
  const at = opts.at ?? FIRST_OF_MARCH;
  return {
    ...onCase('ReportReceived', {
      caseId,
      channel: opts.channel ?? 'hotline',
      province: opts.province ?? 'lang-son',
      summary: 's',
      occurredAt: z(at),
      receivingUnit: 'VN-LS-BLO',
    }),
    occurredAt: at,
  };
}

/** A presumed victim registered on the case, with personal data already sealed; declared at `at`. */
export const personRegistered = (
  ids: { readonly personId: string; readonly caseId: string },
  personal: string,
  at: string,
  extra: Partial<PersonRegistered['data']> = {},
): GivenEvent => ({
  type: 'PersonRegistered',
  streamId: `person-${ids.personId}`,
  data: {
    ...ids,
    role: 'presumed_victim',
    ageBand: 'adult',
    personal,
    identification: 'presumed',
    ...extra,
  } satisfies PersonRegistered['data'],
  occurredAt: at,
});

/** An official-letter thread with Guangxi about the cases; without `priority` it predates priorities. */
export const exchangeOpened = (
  exchangeId: string,
  caseIds: readonly string[],
  opts: { priority?: Priority; at?: string } = {},
): GivenEvent =>
  onExchange('ExchangeOpened', {
    exchangeId,
    caseIds,
    counterpart: 'CN-GX-PSD',
    channel: 'official_letter',
    ...(opts.priority ? { priority: opts.priority } : {}),
    occurredAt: z(opts.at ?? FIRST_OF_MARCH),
  });

/** An outgoing letter sent on the first of March, with no personal data, unless `extra` says otherwise. */
export const letterLogged = (
  exchangeId: string,
  messageId: string,
  extra: Partial<MessageLogged['data']> = {},
): GivenEvent =>
  onExchange('MessageLogged', {
    exchangeId,
    messageId,
    direction: 'outgoing',
    subject: 's',
    body: 'b',
    language: 'zh',
    handlingCode: 'H1',
    attachments: [],
    occurredAt: z(FIRST_OF_MARCH),
    draft: false,
    carriesPersonalData: false,
    ...extra,
  });

/** An identity question to Guangxi about the case, naming nobody, unless `extra` says otherwise. */
export const verificationRequested = (
  verificationId: string,
  caseId: string,
  extra: Partial<VerificationRequestData> & Pick<VerificationRequestData, 'dueAt' | 'occurredAt'>,
): GivenEvent =>
  onVerification('VerificationRequested', {
    verificationId,
    caseId,
    personId: null,
    direction: 'outgoing',
    counterpart: 'CN-GX-PSD',
    subject: 'identity',
    questions: 'q',
    legalBasis: null,
    ...extra,
  });
