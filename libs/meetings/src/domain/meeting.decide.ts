import { assertNever, invalid, isBorderProvince, isOneOf, refuse, required } from '#shared-kernel';
import type { RecordMeeting, MeetingCommand } from './meeting.commands.js';
import { decideAction } from './meeting-action.decide.js';
import { MeetingErrors as E } from './meeting.errors.js';
import type { MeetingEvent } from './meeting.events.js';
import { instant } from './meeting.instant.js';
import { distinct } from './meeting.text.js';
import type { MeetingState } from './meeting.state.js';
import {
  MAX_COUNTERPARTS,
  MAX_PARTICIPANTS,
  MEETING_KINDS,
  MEETING_LANGUAGES,
  SHA256_HEX,
  SIDES,
  type MeetingLanguage,
  type Participant,
} from './meeting.values.js';

function participantsOf(given: readonly Participant[] | undefined): Participant[] {
  const list: readonly Participant[] = Array.isArray(given) ? given : [];
  if (list.length > MAX_PARTICIPANTS) invalid(E.TOO_MANY, `at most ${MAX_PARTICIPANTS} participants`);
  const participants = list.map((p: Participant): Participant => {
    if (!isOneOf(SIDES, (p as Partial<Participant> | null)?.side))
      invalid(E.PARTICIPANT_INCOMPLETE, 'a participant has no side');
    return {
      side: p.side,
      name: required(p.name, E.PARTICIPANT_INCOMPLETE, 'participant name'),
      role: required(p.role, E.PARTICIPANT_INCOMPLETE, 'participant role'),
    };
  });
  // A meeting with the counterpart has someone of each side at the table.
  if (!participants.some((p) => p.side === 'vn') || !participants.some((p) => p.side === 'cn'))
    invalid(E.PARTICIPANTS_BOTH_SIDES, 'participants of both sides are required');
  return participants;
}

function record(command: RecordMeeting, state: MeetingState): MeetingEvent[] {
  if (state.status !== 'none') return refuse(E.ALREADY_EXISTS, 'meeting already recorded');
  const d = command.data;
  const meetingId = required(d.meetingId, E.ID_REQUIRED, 'meeting id');
  if (!isOneOf(MEETING_KINDS, d.kind)) return invalid(E.INVALID_KIND, 'unknown meeting kind');
  if (!isBorderProvince(d.province)) return invalid(E.INVALID_PROVINCE, 'province must be a border province');
  const counterparts = distinct(d.counterparts);
  if (counterparts.length === 0) return invalid(E.COUNTERPART_REQUIRED, 'at least one counterpart unit is required');
  if (counterparts.length > MAX_COUNTERPARTS) return invalid(E.TOO_MANY, `at most ${MAX_COUNTERPARTS} counterparts`);
  const place = required(d.place, E.PLACE_REQUIRED, 'place');
  // A meeting is recorded once held: what was agreed is followed up from then on.
  if (instant(d.heldAt, 'heldAt') > command.meta.now.getTime())
    return invalid(E.HELD_IN_FUTURE, 'a meeting is recorded once it was held');
  const participants = participantsOf(d.participants);
  const given = distinct(d.languages);
  if (given.length === 0) return invalid(E.LANGUAGE_REQUIRED, 'at least one language is required');
  const languages = given.filter((l): l is MeetingLanguage => isOneOf(MEETING_LANGUAGES, l));
  if (languages.length !== given.length) return invalid(E.INVALID_LANGUAGE, 'unknown language');
  let minutes: { reference: string; sha256: string } | null = null;
  if (d.minutes !== undefined) {
    const reference = required(d.minutes.reference, E.MINUTES_REFERENCE_REQUIRED, 'minutes reference');
    const sha256 = typeof d.minutes.sha256 === 'string' ? d.minutes.sha256.toLowerCase() : '';
    if (!SHA256_HEX.test(sha256)) return invalid(E.INVALID_MINUTES_HASH, 'minutes hash must be a SHA-256 in hex');
    minutes = { reference, sha256 };
  }
  return [
    {
      type: 'MeetingRecorded',
      data: {
        meetingId,
        kind: d.kind,
        province: d.province,
        counterparts,
        place,
        heldAt: d.heldAt,
        participants,
        languages,
        minutes,
      },
    },
  ];
}

export function decideMeeting(command: MeetingCommand, state: MeetingState): readonly MeetingEvent[] {
  switch (command.type) {
    case 'RecordMeeting':
      return record(command, state);
    case 'AgreeAction':
    case 'CompleteAction':
    case 'DropAction':
    case 'ChangeActionDue':
      if (state.status === 'none') return refuse(E.NOT_FOUND, 'meeting not found', 'not_found');
      return decideAction(command, state);
    default:
      return assertNever(command);
  }
}
