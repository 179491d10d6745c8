import { newId } from '#shared-kernel';
import { deciderSpec } from '#testing';
import { handoverDecider } from './handover.decider.js';
import { HandoverErrors as E } from './handover.errors.js';
import type { HandoverEvent } from './handover.events.js';
import { at, handoverFixture, refusalWhen } from './handover.spec-fixtures.js';

const spec = deciderSpec(handoverDecider);
const f = handoverFixture();
const { handoverId, personIds, history, confirm, transfer, close, transferred } = f;
const [first, second] = personIds;
const conductedAt = at('2026-03-05T09:20:00+08:00');
const signedAt = at('2026-03-05T09:45:00+08:00');

describe('ConfirmHandover', () => {
  it('turns the one submission from the gate into conducted, per-person and minutes events, in that order', () => {
    const state = spec
      .given(history.scheduled)
      .when(
        confirm({
          received: [
            {
              personId: second,
              healthCheck: 'ciphertext:h',
              belongings: 'ciphertext:b',
              statementRef: 'TK-7',
              wantedCheck: 'clear',
            },
          ],
          notReceived: [{ personId: first, reason: 'hospitalised on the Chinese side' }],
          minutes: { number: 'BB-12/2026', signedAt, languages: ['vi', 'zh'], scanSha256: 'CD'.repeat(32) },
        }),
      )
      .then([
        {
          type: 'HandoverConducted',
          data: {
            handoverId,
            gate: 'HUU_NGHI',
            occurredAt: conductedAt,
            vnOfficers: ['Thiếu tá Nguyễn Văn A'],
            cnOfficers: ['李警官'],
          },
        },
        {
          type: 'PersonReceived',
          data: {
            handoverId,
            personId: second,
            occurredAt: conductedAt,
            healthCheck: 'ciphertext:h',
            belongings: 'ciphertext:b',
            statementRef: 'TK-7',
            wantedCheck: 'clear',
          },
        },
        {
          type: 'PersonNotReceived',
          data: { handoverId, personId: first, reason: 'hospitalised on the Chinese side' },
        },
        {
          type: 'MinutesSigned',
          data: {
            handoverId,
            number: 'BB-12/2026',
            occurredAt: signedAt,
            languages: ['vi', 'zh'],
            scanSha256: 'cd'.repeat(32),
          },
        },
      ]);
    expect(state).toMatchObject({
      status: 'minutes_signed',
      received: [{ personId: second, receivedAt: conductedAt }],
      notReceived: [{ personId: first }],
      minutes: { number: 'BB-12/2026', signedAt },
    });
  });

  it('records the gate the handover was last scheduled at', () => {
    const moved = [
      f.proposed(),
      f.scheduled(),
      f.postponed('road closed'),
      f.scheduled('2026-03-06T09:00:00+08:00', 'CHI_MA'),
    ];
    const state = spec
      .given(moved)
      .when(
        confirm({
          conductedAt: at('2026-03-06T09:20:00+08:00'),
          minutes: { ...confirm().data.minutes, signedAt: at('2026-03-06T09:45:00+08:00') },
        }),
      )
      .then([
        f.conducted({ gate: 'CHI_MA', occurredAt: at('2026-03-06T09:20:00+08:00') }),
        f.received(first, '2026-03-06T09:20:00+08:00'),
        f.received(second, '2026-03-06T09:20:00+08:00'),
        f.minutesSigned({ occurredAt: at('2026-03-06T09:45:00+08:00') }),
      ]);
    expect(state).toMatchObject({ status: 'minutes_signed', gate: 'CHI_MA' });
  });

  it('allows a meeting where nobody crossed, if every person is accounted for with a reason', () => {
    spec
      .given(history.scheduled)
      .when(
        confirm({
          received: [],
          notReceived: personIds.map((personId) => ({ personId, reason: 'refused to return' })),
        }),
      )
      .then([
        f.conducted(),
        f.notReceived(first, 'refused to return'),
        f.notReceived(second, 'refused to return'),
        f.minutesSigned(),
      ]);
  });

  it.each<[string, readonly HandoverEvent[], string]>([
    ['proposed', history.proposed, E.NOT_SCHEDULED],
    ['postponed', history.postponed, E.NOT_SCHEDULED],
    ['cancelled', [f.proposed(), f.scheduled(), f.cancelled()], E.CANCELLED],
    ['already conducted', history.signed, E.ALREADY_CONDUCTED],
    ['missing', [], E.NOT_FOUND],
  ])('refuses a confirmation of a %s handover', (_label, given, code) => {
    spec.given(given).when(confirm()).thenRefuses(code);
  });

  it.each([
    [
      'an unknown person',
      { received: [{ personId: first }, { personId: second }, { personId: newId() }] },
      E.UNKNOWN_PERSON,
    ],
    [
      'a person twice',
      { received: [{ personId: first }, { personId: second }], notReceived: [{ personId: first, reason: 'x' }] },
      E.DUPLICATE_PERSON,
    ],
    ['a person left out', { received: [{ personId: first }] }, E.PERSON_UNACCOUNTED],
    [
      'a person not received without a reason',
      { received: [{ personId: first }], notReceived: [{ personId: second, reason: ' ' }] },
      E.REASON_REQUIRED,
    ],
    ['no Chinese officer', { cnOfficers: [] }, E.OFFICERS_REQUIRED],
    ['a blank Vietnamese officer', { vnOfficers: [''] }, E.OFFICERS_REQUIRED],
    ['minutes without a number', { minutes: { number: '', signedAt, languages: ['vi' as const] } }, E.INVALID_MINUTES],
    ['minutes without a language', { minutes: { number: 'BB-1', signedAt, languages: [] } }, E.INVALID_MINUTES],
    [
      'minutes with a bad scan hash',
      { minutes: { number: 'BB-1', signedAt, languages: ['zh' as const], scanSha256: 'x' } },
      E.INVALID_MINUTES,
    ],
    [
      'minutes signed before the handover',
      { minutes: { number: 'BB-1', signedAt: at('2026-03-05T09:19:00+08:00'), languages: ['vi' as const] } },
      E.MINUTES_BEFORE_CONDUCT,
    ],
    ['a handover before its proposal', { conductedAt: at('2026-03-01T09:00:00+08:00') }, E.INVALID_TIME],
  ])('refuses a confirmation with %s, and writes nothing', (_label, overrides, code) => {
    const error = refusalWhen(history.scheduled, confirm(overrides));
    expect([error.code, error.kind]).toEqual([code, 'invalid']);
  });
});

describe('RecordOnwardTransfer', () => {
  it('records where a received person went next', () => {
    const state = spec
      .given(history.signed)
      .when(transfer(first, '2026-03-05T14:00:00+07:00', 'health'))
      .then([
        {
          type: 'OnwardTransferRecorded',
          data: {
            handoverId,
            personId: first,
            toUnit: 'LS-SOCIAL-CENTRE',
            toKind: 'health',
            occurredAt: at('2026-03-05T14:00:00+07:00'),
          },
        },
      ]);
    expect(state).toMatchObject({ transfers: [{ personId: first, toKind: 'health' }] });
  });

  it('is also accepted while conducted, should minutes ever be signed separately', () => {
    spec
      .given(history.conducted)
      .when(transfer(first))
      .then([transferred(first)]);
  });

  it('refuses a second transfer of the same person', () => {
    spec
      .given([...history.signed, transferred(first)])
      .when(transfer(first))
      .thenRefuses(E.ALREADY_TRANSFERRED);
  });

  it('refuses a person not received', () => {
    spec.given(history.partlySigned).when(transfer(second)).thenRefuses(E.PERSON_NOT_RECEIVED);
  });

  it('refuses a person not in the handover as invalid', () => {
    const error = refusalWhen(history.partlySigned, transfer(newId()));
    expect([error.code, error.kind]).toEqual([E.UNKNOWN_PERSON, 'invalid']);
  });

  it('refuses a transfer before the reception', () => {
    spec.given(history.signed).when(transfer(first, '2026-03-05T08:00:00+07:00')).thenRefuses(E.INVALID_TIME);
  });

  it('refuses a transfer without a unit', () => {
    spec
      .given(history.signed)
      .when({ ...transfer(first), data: { ...transfer(first).data, toUnit: '' } })
      .thenRefuses(E.INVALID_TRANSFER);
  });

  it('refuses a transfer of an unknown kind', () => {
    spec
      .given(history.signed)
      .when(transfer(first, undefined, 'orphanage' as never))
      .thenRefuses(E.INVALID_TRANSFER);
  });

  it.each<[string, readonly HandoverEvent[], string]>([
    ['before the handover took place', history.scheduled, E.NOT_CONDUCTED],
    ['after it was cancelled', history.cancelled, E.CANCELLED],
    ['after it was closed', history.closed, E.CLOSED],
    ['on a missing handover', [], E.NOT_FOUND],
  ])('refuses %s', (_label, given, code) => {
    spec.given(given).when(transfer(first)).thenRefuses(code);
  });
});

describe('CloseHandover', () => {
  it('closes once the minutes are signed and every received person was transferred', () => {
    const state = spec
      .given([...history.signed, transferred(first), transferred(second)])
      .when(close())
      .then([{ type: 'HandoverClosed', data: { handoverId } }]);
    expect(state.status).toBe('closed');
  });

  it('needs no transfer for persons not received', () => {
    spec
      .given([...history.partlySigned, transferred(first)])
      .when(close())
      .then([{ type: 'HandoverClosed', data: { handoverId } }]);
  });

  it('refuses while a received person has no onward transfer, as a rule', () => {
    const error = refusalWhen([...history.signed, transferred(first)], close());
    expect([error.code, error.kind]).toEqual([E.TRANSFERS_MISSING, 'rule']);
  });

  it('refuses while no received person has an onward transfer', () => {
    spec.given(history.signed).when(close()).thenRefuses(E.TRANSFERS_MISSING);
  });

  it.each<[string, readonly HandoverEvent[], string]>([
    ['before the handover took place', history.scheduled, E.NOT_CONDUCTED],
    ['after cancellation', history.cancelled, E.CANCELLED],
    ['twice', history.closed, E.CLOSED],
    ['when missing', [], E.NOT_FOUND],
  ])('refuses %s', (_label, given, code) => {
    spec.given(given).when(close()).thenRefuses(code);
  });

  it('refuses while only conducted: the minutes are not signed', () => {
    spec
      .given([...history.conducted, transferred(first), transferred(second)])
      .when(close())
      .thenRefuses(E.MINUTES_NOT_SIGNED);
  });
});
