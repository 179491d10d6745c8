import { newId } from '#shared-kernel';
import { deciderSpec } from '#testing';
import { handoverDecider } from './handover.decider.js';
import { HandoverErrors as E } from './handover.errors.js';
import { at, handoverFixture, refusalOf } from './handover.spec-fixtures.js';

const spec = deciderSpec(handoverDecider);
const f = handoverFixture();
const { handoverId, personIds, decided, after, schedule, postpone, cancel, confirm, transfer, close } = f;
const [first, second] = personIds;
const conductedAt = at('2026-03-05T09:20:00+08:00');
const signedAt = at('2026-03-05T09:45:00+08:00');

describe('ConfirmHandover', () => {
  it('turns the one submission from the gate into conducted, per-person and minutes events, in that order', () => {
    const state = spec
      .given(f.scheduled)
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
    const moved = after(
      after(after(f.scheduled, postpone('road closed')), schedule('2026-03-06T09:00:00+08:00', 'CHI_MA')),
      confirm(),
    );
    expect(moved.find((e) => e.type === 'HandoverConducted')?.data).toMatchObject({ gate: 'CHI_MA' });
  });

  it('allows a meeting where nobody crossed, if every person is accounted for with a reason', () => {
    const none = confirm({
      received: [],
      notReceived: personIds.map((personId) => ({ personId, reason: 'refused to return' })),
    });
    const events = decided(f.scheduled, none);
    expect(events.map((e) => e.type)).toEqual([
      'HandoverConducted',
      'PersonNotReceived',
      'PersonNotReceived',
      'MinutesSigned',
    ]);
  });

  it.each([
    ['proposed', () => f.proposed, E.NOT_SCHEDULED],
    ['postponed', () => after(f.scheduled, postpone('x')), E.NOT_SCHEDULED],
    ['cancelled', () => after(f.scheduled, cancel('x')), E.CANCELLED],
    ['already conducted', () => f.signed, E.ALREADY_CONDUCTED],
    ['missing', () => [], E.NOT_FOUND],
  ])('refuses a confirmation of a %s handover', (_label, given, code) => {
    spec.given(given()).when(confirm()).thenRefuses(code);
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
    const error = refusalOf(() => decided(f.scheduled, confirm(overrides)));
    expect([error.code, error.kind]).toEqual([code, 'invalid']);
  });
});

describe('RecordOnwardTransfer', () => {
  it('records where a received person went next', () => {
    const state = spec
      .given(f.signed)
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
    const conductedOnly = [
      ...f.scheduled,
      ...decided(f.scheduled, confirm()).filter((e) => e.type !== 'MinutesSigned'),
    ];
    expect(decided(conductedOnly, transfer(first)).map((e) => e.type)).toEqual(['OnwardTransferRecorded']);
  });

  it('refuses a second transfer of the same person', () => {
    spec
      .given(after(f.signed, transfer(first)))
      .when(transfer(first))
      .thenRefuses(E.ALREADY_TRANSFERRED);
  });

  it('refuses a person not received, or not in the handover', () => {
    const partly = after(
      f.scheduled,
      confirm({ received: [{ personId: first }], notReceived: [{ personId: second, reason: 'x' }] }),
    );
    spec.given(partly).when(transfer(second)).thenRefuses(E.PERSON_NOT_RECEIVED);
    expect(refusalOf(() => decided(partly, transfer(newId()))).kind).toBe('invalid');
    spec.given(partly).when(transfer(newId())).thenRefuses(E.UNKNOWN_PERSON);
  });

  it('refuses a transfer before the reception, or without unit or kind', () => {
    spec.given(f.signed).when(transfer(first, '2026-03-05T08:00:00+07:00')).thenRefuses(E.INVALID_TIME);
    spec
      .given(f.signed)
      .when({ ...transfer(first), data: { ...transfer(first).data, toUnit: '' } })
      .thenRefuses(E.INVALID_TRANSFER);
    spec
      .given(f.signed)
      .when(transfer(first, undefined, 'orphanage' as never))
      .thenRefuses(E.INVALID_TRANSFER);
  });

  it('refuses before the handover took place, after it was cancelled or closed', () => {
    spec.given(f.scheduled).when(transfer(first)).thenRefuses(E.NOT_CONDUCTED);
    spec
      .given(after(f.proposed, cancel('x')))
      .when(transfer(first))
      .thenRefuses(E.CANCELLED);
    const closed = after(after(after(f.signed, transfer(first)), transfer(second)), close());
    spec.given(closed).when(transfer(first)).thenRefuses(E.CLOSED);
    spec.given([]).when(transfer(first)).thenRefuses(E.NOT_FOUND);
  });
});

describe('CloseHandover', () => {
  it('closes once the minutes are signed and every received person was transferred', () => {
    const done = after(after(f.signed, transfer(first)), transfer(second));
    const state = spec
      .given(done)
      .when(close())
      .then([{ type: 'HandoverClosed', data: { handoverId } }]);
    expect(state.status).toBe('closed');
  });

  it('needs no transfer for persons not received', () => {
    const partly = after(
      f.scheduled,
      confirm({ received: [{ personId: first }], notReceived: [{ personId: second, reason: 'x' }] }),
    );
    spec
      .given(after(partly, transfer(first)))
      .when(close())
      .then([{ type: 'HandoverClosed', data: { handoverId } }]);
  });

  it('refuses while a received person has no onward transfer', () => {
    spec
      .given(after(f.signed, transfer(first)))
      .when(close())
      .thenRefuses(E.TRANSFERS_MISSING);
    expect(refusalOf(() => decided(f.signed, close())).kind).toBe('rule');
  });

  it('refuses before the handover took place, after cancellation, twice, or when missing', () => {
    spec.given(f.scheduled).when(close()).thenRefuses(E.NOT_CONDUCTED);
    spec
      .given(after(f.proposed, cancel('x')))
      .when(close())
      .thenRefuses(E.CANCELLED);
    const closed = after(after(after(f.signed, transfer(first)), transfer(second)), close());
    spec.given(closed).when(close()).thenRefuses(E.CLOSED);
    spec.given([]).when(close()).thenRefuses(E.NOT_FOUND);
  });

  it('refuses while only conducted: the minutes are not signed', () => {
    const conductedOnly = decided(f.scheduled, confirm()).filter((e) => e.type !== 'MinutesSigned');
    spec
      .given([...f.scheduled, ...conductedOnly])
      .when(close())
      .thenRefuses(E.MINUTES_NOT_SIGNED);
  });
});
