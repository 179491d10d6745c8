import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type WriteAnswer, handle } from '#event-store';
import { DataErasedError, PERSONAL_DATA_CIPHER, type PersonalDataCipher } from '#security';
import type { PersonSupportCommand } from '../domain/person.support.commands.js';
import type { RegisteredPerson } from '../domain/person.state.js';
import { PersonSupportMessage } from './person.messages.js';
import { personAggregate } from './person-aggregate.js';

/**
 * Support, referrals and screenings. A note about the person (their health, the relatives a child
 * returns to) is sealed with the person's own key here, before any event holds it, exactly like
 * the personal data at registration: erasure then reaches it with the rest.
 */
@CommandHandler(PersonSupportMessage)
export class PersonSupportHandler implements ICommandHandler<PersonSupportMessage, WriteAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ personId, command, note, ctx }: PersonSupportMessage): Promise<WriteAnswer> {
    const sealed = note ? await this.cipher.encrypt(personId, { note }) : undefined;
    const withNote = (
      sealed ? { ...command, data: { ...command.data, note: sealed } } : command
    ) as PersonSupportCommand;
    return handle({
      ...personAggregate(this.store, personId),
      command: withNote,
      ctx,
      caseId: (state) => (state.status === 'none' ? undefined : state.caseId),
    });
  }
}

/**
 * Opens the sealed notes of support and referrals for a read that was already audited (the
 * caller opened the personal data first). An erased person's notes are gone: null.
 */
export async function openNotes(
  cipher: PersonalDataCipher,
  person: RegisteredPerson,
): Promise<{ supports: Map<string, string | null>; referrals: Map<string, string | null> }> {
  const open = async (envelope: string | null): Promise<string | null> => {
    if (envelope === null || person.erased) return null;
    try {
      return (await cipher.decrypt<{ note: string }>(person.personId, envelope)).note;
    } catch (error) {
      if (error instanceof DataErasedError) return null;
      throw error;
    }
  };
  const supports = new Map<string, string | null>();
  for (const s of person.supports ?? []) supports.set(s.supportId, await open(s.note));
  const referrals = new Map<string, string | null>();
  for (const r of person.referrals ?? []) referrals.set(r.referralId, await open(r.note));
  return { supports, referrals };
}
