import { newId, type CommandMeta, type ConsentStanding } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { ExchangeCommand } from './exchange.commands.js';
import { exchangeDecider } from './exchange.decider.js';
import { ExchangeErrors as E } from './exchange.errors.js';
import { AUTHOR, SECOND, at, command, exchangeFixture, message } from './exchange.spec-fixtures.js';
import type { ReleaseDraft } from './exchange.commands.js';
import type { ExchangeEvent, NamedPersonRecord } from './exchange.events.js';
import type { NamedPerson } from './exchange.values.js';

const spec = deciderSpec(exchangeDecider);
const supervisor: CommandMeta = {
  actor: { userId: 'binh.tran', role: 'supervisor', unitId: 'VN-LS-BLO', province: 'lang-son' },
  now: new Date('2026-03-05T02:00:00Z'),
};
const basis = { legalBasis: 'Luật Phòng, chống mua bán người 2024, Điều 50', consent: 'person' } as const;

describe('The persons an outgoing message names, and the basis each one’s data leaves on', () => {
  const x = exchangeFixture();
  const personId = newId();
  const named = (over: Partial<NamedPerson> = {}): NamedPerson => ({
    personId,
    caseId: x.caseId,
    consent: 'given',
    disclosure: { basis: 'consent' },
    ...over,
  });
  const naming = (persons: readonly NamedPerson[]) =>
    message({ carriesPersonalData: true, personalData: basis, persons });

  it('records each named person with the basis, when consent stands', () => {
    const first = naming([named()]);
    const { persons: _input, ...content } = first;
    spec
      .given([])
      .when(x.open(first))
      .then([
        x.opened(first),
        {
          type: 'MessageLogged',
          data: { ...x.loggedData(content), persons: [{ personId, basis: 'consent', reference: null }] },
        },
      ]);
  });

  it.each([
    ['withdrawn', E.CONSENT_WITHDRAWN],
    ['none', E.CONSENT_MISSING],
    ['refused', E.CONSENT_MISSING],
  ] as const)('refuses consent that stands at %s', (consent, code) => {
    spec
      .given([])
      .when(x.open(naming([named({ consent })])))
      .thenRefuses(code);
  });

  it('refuses a named person without a basis, or with an exception but no reference', () => {
    spec
      .given([])
      .when(x.open(naming([{ personId, caseId: x.caseId }])))
      .thenRefuses(E.DISCLOSURE_BASIS_REQUIRED);
    spec
      .given([])
      .when(x.open(naming([named({ disclosure: { basis: 'vital_interest' } })])))
      .thenRefuses(E.DISCLOSURE_REFERENCE_REQUIRED);
  });

  it('refuses a person of a case the thread does not concern, and a person named twice', () => {
    spec
      .given([])
      .when(x.open(naming([named({ caseId: newId() })])))
      .thenRefuses(E.PERSON_NOT_IN_CASES);
    spec
      .given([])
      .when(x.open(naming([named(), named()])))
      .thenRefuses(E.DUPLICATE_PERSON);
  });

  it('lets a supervisor send without standing consent, with the override as its own event', () => {
    const first = naming([
      named({ consent: 'withdrawn', disclosure: { basis: 'consent', overrideReason: 'khẩn cấp' } }),
    ]);
    const { persons: _input, ...content } = first;
    const open = { ...x.open(first), meta: supervisor } as ExchangeCommand;
    spec
      .given([])
      .when(open)
      .then(
        [
          x.opened(first),
          {
            type: 'MessageLogged',
            data: {
              ...x.loggedData(content),
              persons: [{ personId, basis: 'consent', reference: null, overridden: true }],
            },
          },
          {
            type: 'ConsentOverridden',
            data: {
              exchangeId: x.exchangeId,
              messageId: first.messageId,
              caseId: x.caseId,
              personId,
              counterpart: 'CN-GX-PSD',
              consent: 'withdrawn',
              reason: 'khẩn cấp',
            },
          },
        ],
        { stateNeutral: ['ConsentOverridden'] },
      );
    // An officer may not.
    spec.given([]).when(x.open(first)).thenRefuses(E.CONSENT_OVERRIDE_NOT_ALLOWED);
  });

  it('applies to later messages of the thread too, against its counterpart and cases', () => {
    const first = message();
    const later = naming([named({ consent: 'withdrawn' })]);
    spec.given(x.openedWith(first)).when(x.log(later)).thenRefuses(E.CONSENT_WITHDRAWN);
  });

  it('asks nothing of an incoming message (nothing of ours leaves)', () => {
    const incoming = message({ direction: 'incoming', persons: [named({ consent: 'withdrawn' })] });
    const { persons: _input, ...content } = incoming;
    spec
      .given([])
      .when(x.open(incoming))
      .then([x.opened(incoming), x.logged(content)]);
  });

  describe('at a second officer’s release', () => {
    const opening = message({ direction: 'incoming', occurredAt: at('2026-03-04T08:00:00+08:00') });
    const letter = message({ ...naming([]), draft: true, occurredAt: at('2026-03-04T10:00:00+07:00') });
    const { persons: _none, ...content } = letter;
    const heldNaming = (record: NamedPersonRecord): ExchangeEvent => ({
      type: 'MessageLogged',
      data: {
        ...x.loggedData(content),
        release: { author: AUTHOR.userId, unit: AUTHOR.unit },
        persons: [record],
      },
    });
    const release = (consents: Record<string, ConsentStanding>) =>
      command<ReleaseDraft>('ReleaseDraft', {
        messageId: letter.messageId,
        by: SECOND,
        occurredAt: at('2026-03-04T11:00:00+07:00'),
        consents,
      });
    const onConsent = heldNaming({ personId, basis: 'consent', reference: null });

    it('stops a draft whose person withdrew consent while it waited', () => {
      spec
        .given([...x.openedWith(opening), onConsent])
        .when(release({ [personId]: 'withdrawn' }))
        .thenRefuses(E.CONSENT_WITHDRAWN);
      spec
        .given([...x.openedWith(opening), onConsent])
        .when(release({}))
        .thenRefuses(E.CONSENT_MISSING);
    });

    it('releases when consent still stands, or when the basis was an exception or an override', () => {
      const sentAt = at('2026-03-04T11:00:00+07:00');
      const releasedEvents = (): ExchangeEvent[] => [
        {
          type: 'DraftReleased',
          data: {
            exchangeId: x.exchangeId,
            messageId: letter.messageId,
            releasedBy: SECOND.userId,
            occurredAt: sentAt,
          },
        },
        { type: 'DraftSent', data: { exchangeId: x.exchangeId, messageId: letter.messageId, occurredAt: sentAt } },
      ];
      spec
        .given([...x.openedWith(opening), onConsent])
        .when(release({ [personId]: 'given' }))
        .then(releasedEvents());
      const exception = heldNaming({ personId, basis: 'criminal_proceedings', reference: 'QĐ 15/2026' });
      spec
        .given([...x.openedWith(opening), exception])
        .when(release({}))
        .then(releasedEvents());
      const overridden = heldNaming({ personId, basis: 'consent', reference: null, overridden: true });
      spec
        .given([...x.openedWith(opening), overridden])
        .when(release({ [personId]: 'withdrawn' }))
        .then(releasedEvents());
    });
  });
});
