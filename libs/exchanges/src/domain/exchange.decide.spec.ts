import { newId } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { OpenExchange } from './exchange.commands.js';
import { exchangeDecider } from './exchange.decider.js';
import { ExchangeErrors as E } from './exchange.errors.js';
import { at, command, exchangeFixture, message, refusalWhen } from './exchange.spec-fixtures.js';
import { findMessage } from './exchange.state.js';

const spec = deciderSpec(exchangeDecider);
const { exchangeId, caseId, open, log, loggedData, openedWith, logged, answered, closed } = exchangeFixture();

const first = message({ responseDueAt: at('2026-03-11T09:00:00+07:00') });
const opened = openedWith(first);

describe('OpenExchange', () => {
  it('opens the thread with its first message, which counts as sent', () => {
    const state = spec
      .given([])
      .when(open(first))
      .then([
        {
          type: 'ExchangeOpened',
          data: {
            exchangeId,
            caseIds: [caseId],
            counterpart: 'CN-GX-PSD',
            channel: 'official_letter',
            priority: 'normal',
            occurredAt: first.occurredAt,
          },
        },
        { type: 'MessageLogged', data: loggedData(first) },
      ]);
    expect(findMessage(state, first.messageId)).toMatchObject({ status: 'sent', sentAt: first.occurredAt });
  });

  it('may open with a draft letter that is not sent yet', () => {
    const draft = message({ draft: true });
    const state = spec
      .given([])
      .when(open(draft))
      .then([
        {
          type: 'ExchangeOpened',
          data: {
            exchangeId,
            caseIds: [caseId],
            counterpart: 'CN-GX-PSD',
            channel: 'official_letter',
            priority: 'normal',
            occurredAt: draft.occurredAt,
          },
        },
        { type: 'MessageLogged', data: loggedData(draft) },
      ]);
    expect(findMessage(state, draft.messageId)?.status).toBe('draft');
  });

  it('refuses to open the same exchange twice', () => {
    spec.given(opened).when(open(message())).thenRefuses(E.ALREADY_EXISTS);
  });

  it.each([
    ['no case', [], E.CASE_REQUIRED],
    ['a case twice', [caseId, caseId], E.DUPLICATE_CASE],
  ])('refuses %s', (_label, caseIds, code) => {
    const error = refusalWhen([], open(message(), caseIds));
    expect([error.code, error.kind]).toEqual([code, 'invalid']);
  });

  it('refuses a blank counterpart', () => {
    const cmd = command<OpenExchange>('OpenExchange', { ...open(message()).data, counterpart: ' ' });
    spec.given([]).when(cmd).thenRefuses(E.COUNTERPART_REQUIRED);
  });

  it('refuses an unknown channel', () => {
    const cmd = command<OpenExchange>('OpenExchange', { ...open(message()).data, channel: 'pigeon' as never });
    spec.given([]).when(cmd).thenRefuses(E.INVALID_CHANNEL);
  });

  it('refuses an opening message that claims to answer something', () => {
    spec
      .given([])
      .when(open(message({ inReplyTo: newId() })))
      .thenRefuses(E.INVALID_REPLY);
  });
});

describe('LogMessage', () => {
  it('refuses when the exchange does not exist', () => {
    const error = refusalWhen([], log(message()));
    expect([error.code, error.kind]).toEqual([E.NOT_FOUND, 'not_found']);
  });

  it('records an incoming message as received', () => {
    const incoming = message({ direction: 'incoming', language: 'zh', theirReference: '桂公刑〔2026〕12号' });
    const state = spec
      .given(opened)
      .when(log(incoming))
      .then([{ type: 'MessageLogged', data: { ...loggedData(incoming), theirReference: '桂公刑〔2026〕12号' } }]);
    expect(findMessage(state, incoming.messageId)).toMatchObject({
      status: 'received',
      receivedAt: incoming.occurredAt,
    });
  });

  it('records the legal basis and consent of an outgoing message with personal data', () => {
    const personalData = { legalBasis: 'Law 53/2024 Art. 50', consent: 'person' } as const;
    const m = message({ carriesPersonalData: true, personalData });
    spec
      .given(opened)
      .when(log(m))
      .then([{ type: 'MessageLogged', data: loggedData(m) }]);
  });

  it.each([
    ['without a basis', false, undefined],
    ['without a basis', true, undefined],
    ['with a blank basis', false, { legalBasis: '  ', consent: 'person' as const }],
    ['with a blank basis', true, { legalBasis: '  ', consent: 'person' as const }],
  ])('refuses an outgoing message with personal data %s (draft: %s)', (_label, draft, personalData) => {
    const error = refusalWhen(opened, log(message({ carriesPersonalData: true, personalData, draft })));
    expect([error.code, error.kind]).toEqual([E.LEGAL_BASIS_REQUIRED, 'invalid']);
  });

  it('does not ask a basis of what the counterpart sends us', () => {
    const m = message({ direction: 'incoming', carriesPersonalData: true });
    spec
      .given(opened)
      .when(log(m))
      .then([{ type: 'MessageLogged', data: loggedData(m) }]);
  });

  it('refuses an incoming draft', () => {
    spec
      .given(opened)
      .when(log(message({ direction: 'incoming', draft: true })))
      .thenRefuses(E.INCOMING_DRAFT);
  });

  it('refuses a message id already in the thread', () => {
    spec
      .given(opened)
      .when(log(message({ messageId: first.messageId })))
      .thenRefuses(E.MESSAGE_ALREADY_EXISTS);
  });

  it('refuses a message without a subject', () => {
    spec
      .given(opened)
      .when(log(message({ subject: '' })))
      .thenRefuses(E.INVALID_MESSAGE);
  });

  it('keeps attachment hashes in lower case', () => {
    const hash = 'AB'.repeat(32);
    const m = message({ attachments: [{ name: 'cong-van.pdf', sha256: hash }] });
    spec
      .given(opened)
      .when(log(m))
      .then([
        {
          type: 'MessageLogged',
          data: { ...loggedData(m), attachments: [{ name: 'cong-van.pdf', sha256: hash.toLowerCase() }] },
        },
      ]);
  });

  it('refuses a malformed attachment hash', () => {
    spec
      .given(opened)
      .when(log(message({ attachments: [{ name: 'x.pdf', sha256: 'abc' }] })))
      .thenRefuses(E.INVALID_ATTACHMENT);
  });

  it('refuses a response due before the message itself', () => {
    const m = message({ responseDueAt: at('2026-03-04T08:00:00+07:00') });
    spec.given(opened).when(log(m)).thenRefuses(E.INVALID_TIME);
  });

  it('marks the outgoing message answered when a reply comes in', () => {
    const reply = message({
      direction: 'incoming',
      inReplyTo: first.messageId,
      occurredAt: at('2026-03-06T10:00:00+08:00'),
    });
    const state = spec
      .given(opened)
      .when(log(reply))
      .then([
        { type: 'MessageLogged', data: loggedData(reply) },
        {
          type: 'MessageAnswered',
          data: {
            exchangeId,
            messageId: first.messageId,
            replyMessageId: reply.messageId,
            occurredAt: reply.occurredAt,
          },
        },
      ]);
    expect(findMessage(state, first.messageId)).toMatchObject({
      status: 'answered',
      answer: { replyMessageId: reply.messageId },
    });
  });

  it('lets only the first reply answer', () => {
    const reply = message({ direction: 'incoming', inReplyTo: first.messageId });
    const again = message({ direction: 'incoming', inReplyTo: first.messageId });
    spec
      .given([...opened, logged(reply), answered(first.messageId, reply)])
      .when(log(again))
      .then([{ type: 'MessageLogged', data: loggedData(again) }]);
  });

  it('marks an incoming message answered when we reply', () => {
    const incoming = message({ direction: 'incoming' });
    const given = [...opened, logged(incoming)];
    const reply = message({ inReplyTo: incoming.messageId, occurredAt: at('2026-03-05T09:00:00+07:00') });
    const state = spec
      .given(given)
      .when(log(reply))
      .then([
        { type: 'MessageLogged', data: loggedData(reply) },
        {
          type: 'MessageAnswered',
          data: {
            exchangeId,
            messageId: incoming.messageId,
            replyMessageId: reply.messageId,
            occurredAt: reply.occurredAt,
          },
        },
      ]);
    expect(findMessage(state, incoming.messageId)?.status).toBe('answered');
  });

  describe('refuses a reply', () => {
    const draft = message({ draft: true });
    const given = [...opened, logged(draft)];

    it('to an unknown message', () => {
      spec
        .given(given)
        .when(log(message({ inReplyTo: newId() })))
        .thenRefuses(E.INVALID_REPLY);
    });

    it('to a message of the same direction', () => {
      spec
        .given(given)
        .when(log(message({ inReplyTo: first.messageId })))
        .thenRefuses(E.INVALID_REPLY);
    });

    it('to a draft', () => {
      spec
        .given(given)
        .when(log(message({ direction: 'incoming', inReplyTo: draft.messageId })))
        .thenRefuses(E.INVALID_REPLY);
    });
  });

  it('refuses a reply dated before the message it answers', () => {
    const early = message({
      direction: 'incoming',
      inReplyTo: first.messageId,
      occurredAt: at('2026-03-04T09:30:00+08:00'),
    });
    spec.given(opened).when(log(early)).thenRefuses(E.INVALID_TIME);
  });

  it('refuses messages once the exchange is closed', () => {
    spec
      .given([...opened, closed('matter resolved')])
      .when(log(message()))
      .thenRefuses(E.CLOSED);
  });
});
