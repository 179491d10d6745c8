import { Command, Query } from '@nestjs/cqrs';
import type { PersonSummary, PersonView } from './person.view.js';
import type { WriteAnswer, WriteContext } from '#event-store';
import type { PersonCommand, PersonRole, PersonSupportCommand, PlaceLegalHold, ReleaseLegalHold } from '../index.js';
import type { PersonalData } from './personal-data.js';

export class RegisterPersonMessage extends Command<WriteAnswer> {
  constructor(
    readonly caseId: string,
    readonly role: PersonRole,
    readonly personal: PersonalData,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

/** Identification steps on an existing person. */
export class PersonCommandMessage extends Command<WriteAnswer> {
  constructor(
    readonly personId: string,
    readonly command: Exclude<
      PersonCommand,
      {
        type:
          | 'RegisterPerson'
          | 'CorrectPersonalData'
          | 'PlaceLegalHold'
          | 'ReleaseLegalHold'
          | PersonSupportCommand['type'];
      }
    >,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

/** Crypto-shredding: record the erasure, then destroy the person's data key. */
export class ErasePersonMessage extends Command<WriteAnswer> {
  constructor(
    readonly personId: string,
    readonly reason: string,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

/** A hold is kept in two places: the record (the fact) and the key store (which refuses to shred). */
export class LegalHoldMessage extends Command<WriteAnswer> {
  constructor(
    readonly personId: string,
    readonly command: PlaceLegalHold | ReleaseLegalHold,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

/** Support, a referral or its answer, a screening; `note` in clear is sealed by the handler. */
export class PersonSupportMessage extends Command<WriteAnswer> {
  constructor(
    readonly personId: string,
    readonly command: PersonSupportCommand,
    readonly note: string | null,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class GetPersonQuery extends Query<PersonView> {
  constructor(
    readonly personId: string,
    readonly ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
    readonly purpose: string | null,
  ) {
    super();
  }
}

/** Names of a case's persons for a case view: opened (and audited) only for roles that may. */
export class PersonSummariesQuery extends Query<PersonSummary[]> {
  constructor(
    readonly personIds: readonly string[],
    readonly ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
    readonly mayReadPersonal: boolean,
  ) {
    super();
  }
}
