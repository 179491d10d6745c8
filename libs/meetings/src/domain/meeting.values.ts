/** The kinds of meeting with a counterpart that the provincial plans name (issue 11). */
export const MEETING_KINDS = ['annual_talks', 'blo_meeting', 'working_session', 'campaign_briefing'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** The working languages of a meeting: Vietnamese, Chinese, and English where an interpreter used it. */
export const MEETING_LANGUAGES = ['vi', 'zh', 'en'] as const;
export type MeetingLanguage = (typeof MEETING_LANGUAGES)[number];

/** Our side (Vietnam) or the counterpart's (China). */
export const SIDES = ['vn', 'cn'] as const;
export type Side = (typeof SIDES)[number];

/** Who on our side carries an agreed action: a named officer (user id) or a whole unit (unit code). */
export const OWNER_KINDS = ['user', 'unit'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** The records an action may be linked to, and that may fulfil it. */
export const RECORD_KINDS = ['case', 'person', 'handover', 'verification', 'exchange'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Whom a campaign's subtotals cover: the recording province, or every province (a ministries' campaign). */
export const CAMPAIGN_COVERAGES = ['province', 'national'] as const;
export type CampaignCoverage = (typeof CAMPAIGN_COVERAGES)[number];

export const SHA256_HEX = /^[0-9a-f]{64}$/;
/** A calendar day (Vietnam), as campaigns are announced: 2026-04-01. */
export const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Limits that keep one meeting a bounded record. */
export const MAX_PARTICIPANTS = 60;
export const MAX_COUNTERPARTS = 10;
export const MAX_LINKS = 50;
export const MAX_ACTIONS = 200;

/** An official at the table: plain text (officials act in their public capacity), never on Kafka. */
export interface Participant {
  readonly side: Side;
  readonly name: string;
  readonly role: string;
}

export interface ActionOwner {
  readonly kind: OwnerKind;
  /** A user id or a unit code. */
  readonly id: string;
}

/** Records an action concerns; each list is deduplicated and may be empty. */
export interface ActionLinks {
  readonly caseIds: readonly string[];
  readonly personIds: readonly string[];
  readonly handoverIds: readonly string[];
  readonly verificationIds: readonly string[];
}

export interface RecordRef {
  readonly kind: RecordKind;
  readonly id: string;
}

export const NO_LINKS: ActionLinks = { caseIds: [], personIds: [], handoverIds: [], verificationIds: [] };
