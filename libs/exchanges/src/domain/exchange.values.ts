import type { ConsentStanding, DisclosureInput, ReleaseOfficer, ReleasePolicy, ZonedInstant } from '#shared-kernel';

/** How the thread with the counterpart runs. Off-system contacts (phone, meetings) are logged too. */
export const EXCHANGE_CHANNELS = [
  'hotline',
  'official_letter',
  'blo_meeting',
  'liaison_officer',
  'secure_email',
  'interpol_ncb',
  'phone',
  'other',
] as const;
export type ExchangeChannel = (typeof EXCHANGE_CHANNELS)[number];

export const MESSAGE_DIRECTIONS = ['outgoing', 'incoming'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export const MESSAGE_LANGUAGES = ['vi', 'zh', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** Handling codes after Europol's: H0 crime prevention use only … H3 other restrictions. */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

/** Source reliability (A/B/C/X) × information assessment (1–4), the 4×4 evaluation grid. */
export const SOURCE_EVALUATIONS = ['A', 'B', 'C', 'X'] as const;
export const INFORMATION_EVALUATIONS = [1, 2, 3, 4] as const;
export interface Evaluation {
  readonly source: (typeof SOURCE_EVALUATIONS)[number];
  readonly information: (typeof INFORMATION_EVALUATIONS)[number];
}

export interface Attachment {
  readonly name: string;
  /** Lower-case hex SHA-256 of the file; the file itself lives outside the event log. */
  readonly sha256: string;
}

/**
 * Disclosure of a victim's data needs the person's or their legal representative's consent unless a
 * law removes that need (Law 53/2024; PDPL 91/2025 treats a foreign reader as a cross-border transfer).
 */
export const CONSENT_KINDS = ['person', 'legal_representative', 'not_required_by_law'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export interface PersonalDataBasis {
  readonly legalBasis: string;
  readonly consent: ConsentKind;
}

/** What a liaison officer declares about one message, as LogMessage and OpenExchange carry it. */
/**
 * A person an outgoing message names, with the basis their data is sent on. `caseId` and
 * `consent` are looked up by the application in the persons context (the person's case, and where
 * their consent stands for `information_exchange` with this thread's counterpart).
 */
export interface NamedPerson {
  readonly personId: string;
  readonly disclosure?: DisclosureInput;
  readonly caseId?: string;
  readonly consent?: ConsentStanding;
}

export interface MessageInput {
  readonly messageId: string;
  readonly direction: MessageDirection;
  readonly subject: string;
  /** Opaque to the domain: the application may store ciphertext here. */
  readonly body: string;
  readonly language: MessageLanguage;
  readonly handlingCode: HandlingCode;
  readonly evaluation?: Evaluation;
  readonly ourReference?: string;
  readonly theirReference?: string;
  readonly attachments?: readonly Attachment[];
  readonly occurredAt: ZonedInstant;
  readonly responseDueAt?: ZonedInstant;
  /** Only outgoing messages can be drafts; a received message is a fact. */
  readonly draft?: boolean;
  /** The sender says whether the message carries personal data; the domain cannot read the body. */
  readonly carriesPersonalData: boolean;
  readonly personalData?: PersonalDataBasis;
  /** A message of the other direction in the same thread that this one answers. */
  readonly inReplyTo?: string;
  /** The persons an outgoing message names, each with the basis their data leaves on. */
  readonly persons?: readonly NamedPerson[];
  /**
   * The persons an incoming message names as data (gateway contract `persons`), each by every
   * name the counterpart gave. Personal data: the application seals it with the content.
   */
  readonly namedByCounterpart?: readonly CounterpartPerson[];
}

/** A person as the counterpart names them: only names, in whatever script they wrote. */
export interface CounterpartPerson {
  readonly names: readonly string[];
}

/** Bounds on what a counterpart may name in one message (the gateway contract states the same). */
export const COUNTERPART_PERSON_LIMITS = { persons: 20, names: 21, nameLength: 200 } as const;

// The release rule is shared with verification requests (shared kernel, release.ts).
export { RELEASE_POLICIES, type ReleasePolicy, type ReleaseOfficer } from '#shared-kernel';

/** What the application adds to a message it logs: who wrote it and the unit's release policy. */
export interface Drafting {
  readonly author: ReleaseOfficer;
  readonly releasePolicy: ReleasePolicy;
}
