import type { DomainCommand } from '#shared-kernel';
import type { PersonProtectionCommand } from './person.protection.commands.js';
import type { PersonSupportCommand } from './person.support.commands.js';
import type { AgeBand, PersonRole } from './person.values.js';

/** The application seals the personal data with the person's own key before building this. */
export type RegisterPerson = DomainCommand<
  'RegisterPerson',
  { personId: string; caseId: string; role: PersonRole; ageBand: AgeBand; personal: string }
>;

export type BeginIdentification = DomainCommand<'BeginIdentification', { basis?: string }>;

export type ConfirmVictim = DomainCommand<'ConfirmVictim', { evidenceBases: readonly string[]; documentRef?: string }>;

export type ConcludeNotConfirmed = DomainCommand<'ConcludeNotConfirmed', { reason: string }>;

export type ReopenIdentification = DomainCommand<'ReopenIdentification', { newEvidence: string }>;

export type CorrectPersonalData = DomainCommand<'CorrectPersonalData', { personal: string }>;

/** Issued by the application right before it shreds the person's key. */
export type RecordErasure = DomainCommand<'RecordErasure', { reason: string }>;

export type PersonCommand =
  | PersonProtectionCommand
  | PersonSupportCommand
  | RecordErasure
  | RegisterPerson
  | BeginIdentification
  | ConfirmVictim
  | ConcludeNotConfirmed
  | ReopenIdentification
  | CorrectPersonalData;

export type PersonCommandType = PersonCommand['type'];

export type * from './person.protection.commands.js';
export type * from './person.support.commands.js';
