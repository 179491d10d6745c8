import type { DomainEvent, ZonedInstant } from '#shared-kernel';
import type {
  ActionLinks,
  ActionOwner,
  MeetingKind,
  MeetingLanguage,
  Participant,
  RecordRef,
} from './meeting.values.js';

/**
 * A meeting held with the counterpart. `heldAt` is not called `occurredAt` on purpose: the
 * envelope's time is when it was recorded, the meeting's own time stays in the data.
 */
export type MeetingRecorded = DomainEvent<
  'MeetingRecorded',
  {
    meetingId: string;
    kind: MeetingKind;
    province: string;
    counterparts: string[];
    place: string;
    heldAt: ZonedInstant;
    participants: Participant[];
    languages: MeetingLanguage[];
    /** Where the signed bilingual minutes are filed, and the SHA-256 of that file; null when not yet filed. */
    minutes: { reference: string; sha256: string } | null;
  }
>;

export type ActionAgreed = DomainEvent<
  'ActionAgreed',
  {
    meetingId: string;
    actionId: string;
    province: string;
    what: string;
    owner: ActionOwner;
    counterpart: string;
    dueAt: ZonedInstant;
    links: ActionLinks;
  }
>;

/** Done, with the record that shows it (a handover held, a verification answered …); late is against the due time in force. */
export type ActionDone = DomainEvent<
  'ActionDone',
  { meetingId: string; actionId: string; fulfilledBy: RecordRef; doneAt: ZonedInstant; late: boolean }
>;

export type ActionDropped = DomainEvent<
  'ActionDropped',
  { meetingId: string; actionId: string; reason: string; droppedAt: ZonedInstant }
>;

export type ActionDueChanged = DomainEvent<
  'ActionDueChanged',
  { meetingId: string; actionId: string; previousDueAt: ZonedInstant; newDueAt: ZonedInstant; reason: string }
>;

export type ActionEvent = ActionAgreed | ActionDone | ActionDropped | ActionDueChanged;
export type MeetingEvent = MeetingRecorded | ActionEvent;
