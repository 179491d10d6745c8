import { recordPersonalDataRead } from '#audit';
import { type EventStore, type WriteContext, load } from '#event-store';
import { DataErasedError, type PersonalDataCipher } from '#security';
import { personDecider } from '../domain/person.decider.js';
import type { RegisteredPerson } from '../domain/person.state.js';
import { personStreamId } from '../person-stream.js';
import type { PersonalData } from './personal-data.js';

export interface PersonRecord {
  readonly state: RegisteredPerson;
  readonly revision: bigint;
}

/**
 * Opens personal data for someone entitled to it and records that they did, before returning
 * it: if the audit event cannot be written, the data is not shown.
 */
export class PersonReader {
  constructor(
    private readonly store: EventStore,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async find(personId: string): Promise<PersonRecord | null> {
    const loaded = await load(this.store, personDecider, personStreamId(personId));
    if (loaded.state.status === 'none' || loaded.revision === null) return null;
    return { state: loaded.state, revision: loaded.revision };
  }

  /** null when the person's key was shredded (erased). */
  async open(
    person: RegisteredPerson,
    ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
    via: string,
    purpose: string | null,
  ): Promise<PersonalData | null> {
    await recordPersonalDataRead(this.store, ctx, {
      subjectKind: 'person',
      subjectId: person.personId,
      caseId: person.caseId,
      purpose: purpose ?? 'not stated',
      via,
    });
    try {
      return await this.cipher.decrypt<PersonalData>(person.personId, person.personal);
    } catch (error) {
      if (error instanceof DataErasedError) return null;
      throw error;
    }
  }
}
