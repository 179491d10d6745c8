import { fold, type CommandMeta, type ZonedInstant } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { MeetingCommand, RecordMeeting } from './meeting.commands.js';
import { meetingDecider } from './meeting.decider.js';
import { MeetingErrors as E } from './meeting.errors.js';
import type { ActionAgreed, MeetingEvent, MeetingRecorded } from './meeting.events.js';
import { isActionOverdue, meetingProgress } from './meeting.selectors.js';
import type { RecordedMeeting } from './meeting.state.js';

const NOW = new Date('2026-04-20T03:00:00Z');
const meta: CommandMeta = { actor: { userId: 'an.nguyen', role: 'liaison_officer', unitId: 'VN-LC-BLO' }, now: NOW };
const vn = (iso: string): ZonedInstant => ({ at: iso, offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' });
const cn = (iso: string): ZonedInstant => ({ at: iso, offset: '+08:00', zone: 'Asia/Shanghai' });
const cmd = <T extends MeetingCommand['type']>(type: T, data: Extract<MeetingCommand, { type: T }>['data']) =>
  ({ type, data, meta }) as MeetingCommand;

const spec = deciderSpec(meetingDecider);
const meetingId = '0190f5e4-1111-7000-8000-000000000001';
const actionId = '0190f5e4-2222-7000-8000-000000000002';
const heldAt = cn('2026-04-10T02:00:00.000Z');

const recordData: RecordMeeting['data'] = {
  meetingId,
  kind: 'annual_talks',
  province: 'lao-cai',
  counterparts: ['CN-YN-PSD', 'CN-BIS-HEKOU'],
  place: 'Hà Khẩu, Vân Nam',
  heldAt,
  participants: [
    { side: 'vn', name: 'Trần Văn Minh', role: 'Phó Giám đốc Công an tỉnh' },
    { side: 'cn', name: '李明', role: '云南省公安厅副厅长' },
  ],
  languages: ['vi', 'zh'],
  minutes: { reference: 'BB-2026/04-LC-YN', sha256: 'A'.repeat(64) },
};
const recorded: MeetingRecorded = {
  type: 'MeetingRecorded',
  data: {
    ...recordData,
    counterparts: ['CN-YN-PSD', 'CN-BIS-HEKOU'],
    participants: [...recordData.participants],
    languages: ['vi', 'zh'],
    minutes: { reference: 'BB-2026/04-LC-YN', sha256: 'a'.repeat(64) },
  } as MeetingRecorded['data'],
};
const dueAt = vn('2026-04-30T10:00:00.000Z');
const agreed: ActionAgreed = {
  type: 'ActionAgreed',
  data: {
    meetingId,
    actionId,
    province: 'lao-cai',
    what: 'Exchange the list of persons to verify before the handover',
    owner: { kind: 'unit', id: 'VN-LC-BLO' },
    counterpart: 'CN-BIS-HEKOU',
    dueAt,
    links: { caseIds: ['c1'], personIds: [], handoverIds: [], verificationIds: [] },
  },
};
const agree = (over: Partial<Extract<MeetingCommand, { type: 'AgreeAction' }>['data']> = {}) =>
  cmd('AgreeAction', {
    actionId,
    what: agreed.data.what,
    owner: agreed.data.owner,
    counterpart: 'CN-BIS-HEKOU',
    dueAt,
    links: { caseIds: ['c1', ' c1 '] },
    ...over,
  });
const done = (late: boolean, at = vn('2026-04-18T03:00:00.000Z')): MeetingEvent => ({
  type: 'ActionDone',
  data: { meetingId, actionId, fulfilledBy: { kind: 'handover', id: 'h1' }, doneAt: at, late },
});
const dropped: MeetingEvent = {
  type: 'ActionDropped',
  data: { meetingId, actionId, reason: 'the counterpart withdrew the request', droppedAt: vn(NOW.toISOString()) },
};

describe('Meeting decider', () => {
  describe('RecordMeeting', () => {
    const record = (over: Partial<RecordMeeting['data']> = {}) => cmd('RecordMeeting', { ...recordData, ...over });

    it('records a held meeting with both sides, languages and the minutes hash (normalised)', () => {
      const state = spec.given([]).when(record()).then([recorded]);
      expect(state.status).toBe('recorded');
    });

    it('records a meeting whose minutes are not filed yet', () => {
      const { minutes: _none, ...rest } = recordData;
      spec
        .given([])
        .when(cmd('RecordMeeting', rest))
        .then([{ ...recorded, data: { ...recorded.data, minutes: null } }]);
    });

    it('refuses a second record of the same meeting', () => {
      spec.given([recorded]).when(record()).thenRefuses(E.ALREADY_EXISTS);
    });

    it.each<[string, Partial<RecordMeeting['data']>, string]>([
      ['an unknown kind', { kind: 'dinner' }, E.INVALID_KIND],
      ['a province not on the border', { province: 'ha-noi' }, E.INVALID_PROVINCE],
      ['no counterpart', { counterparts: [' '] }, E.COUNTERPART_REQUIRED],
      ['no place', { place: '' }, E.PLACE_REQUIRED],
      ['a meeting not yet held', { heldAt: vn('2026-04-20T03:00:01.000Z') }, E.HELD_IN_FUTURE],
      ['a time that does not parse', { heldAt: vn('yesterday') }, E.INVALID_INSTANT],
      ['participants of one side only', { participants: [recordData.participants[0]] }, E.PARTICIPANTS_BOTH_SIDES],
      [
        'a participant without a role',
        { participants: [...recordData.participants, { side: 'cn', name: '王', role: ' ' }] },
        E.PARTICIPANT_INCOMPLETE,
      ],
      ['no language', { languages: [] }, E.LANGUAGE_REQUIRED],
      ['an unknown language', { languages: ['vi', 'fr'] }, E.INVALID_LANGUAGE],
      [
        'minutes without a reference',
        { minutes: { reference: ' ', sha256: 'a'.repeat(64) } },
        E.MINUTES_REFERENCE_REQUIRED,
      ],
      [
        'minutes with a hash that is not SHA-256',
        { minutes: { reference: 'BB-1', sha256: 'abc' } },
        E.INVALID_MINUTES_HASH,
      ],
    ])('refuses %s', (_label, over, code) => {
      spec.given([]).when(record(over)).thenRefuses(code);
    });
  });

  describe('AgreeAction', () => {
    it('adds an open action with its links deduplicated and the meeting’s province', () => {
      const state = spec.given([recorded]).when(agree()).then([agreed]);
      expect(state.status === 'recorded' && state.actions.map((a) => a.status)).toEqual(['open']);
    });

    it('refuses an action of a meeting that was not recorded', () => {
      spec.given([]).when(agree()).thenRefuses(E.NOT_FOUND);
    });

    it('refuses the same action twice', () => {
      spec.given([recorded, agreed]).when(agree()).thenRefuses(E.ACTION_EXISTS);
    });

    it('refuses a due time at or before the meeting, comparing instants across zones', () => {
      // 10:00 in China is 09:00 in Vietnam: the same instant as the meeting.
      spec
        .given([recorded])
        .when(agree({ dueAt: vn('2026-04-10T02:00:00.000Z') }))
        .thenRefuses(E.DUE_BEFORE_MEETING);
    });

    it.each<[string, Partial<Extract<MeetingCommand, { type: 'AgreeAction' }>['data']>, string]>([
      ['no description', { what: ' ' }, E.WHAT_REQUIRED],
      ['an owner of no kind', { owner: { kind: 'team' as never, id: 'x' } }, E.OWNER_REQUIRED],
      ['an owner without id', { owner: { kind: 'user', id: '' } }, E.OWNER_REQUIRED],
      ['no counterpart unit', { counterpart: '' }, E.COUNTERPART_REQUIRED],
      ['too many links', { links: { caseIds: Array.from({ length: 51 }, (_, i) => `c${i}`) } }, E.TOO_MANY],
    ])('refuses %s', (_label, over, code) => {
      spec.given([recorded]).when(agree(over)).thenRefuses(code);
    });
  });

  describe('CompleteAction', () => {
    const complete = (at: ZonedInstant, kind = 'handover') =>
      cmd('CompleteAction', { actionId, fulfilledBy: { kind: kind as never, id: 'h1' }, doneAt: at });

    it('closes the action on time, with the record that fulfils it', () => {
      const state = spec
        .given([recorded, agreed])
        .when(complete(vn('2026-04-18T03:00:00.000Z')))
        .then([done(false)]);
      const meeting = state as RecordedMeeting;
      expect(meetingProgress(meeting, NOW)).toMatchObject({ open: 0, doneOnTime: 1, doneLate: 0 });
    });

    it('marks it late against the due time in force', () => {
      const late = vn('2026-04-30T10:00:01.000Z');
      const lateNow = { ...meta, now: new Date('2026-05-02T00:00:00Z') };
      const command = { ...complete(late), meta: lateNow } as MeetingCommand;
      spec
        .given([recorded, agreed])
        .when(command)
        .then([done(true, late)]);
    });

    it('is on time within a due time that was moved later', () => {
      const moved: MeetingEvent = {
        type: 'ActionDueChanged',
        data: { meetingId, actionId, previousDueAt: dueAt, newDueAt: vn('2026-05-10T00:00:00.000Z'), reason: 'r' },
      };
      const at = vn('2026-05-01T00:00:00.000Z');
      const command = { ...complete(at), meta: { ...meta, now: new Date('2026-05-02T00:00:00Z') } } as MeetingCommand;
      spec
        .given([recorded, agreed, moved])
        .when(command)
        .then([done(false, at)]);
    });

    it.each<[string, () => MeetingEvent[], MeetingCommand, string]>([
      [
        'an action done before the meeting',
        () => [recorded, agreed],
        complete(vn('2026-04-09T00:00:00.000Z')),
        E.DONE_BEFORE_MEETING,
      ],
      [
        'an action done in the future',
        () => [recorded, agreed],
        complete(vn('2026-04-21T00:00:00.000Z')),
        E.DONE_IN_FUTURE,
      ],
      [
        'an unknown record kind',
        () => [recorded, agreed],
        complete(vn('2026-04-18T03:00:00.000Z'), 'letter'),
        E.INVALID_RECORD_KIND,
      ],
      ['an action that was not agreed', () => [recorded], complete(vn('2026-04-18T03:00:00.000Z')), E.ACTION_NOT_FOUND],
      [
        'an action already done',
        () => [recorded, agreed, done(false)],
        complete(vn('2026-04-18T03:00:00.000Z')),
        E.ACTION_CLOSED,
      ],
      [
        'a dropped action',
        () => [recorded, agreed, dropped],
        complete(vn('2026-04-18T03:00:00.000Z')),
        E.ACTION_CLOSED,
      ],
    ])('refuses %s', (_label, given, command, code) => {
      spec.given(given()).when(command).thenRefuses(code);
    });
  });

  describe('DropAction', () => {
    it('drops an open action with a reason, at the time it is recorded', () => {
      spec
        .given([recorded, agreed])
        .when(cmd('DropAction', { actionId, reason: ' the counterpart withdrew the request ' }))
        .then([dropped]);
    });

    it.each<[string, () => MeetingEvent[], string, string]>([
      ['without a reason', () => [recorded, agreed], ' ', E.REASON_REQUIRED],
      ['an action already done', () => [recorded, agreed, done(false)], 'r', E.ACTION_CLOSED],
      ['an action dropped already', () => [recorded, agreed, dropped], 'r', E.ACTION_CLOSED],
    ])('refuses %s', (_label, given, reason, code) => {
      spec.given(given()).when(cmd('DropAction', { actionId, reason })).thenRefuses(code);
    });
  });

  describe('ChangeActionDue', () => {
    const change = (newDueAt: ZonedInstant, reason = 'agreed again by phone') =>
      cmd('ChangeActionDue', { actionId, newDueAt, reason });

    it('moves the due time either way, keeping the history', () => {
      const earlier = vn('2026-04-25T00:00:00.000Z');
      const state = spec
        .given([recorded, agreed])
        .when(change(earlier))
        .then([
          {
            type: 'ActionDueChanged',
            data: { meetingId, actionId, previousDueAt: dueAt, newDueAt: earlier, reason: 'agreed again by phone' },
          },
        ]);
      expect((state as RecordedMeeting).actions[0]?.dueChanges).toHaveLength(1);
    });

    it.each<[string, () => MeetingEvent[], MeetingCommand, string]>([
      [
        'a due time before the meeting',
        () => [recorded, agreed],
        change(vn('2026-04-01T00:00:00.000Z')),
        E.DUE_BEFORE_MEETING,
      ],
      ['the same due time in another zone', () => [recorded, agreed], change(cn(dueAt.at)), E.DUE_UNCHANGED],
      ['no reason', () => [recorded, agreed], change(vn('2026-05-05T00:00:00.000Z'), ''), E.REASON_REQUIRED],
      ['a closed action', () => [recorded, agreed, dropped], change(vn('2026-05-05T00:00:00.000Z')), E.ACTION_CLOSED],
    ])('refuses %s', (_label, given, command, code) => {
      spec.given(given()).when(command).thenRefuses(code);
    });
  });

  describe('overdue', () => {
    const action = (events: MeetingEvent[]) => (fold(meetingDecider, events) as RecordedMeeting).actions[0];
    const due = Date.parse(dueAt.at);

    it('is not overdue at its due instant, and is strictly after it', () => {
      expect(isActionOverdue(action([recorded, agreed]), new Date(due))).toBe(false);
      expect(isActionOverdue(action([recorded, agreed]), new Date(due + 1))).toBe(true);
    });

    it('never counts a done or dropped action as overdue', () => {
      expect(isActionOverdue(action([recorded, agreed, done(false)]), new Date(due + 1))).toBe(false);
      expect(isActionOverdue(action([recorded, agreed, dropped]), new Date(due + 1))).toBe(false);
    });
  });
});
