import type { WriteContext } from '#event-store';
import type { PersonCommand, PersonRole } from '../index.js';
import type { PersonalData } from './personal-data.js';

export class RegisterPersonMessage {
  constructor(
    readonly caseId: string,
    readonly role: PersonRole,
    readonly personal: PersonalData,
    readonly ctx: WriteContext,
  ) {}
}

/** Identification steps on an existing person. */
export class PersonCommandMessage {
  constructor(
    readonly personId: string,
    readonly command: Exclude<PersonCommand, { type: 'RegisterPerson' | 'CorrectPersonalData' }>,
    readonly ctx: WriteContext,
  ) {}
}

/** Crypto-shredding: record the erasure, then destroy the person's data key. */
export class ErasePersonMessage {
  constructor(
    readonly personId: string,
    readonly reason: string,
    readonly ctx: WriteContext,
  ) {}
}

export class GetPersonQuery {
  constructor(
    readonly personId: string,
    readonly ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
    readonly purpose: string | null,
  ) {}
}

/** Names of a case's persons for a case view: opened (and audited) only for roles that may. */
export class PersonSummariesQuery {
  constructor(
    readonly personIds: readonly string[],
    readonly ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
    readonly mayReadPersonal: boolean,
  ) {}
}
