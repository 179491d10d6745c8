import fc from 'fast-check';
import { DomainError, type CommandMeta, type ZonedInstant } from '#shared-kernel';
import type { MeetingCommand } from './meeting.commands.js';
import { meetingDecider } from './meeting.decider.js';
import type { MeetingState, RecordedMeeting } from './meeting.state.js';

/**
 * Random action commands against one recorded meeting, with instants on both sides of the
 * meeting and of the due times, in both border zones: whatever the order, the follow-up stays
 * consistent with what was decided.
 */
const HELD = Date.parse('2026-04-10T02:00:00.000Z');
const HOUR = 3_600_000;
const NOW = new Date(HELD + 40 * 24 * HOUR);
const meta: CommandMeta = { actor: { userId: 'u-1', role: 'liaison_officer', unitId: 'VN-LC-BLO' }, now: NOW };
const zoned = (ms: number, china: boolean): ZonedInstant =>
  china
    ? { at: new Date(ms).toISOString(), offset: '+08:00', zone: 'Asia/Shanghai' }
    : { at: new Date(ms).toISOString(), offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' };

const ACTIONS = ['a1', 'a2', 'a3'];
const when = fc.tuple(fc.integer({ min: -48, max: 24 * 45 }), fc.boolean()).map(([h, c]) => zoned(HELD + h * HOUR, c));
const action = fc.constantFrom(...ACTIONS);

const command: fc.Arbitrary<MeetingCommand> = fc.oneof(
  fc.record({ actionId: action, dueAt: when }).map(({ actionId, dueAt }): MeetingCommand => ({
    type: 'AgreeAction',
    data: { actionId, what: 'verify', owner: { kind: 'unit', id: 'VN-LC-BLO' }, counterpart: 'CN-BIS-HEKOU', dueAt },
    meta,
  })),
  fc.record({ actionId: action, doneAt: when }).map(({ actionId, doneAt }): MeetingCommand => ({
    type: 'CompleteAction',
    data: { actionId, fulfilledBy: { kind: 'handover', id: 'h' }, doneAt },
    meta,
  })),
  action.map((actionId): MeetingCommand => ({ type: 'DropAction', data: { actionId, reason: 'r' }, meta })),
  fc.record({ actionId: action, newDueAt: when }).map(({ actionId, newDueAt }): MeetingCommand => ({
    type: 'ChangeActionDue',
    data: { actionId, newDueAt, reason: 'r' },
    meta,
  })),
);

const start: MeetingState = meetingDecider.evolve(meetingDecider.initialState, {
  type: 'MeetingRecorded',
  data: {
    meetingId: 'm',
    kind: 'blo_meeting',
    province: 'lao-cai',
    counterparts: ['CN-BIS-HEKOU'],
    place: 'Lào Cai',
    heldAt: zoned(HELD, true),
    participants: [],
    languages: ['vi', 'zh'],
    minutes: null,
  },
});

describe('Meeting decider, any sequence of action commands', () => {
  it('keeps every action after the meeting, closes each at most once and never reopens it', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
        let state = start;
        for (const c of commands) {
          const before = state as RecordedMeeting;
          let events;
          try {
            events = meetingDecider.decide(c, state);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            continue;
          }
          state = events.reduce(meetingDecider.evolve, state);
          const after = state as RecordedMeeting;
          for (const was of before.actions) {
            const now = after.actions.find((a) => a.actionId === was.actionId);
            // A closed action is final: nothing about it changes again.
            if (was.status !== 'open') expect(now).toEqual(was);
          }
        }
        const meeting = state as RecordedMeeting;
        expect(new Set(meeting.actions.map((a) => a.actionId)).size).toBe(meeting.actions.length);
        for (const a of meeting.actions) {
          expect(Date.parse(a.dueAt.at)).toBeGreaterThan(HELD);
          if (a.done) {
            expect(a.done.late).toBe(Date.parse(a.done.doneAt.at) > Date.parse(a.dueAt.at));
            expect(Date.parse(a.done.doneAt.at)).toBeGreaterThanOrEqual(HELD);
          }
          expect(a.status === 'done').toBe(a.done !== null);
          expect(a.status === 'dropped').toBe(a.dropped !== null);
        }
      }),
    );
  });
});
