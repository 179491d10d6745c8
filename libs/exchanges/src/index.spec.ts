import { fold, newId, parseStreamId, parseZoned, type CommandMeta } from '#shared-kernel';
import {
  exchangeDecider,
  exchangeStreamId,
  ExchangeErrors,
  overdueMessages,
  type ExchangeCommand,
  type MessageInput,
} from '#exchanges';

const meta: CommandMeta = {
  actor: { userId: 'an.nguyen', role: 'liaison_officer', unitId: 'VN-LC-BLO' },
  now: new Date('2026-03-05T02:00:00Z'),
};

describe('#exchanges public surface', () => {
  it('names the stream exchange-<id> so the category parses back', () => {
    const id = newId();
    expect(exchangeStreamId(id)).toBe(`exchange-${id}`);
    expect(parseStreamId(exchangeStreamId(id))).toEqual({ category: 'exchange', id });
  });

  it('lets the application open a thread and read what is overdue from the folded stream', () => {
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
    const open: ExchangeCommand = {
      type: 'OpenExchange',
      data: { exchangeId: newId(), caseIds: [newId()], counterpart: 'CN-YN-PSD', channel: 'hotline', message },
      meta,
    };
    const state = fold(exchangeDecider, exchangeDecider.decide(open, exchangeDecider.initialState));
    expect(overdueMessages(state, meta.now).map((m) => m.messageId)).toEqual([message.messageId]);
    expect(ExchangeErrors.LEGAL_BASIS_REQUIRED).toBe('EXCHANGE.LEGAL_BASIS_REQUIRED');
  });
});
