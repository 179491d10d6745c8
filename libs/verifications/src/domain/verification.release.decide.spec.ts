import { fold, newId, type CommandMeta, type ConsentStanding } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { RequestVerification, VerificationCommand } from './verification.commands.js';
import { verificationDecider } from './verification.decider.js';
import { VerificationErrors as E } from './verification.errors.js';
import type { VerificationDrafted, VerificationEvent, VerificationRequested } from './verification.events.js';
import { identityQuestion, statedQuestion, vn } from './verification.spec-fixtures.js';
import { isVerificationOpen, isVerificationOverdue } from './verification.selectors.js';

const officer = (userId: string, province = 'lang-son', role: 'liaison_officer' | 'supervisor' = 'liaison_officer') =>
  ({ actor: { userId, role, unitId: 'VN-LS-BLO', province }, now: new Date('2026-03-05T02:00:00Z') }) as CommandMeta;
const AUTHOR = officer('can.bo');
const COLLEAGUE = officer('dong.nghiep');
const OTHER_UNIT = officer('lao.cai', 'lao-cai');
const spec = deciderSpec(verificationDecider);

const verificationId = newId();
const caseId = newId();
const personId = newId();
const WRITTEN = '2026-03-05T01:00:00.000Z';
const base: RequestVerification['data'] = {
  ...identityQuestion({ verificationId, caseId, personId }),
  disclosure: { basis: 'consent' },
  consent: 'given',
  // Seven days asked for the answer.
  dueAt: vn('2026-03-12T01:00:00.000Z'),
  occurredAt: vn(WRITTEN),
};
const request = (over: Partial<RequestVerification['data']> = {}, meta = AUTHOR) =>
  ({ type: 'RequestVerification', data: { ...base, ...over }, meta }) as VerificationCommand;
const act = <T extends Exclude<VerificationCommand['type'], 'RequestVerification'>>(
  type: T,
  data: Extract<VerificationCommand, { type: T }>['data'],
  meta: CommandMeta,
) => ({ type, data, meta }) as VerificationCommand;

const stated = {
  ...statedQuestion({ verificationId, caseId, personId }),
  disclosure: { personId, basis: 'consent', reference: null },
} as const;
const drafted: VerificationDrafted = {
  type: 'VerificationDrafted',
  data: {
    ...stated,
    dueAt: base.dueAt,
    occurredAt: base.occurredAt,
    release: { author: 'can.bo', unit: 'lang-son' },
  },
};
const at = (iso: string) => ({ occurredAt: vn(iso) });
const RELEASE_AT = '2026-03-08T03:00:00.000Z';
const returned: VerificationEvent = {
  type: 'VerificationDraftReturned',
  data: {
    verificationId,
    caseId,
    returnedBy: 'dong.nghiep',
    comment: 'Ghi rõ số CCCD',
    ...at('2026-03-06T01:00:00.000Z'),
  },
};

describe('A verification request held for a second officer’s release', () => {
  describe('when it is written', () => {
    it('holds an outgoing request about a person as a draft under the default policy: nothing leaves, no clock runs', () => {
      const state = spec.given([]).when(request()).then([drafted]);
      expect(state.status).toBe('draft');
      expect(isVerificationOpen(state)).toBe(false);
      expect(isVerificationOverdue(state, new Date('2026-04-01T00:00:00Z'))).toBe(false);
    });

    it('sends an outgoing request about nobody at once under the default policy, and holds it where the unit holds every request', () => {
      const { personId: _p, disclosure: _d, ...aboutNobody } = stated;
      const data = { ...aboutNobody, personId: null, dueAt: base.dueAt, occurredAt: base.occurredAt };
      const nobody = { personId: undefined, disclosure: undefined, consent: undefined };
      spec
        .given([])
        .when(request(nobody))
        .then([{ type: 'VerificationRequested', data }]);
      spec
        .given([])
        .when(request({ ...nobody, releasePolicy: 'all' }))
        .then([{ type: 'VerificationDrafted', data: { ...data, release: drafted.data.release } }]);
    });

    it('never holds an incoming request, and holds nothing where the unit turned release off', () => {
      const incoming = request({
        direction: 'incoming',
        disclosure: undefined,
        consent: undefined,
        releasePolicy: 'all',
      });
      const { disclosure: _d, ...rest } = stated;
      const data = { ...rest, direction: 'incoming', dueAt: base.dueAt, occurredAt: base.occurredAt } as const;
      spec
        .given([])
        .when(incoming)
        .then([{ type: 'VerificationRequested', data }]);
      const state = spec
        .given([])
        .when(request({ releasePolicy: 'off' }))
        .then([
          {
            ...drafted,
            type: 'VerificationRequested',
            data: { ...stated, dueAt: base.dueAt, occurredAt: base.occurredAt },
          },
        ]);
      expect(state.status).toBe('requested');
    });

    it('records a supervisor’s override when the draft is written', () => {
      const supervisor = officer('truong.phong', 'lang-son', 'supervisor');
      const events = verificationDecider.decide(
        request(
          { disclosure: { basis: 'consent', overrideReason: 'Nạn nhân gặp nguy hiểm' }, consent: 'withdrawn' },
          supervisor,
        ),
        { status: 'none' },
      );
      expect(events.map((e) => e.type)).toEqual(['VerificationDrafted', 'ConsentOverridden']);
    });
  });

  describe('release', () => {
    it('is another officer of the unit’s act, and sends the request with the reply time asked for, counted from the release', () => {
      const sent: VerificationRequested = {
        type: 'VerificationRequested',
        // Written on the 5th due the 12th: released on the 8th, due seven days later, the 15th.
        data: { ...stated, dueAt: vn('2026-03-15T03:00:00.000Z'), occurredAt: vn(RELEASE_AT) },
      };
      const state = spec
        .given([drafted])
        .when(act('ReleaseVerification', { ...at(RELEASE_AT), consent: 'given' }, COLLEAGUE))
        .then([
          {
            type: 'VerificationReleased',
            data: { verificationId, caseId, releasedBy: 'dong.nghiep', ...at(RELEASE_AT) },
          },
          sent,
        ]);
      expect(state.status).toBe('requested');
      expect(isVerificationOpen(state)).toBe(true);
      expect(state.status !== 'none' && state.release).toEqual({
        author: { userId: 'can.bo', unit: 'lang-son' },
        state: 'released',
        released: { by: 'dong.nghiep', at: vn(RELEASE_AT) },
      });
    });

    it.each([
      ['its author', AUTHOR, E.OWN_DRAFT_RELEASE],
      ['an officer of another unit', OTHER_UNIT, E.OTHER_UNIT_RELEASE],
    ])('is refused to %s', (_who, meta, code) => {
      spec
        .given([drafted])
        .when(act('ReleaseVerification', { ...at(RELEASE_AT), consent: 'given' }, meta))
        .thenRefuses(code);
    });

    it.each<[ConsentStanding | undefined, string]>([
      ['withdrawn', E.CONSENT_WITHDRAWN],
      ['refused', E.CONSENT_MISSING],
      [undefined, E.CONSENT_MISSING],
    ])('stops a draft sent on consent that stands at %s when it is released', (consent, code) => {
      spec
        .given([drafted])
        .when(act('ReleaseVerification', { ...at(RELEASE_AT), ...(consent ? { consent } : {}) }, COLLEAGUE))
        .thenRefuses(code);
    });

    it('does not look at consent again for a draft a supervisor overrode, or one sent on a legal exception', () => {
      const overridden: VerificationEvent = {
        type: 'ConsentOverridden',
        data: { verificationId, caseId, personId, counterpart: 'CN-GX-PSD', consent: 'withdrawn', reason: 'khẩn cấp' },
      };
      const release = act('ReleaseVerification', { ...at(RELEASE_AT), consent: 'withdrawn' }, COLLEAGUE);
      const sentBy = (history: VerificationEvent[]) =>
        verificationDecider.decide(release, fold(verificationDecider, history)).map((e) => e.type);
      expect(sentBy([drafted, overridden])).toEqual(['VerificationReleased', 'VerificationRequested']);
      const onException: VerificationDrafted = {
        ...drafted,
        data: { ...drafted.data, disclosure: { personId, basis: 'vital_interest', reference: 'QĐ 12/2026' } },
      };
      expect(sentBy([onException])).toEqual(['VerificationReleased', 'VerificationRequested']);
    });

    it.each<[string, VerificationEvent[]]>([
      ['returned', [drafted, returned]],
      ['already released', []],
    ])('is refused for a draft %s', (_what, history) => {
      const released: VerificationEvent[] = [
        drafted,
        {
          type: 'VerificationReleased',
          data: { verificationId, caseId, releasedBy: 'dong.nghiep', ...at(RELEASE_AT) },
        },
        {
          type: 'VerificationRequested',
          data: { ...stated, dueAt: vn('2026-03-15T03:00:00.000Z'), occurredAt: vn(RELEASE_AT) },
        },
      ];
      spec
        .given(history.length > 0 ? history : released)
        .when(act('ReleaseVerification', { ...at('2026-03-09T00:00:00.000Z'), consent: 'given' }, COLLEAGUE))
        .thenRefuses(E.NOT_AWAITING_RELEASE);
    });

    it('is refused before the draft was written, and for a request that does not exist', () => {
      spec
        .given([drafted])
        .when(act('ReleaseVerification', { ...at('2026-03-04T00:00:00.000Z'), consent: 'given' }, COLLEAGUE))
        .thenRefuses(E.INVALID_INSTANT);
      spec
        .given([])
        .when(act('ReleaseVerification', { ...at(RELEASE_AT), consent: 'given' }, COLLEAGUE))
        .thenRefuses(E.NOT_FOUND);
    });
  });

  describe('return, recall and resubmission', () => {
    it('returns the draft to its author with a comment; the comment is required; the author cannot return their own', () => {
      const comment = (c: string, meta: CommandMeta) =>
        act('ReturnVerification', { comment: c, ...at('2026-03-06T01:00:00.000Z') }, meta);
      const state = spec.given([drafted]).when(comment('Ghi rõ số CCCD', COLLEAGUE)).then([returned]);
      expect(state.status === 'draft' && state.release.state).toBe('returned');
      spec.given([drafted]).when(comment('  ', COLLEAGUE)).thenRefuses(E.COMMENT_REQUIRED);
      spec.given([drafted]).when(comment('Ghi rõ', AUTHOR)).thenRefuses(E.OWN_DRAFT_RELEASE);
    });

    it('lets the author recall a draft awaiting release, and nobody else', () => {
      const recall = (meta: CommandMeta) => act('RecallVerification', at('2026-03-06T01:00:00.000Z'), meta);
      spec
        .given([drafted])
        .when(recall(AUTHOR))
        .then([
          { type: 'VerificationReleaseWithdrawn', data: { verificationId, caseId, ...at('2026-03-06T01:00:00.000Z') } },
        ]);
      spec.given([drafted]).when(recall(COLLEAGUE)).thenRefuses(E.NOT_DRAFT_AUTHOR);
      spec.given([drafted, returned]).when(recall(AUTHOR)).thenRefuses(E.NOT_AWAITING_RELEASE);
    });

    it('lets the author resubmit a returned draft, which then awaits release again', () => {
      const resubmit = (meta: CommandMeta) => act('ResubmitVerification', at('2026-03-07T01:00:00.000Z'), meta);
      const state = spec
        .given([drafted, returned])
        .when(resubmit(AUTHOR))
        .then([
          { type: 'VerificationDraftResubmitted', data: { verificationId, caseId, ...at('2026-03-07T01:00:00.000Z') } },
        ]);
      expect(state.status === 'draft' && state.release.state).toBe('awaiting_release');
      expect(state.status === 'draft' && state.release.returned?.comment).toBe('Ghi rõ số CCCD');
      spec.given([drafted]).when(resubmit(AUTHOR)).thenRefuses(E.INVALID_TRANSITION);
      spec.given([drafted, returned]).when(resubmit(COLLEAGUE)).thenRefuses(E.NOT_DRAFT_AUTHOR);
    });
  });

  describe('a draft is not a sent request', () => {
    it.each([
      [
        'extended',
        act('ExtendVerification', { newDueAt: vn('2026-03-20T00:00:00.000Z'), reason: 'thêm thời gian' }, AUTHOR),
      ],
      [
        'answered',
        act(
          'AnswerVerification',
          { result: 'confirmed', details: 'khớp', answeredAt: vn('2026-03-06T00:00:00.000Z') },
          AUTHOR,
        ),
      ],
    ])('cannot be %s', (_what, command) => {
      spec.given([drafted]).when(command).thenRefuses(E.NOT_SENT);
    });

    it('may be withdrawn for good, and then never leaves', () => {
      const withdrawn: VerificationEvent = {
        type: 'VerificationWithdrawn',
        data: { verificationId, caseId, reason: 'đã xác định được' },
      };
      const state = spec
        .given([drafted])
        .when(act('WithdrawVerification', { reason: 'đã xác định được' }, AUTHOR))
        .then([withdrawn]);
      expect(state.status).toBe('withdrawn');
      spec
        .given([drafted, withdrawn])
        .when(act('ReleaseVerification', { ...at(RELEASE_AT), consent: 'given' }, COLLEAGUE))
        .thenRefuses(E.NOT_AWAITING_RELEASE);
    });
  });
});
