import { DomainError, fold, newId, parseStreamId, parseZoned, type CommandMeta } from '#shared-kernel';
import {
  exchangeDecider,
  exchangeStreamId,
  ExchangeErrors,
  overdueMessages,
  type ExchangeCommand,
  type ExchangeEvent,
  type MessageInput,
} from '#exchanges';

const meta: CommandMeta = {
  actor: { userId: 'an.nguyen', role: 'liaison_officer', unitId: 'VN-LC-BLO' },
  now: new Date('2026-03-05T02:00:00Z'),
};

const exchangeId = newId();
const caseId = newId();
const message: MessageInput = {
  messageId: newId(),
  direction: 'outgoing',
  subject: 'Xác minh nhân thân',
  body: 'ciphertext',
  language: 'zh',
  handlingCode: 'H0',
  occurredAt: parseZoned('2026-03-04T08:00:00+07:00'),
  responseDueAt: parseZoned('2026-03-04T16:00:00+07:00'),
  carriesPersonalData: true,
  personalData: { legalBasis: 'Law 53/2024 Art. 50', consent: 'legal_representative' },
};

describe('#exchanges public surface', () => {
  it('names the stream exchange-<id> so the category parses back', () => {
    const id = newId();
    expect(exchangeStreamId(id)).toBe(`exchange-${id}`);
    expect(parseStreamId(exchangeStreamId(id))).toEqual({ category: 'exchange', id });
  });

  it('lets the application read what is overdue from the folded stream', () => {
    // The stream as the application reads it back from the log, written out rather than decided.
    const { persons: _named, ...content } = message;
    const stream: ExchangeEvent[] = [
      {
        type: 'ExchangeOpened',
        data: {
          exchangeId,
          caseIds: [caseId],
          counterpart: 'CN-YN-PSD',
          channel: 'hotline',
          occurredAt: message.occurredAt,
        },
      },
      {
        type: 'MessageLogged',
        data: { ...content, exchangeId, attachments: [], draft: false },
      },
    ];
    expect(overdueMessages(fold(exchangeDecider, stream), meta.now)).toEqual([
      { messageId: message.messageId, direction: 'outgoing', dueAt: message.responseDueAt },
    ]);
  });

  it('refuses to open a thread sending personal data without a legal basis, with the exported code', () => {
    const { personalData: _omitted, ...withoutBasis } = message;
    const open: ExchangeCommand = {
      type: 'OpenExchange',
      data: {
        exchangeId,
        caseIds: [caseId],
        counterpart: 'CN-YN-PSD',
        channel: 'hotline',
        message: withoutBasis,
        drafting: { author: { userId: 'an.nguyen', unit: 'lang-son' }, releasePolicy: 'personal_data' },
      },
      meta,
    };
    let caught: unknown;
    try {
      exchangeDecider.decide(open, exchangeDecider.initialState);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe(ExchangeErrors.LEGAL_BASIS_REQUIRED);
  });
});
