import { deciderSpec } from '#testing';
import type { ReleaseDraft, ResubmitDraft, ReturnDraft, WithdrawRelease } from './exchange.commands.js';
import { exchangeDecider } from './exchange.decider.js';
import { ExchangeErrors as E } from './exchange.errors.js';
import type { ExchangeEvent, MessageLogged } from './exchange.events.js';
import {
  AUTHOR,
  OTHER_UNIT,
  PERSONAL_DATA_RELEASE,
  SECOND,
  at,
  command,
  exchangeFixture,
  message,
  refusalWhen,
} from './exchange.spec-fixtures.js';
import { findMessage } from './exchange.state.js';
import type { Drafting, MessageInput, ReleaseOfficer } from './exchange.values.js';

const spec = deciderSpec(exchangeDecider);
const f = exchangeFixture();
const { exchangeId, open, log, loggedData, openedWith, discard, send, close } = f;

const first = message({ direction: 'incoming', occurredAt: at('2026-03-04T08:00:00+08:00') });
const opened = openedWith(first);
const PERSONAL = {
  carriesPersonalData: true,
  personalData: { legalBasis: 'Luật Phòng, chống mua bán người 2024, Điều 50', consent: 'person' as const },
};
const letter = message({ ...PERSONAL, draft: true, occurredAt: at('2026-03-04T10:00:00+07:00') });
const ALL: Drafting = { author: AUTHOR, releasePolicy: 'all' };

/** What the log holds for a draft held for release by AUTHOR. */
const held = (m: MessageInput): MessageLogged => ({
  type: 'MessageLogged',
  data: { ...loggedData(m), release: { author: AUTHOR.userId, unit: AUTHOR.unit } },
});
const APPROVED = at('2026-03-04T11:00:00+07:00');
const released = (by: ReleaseOfficer = SECOND, occurredAt = APPROVED): ExchangeEvent[] => [
  { type: 'DraftReleased', data: { exchangeId, messageId: letter.messageId, releasedBy: by.userId, occurredAt } },
  { type: 'DraftSent', data: { exchangeId, messageId: letter.messageId, occurredAt } },
];
const returned = (comment = 'Bỏ số giấy tờ ở đoạn 2'): ExchangeEvent => ({
  type: 'DraftReturned',
  data: { exchangeId, messageId: letter.messageId, returnedBy: SECOND.userId, comment, occurredAt: APPROVED },
});
const withdrawn: ExchangeEvent = {
  type: 'ReleaseWithdrawn',
  data: { exchangeId, messageId: letter.messageId, occurredAt: APPROVED },
};
const resubmitted: ExchangeEvent = {
  type: 'DraftResubmitted',
  data: { exchangeId, messageId: letter.messageId, occurredAt: APPROVED },
};

const release = (by: ReleaseOfficer, occurredAt = APPROVED, messageId = letter.messageId) =>
  command<ReleaseDraft>('ReleaseDraft', { messageId, by, occurredAt });
const giveBack = (by: ReleaseOfficer, comment = 'Bỏ số giấy tờ ở đoạn 2') =>
  command<ReturnDraft>('ReturnDraft', { messageId: letter.messageId, by, comment, occurredAt: APPROVED });
const withdraw = (by: ReleaseOfficer) =>
  command<WithdrawRelease>('WithdrawRelease', { messageId: letter.messageId, by, occurredAt: APPROVED });
const resubmit = (by: ReleaseOfficer) =>
  command<ResubmitDraft>('ResubmitDraft', { messageId: letter.messageId, by, occurredAt: APPROVED });

const awaiting = [...opened, held(letter)];

describe('which messages the unit holds for release', () => {
  it('holds an outgoing draft with personal data for release, naming its author', () => {
    const state = spec
      .given(opened)
      .when(log(letter, PERSONAL_DATA_RELEASE))
      .then([held(letter)]);
    expect(findMessage(state, letter.messageId)).toMatchObject({
      status: 'draft',
      release: { author: AUTHOR, state: 'awaiting_release' },
    });
  });

  it('refuses to log an outgoing message with personal data as already sent', () => {
    spec
      .given(opened)
      .when(log({ ...letter, draft: false }, PERSONAL_DATA_RELEASE))
      .thenRefuses(E.RELEASE_REQUIRED);
  });

  it('refuses to open a thread with personal data sent by one officer alone', () => {
    spec
      .given([])
      .when(open({ ...letter, draft: false }, undefined, PERSONAL_DATA_RELEASE))
      .thenRefuses(E.RELEASE_REQUIRED);
  });

  it('lets a message without personal data go straight out under the default policy', () => {
    const plain = message({ occurredAt: at('2026-03-04T10:00:00+07:00') });
    const state = spec
      .given(opened)
      .when(log(plain, PERSONAL_DATA_RELEASE))
      .then([f.logged(plain)]);
    expect(findMessage(state, plain.messageId)).toMatchObject({ status: 'sent' });
  });

  it('holds every outgoing message of a unit configured to release all, and no received one', () => {
    const plain = message({ occurredAt: at('2026-03-04T10:00:00+07:00') });
    spec.given(opened).when(log(plain, ALL)).thenRefuses(E.RELEASE_REQUIRED);
    spec
      .given(opened)
      .when(log({ ...plain, draft: true }, ALL))
      .then([held({ ...plain, draft: true })]);
    const received = message({ direction: 'incoming', occurredAt: at('2026-03-04T10:00:00+08:00') });
    spec
      .given(opened)
      .when(log(received, ALL))
      .then([f.logged(received)]);
  });

  it('sends personal data directly where the unit holds nothing for release', () => {
    const direct = { ...letter, draft: false };
    spec
      .given(opened)
      .when(log(direct))
      .then([f.logged(direct)]);
  });
});

describe('ReleaseDraft', () => {
  it('by a second officer of the unit sends the draft at the moment of approval', () => {
    const state = spec.given(awaiting).when(release(SECOND)).then(released());
    expect(findMessage(state, letter.messageId)).toMatchObject({
      status: 'sent',
      sentAt: APPROVED,
      release: { state: 'released', released: { by: SECOND.userId, at: APPROVED } },
    });
  });

  it('of a reply answers the message it replies to', () => {
    const reply = { ...letter, inReplyTo: first.messageId };
    spec
      .given([...opened, held(reply)])
      .when(release(SECOND))
      .then([
        ...released(),
        {
          type: 'MessageAnswered',
          data: { exchangeId, messageId: first.messageId, replyMessageId: letter.messageId, occurredAt: APPROVED },
        },
      ]);
  });

  it('is refused to the author of the draft', () => {
    spec.given(awaiting).when(release(AUTHOR)).thenRefuses(E.OWN_DRAFT_RELEASE);
  });

  it('is refused to an officer of another unit, as forbidden', () => {
    spec.given(awaiting).when(release(OTHER_UNIT)).thenRefuses(E.OTHER_UNIT_RELEASE);
    expect(refusalWhen(awaiting, release(OTHER_UNIT)).kind).toBe('forbidden');
  });

  it('is refused for a draft that was never held, a sent message, or a missing one', () => {
    const unheld = [...opened, f.logged(letter)];
    spec.given(unheld).when(release(SECOND)).thenRefuses(E.NOT_AWAITING_RELEASE);
    spec
      .given([...awaiting, ...released()])
      .when(release(SECOND))
      .thenRefuses(E.NOT_AWAITING_RELEASE);
    spec
      .given(awaiting)
      .when(release(SECOND, APPROVED, first.messageId))
      .thenRefuses(E.NOT_AWAITING_RELEASE);
  });

  it('cannot be dated before the draft was written', () => {
    spec
      .given(awaiting)
      .when(release(SECOND, at('2026-03-04T09:00:00+07:00')))
      .thenRefuses(E.INVALID_TIME);
  });

  it('is the only way out: SendDraft is refused even to a second officer', () => {
    spec.given(awaiting).when(send(letter.messageId, '2026-03-04T11:00:00+07:00')).thenRefuses(E.RELEASE_REQUIRED);
  });
});

describe('ReturnDraft', () => {
  it('sends the draft back to its author with a comment', () => {
    const state = spec.given(awaiting).when(giveBack(SECOND)).then([returned()]);
    expect(findMessage(state, letter.messageId)).toMatchObject({
      status: 'draft',
      release: { state: 'returned', returned: { by: SECOND.userId, comment: 'Bỏ số giấy tờ ở đoạn 2' } },
    });
  });

  it('needs a comment', () => {
    spec.given(awaiting).when(giveBack(SECOND, '  ')).thenRefuses(E.COMMENT_REQUIRED);
  });

  it('is refused to the author (who withdraws instead) and to another unit', () => {
    spec.given(awaiting).when(giveBack(AUTHOR)).thenRefuses(E.OWN_DRAFT_RELEASE);
    spec.given(awaiting).when(giveBack(OTHER_UNIT)).thenRefuses(E.OTHER_UNIT_RELEASE);
  });

  it('leaves a draft that cannot be released until its author resubmits it', () => {
    spec
      .given([...awaiting, returned()])
      .when(release(SECOND))
      .thenRefuses(E.NOT_AWAITING_RELEASE);
    spec
      .given([...awaiting, returned()])
      .when(resubmit(AUTHOR))
      .then([resubmitted]);
    spec
      .given([...awaiting, returned(), resubmitted])
      .when(release(SECOND))
      .then(released());
  });

  it('lets the author discard a returned draft', () => {
    spec
      .given([...awaiting, returned()])
      .when(discard(letter.messageId))
      .then([{ type: 'DraftDiscarded', data: { exchangeId, messageId: letter.messageId } }]);
  });
});

describe('WithdrawRelease and ResubmitDraft', () => {
  it('lets the author withdraw the request, after which nobody can release it', () => {
    spec.given(awaiting).when(withdraw(AUTHOR)).then([withdrawn]);
    spec
      .given([...awaiting, withdrawn])
      .when(release(SECOND))
      .thenRefuses(E.NOT_AWAITING_RELEASE);
    spec
      .given([...awaiting, withdrawn])
      .when(withdraw(AUTHOR))
      .thenRefuses(E.NOT_AWAITING_RELEASE);
  });

  it('are the author’s acts only', () => {
    spec.given(awaiting).when(withdraw(SECOND)).thenRefuses(E.NOT_DRAFT_AUTHOR);
    spec
      .given([...awaiting, withdrawn])
      .when(resubmit(SECOND))
      .thenRefuses(E.NOT_DRAFT_AUTHOR);
  });

  it('resubmits only a returned or withdrawn draft', () => {
    spec.given(awaiting).when(resubmit(AUTHOR)).thenRefuses(E.INVALID_TRANSITION);
    spec
      .given([...awaiting, withdrawn])
      .when(resubmit(AUTHOR))
      .then([resubmitted]);
  });

  it('keeps the thread open while a draft awaits release', () => {
    spec.given(awaiting).when(close('done')).thenRefuses(E.DRAFTS_PENDING);
  });
});
