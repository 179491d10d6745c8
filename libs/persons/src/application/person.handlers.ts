import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseLinkWrite } from '#cases/application';
import { EVENT_STORE, type EventStore, type WriteAnswer, commandOf, handle } from '#event-store';
import { PERSONAL_DATA_CIPHER, type PersonalDataCipher } from '#security';
import { DomainError, newId } from '#shared-kernel';
import type { RegisterPerson } from '../domain/person.commands.js';
import { ageBandOf } from './personal-data.js';
import { GetPersonQuery, PersonCommandMessage, RegisterPersonMessage } from './person.messages.js';
import { PersonReader } from './person-reader.js';
import type { PersonView } from './person.view.js';
import { personView } from './person.view.js';
import { personAggregate } from './person-aggregate.js';
import { openNotes } from './person-support.handler.js';

@CommandHandler(RegisterPersonMessage)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonMessage, WriteAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ caseId, role, personal, ctx }: RegisterPersonMessage): Promise<WriteAnswer> {
    const personId = newId();
    // Sealed before it reaches any event: the plaintext never leaves this function.
    const sealed = await this.cipher.encrypt(personId, personal);
    const command = commandOf<RegisterPerson>(
      'RegisterPerson',
      { personId, caseId, role, ageBand: ageBandOf(personal.dateOfBirth, role, ctx.now), personal: sealed },
      ctx,
    );
    return handle({
      ...personAggregate(this.store, personId),
      command,
      ctx,
      caseId,
      linked: async () => [
        await caseLinkWrite(this.store, caseId, { type: 'LinkPerson', data: { personId, role } }, ctx),
      ],
    });
  }
}

@CommandHandler(PersonCommandMessage)
export class PersonCommandHandler implements ICommandHandler<PersonCommandMessage, WriteAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ personId, command, ctx }: PersonCommandMessage): Promise<WriteAnswer> {
    return handle({
      ...personAggregate(this.store, personId),
      command,
      ctx,
      caseId: (state) => (state.status === 'none' ? undefined : state.caseId),
    });
  }
}

@QueryHandler(GetPersonQuery)
export class GetPersonHandler implements IQueryHandler<GetPersonQuery, PersonView> {
  private readonly reader: PersonReader;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {
    this.reader = new PersonReader(store, cipher);
  }

  async execute({ personId, ctx, purpose }: GetPersonQuery): Promise<PersonView> {
    const person = await this.reader.find(personId);
    if (!person) throw new DomainError('PERSON.NOT_FOUND', 'no person with this id', 'not_found');
    const personal = await this.reader.open(person.state, ctx, 'GET /persons/{id}', purpose);
    // The notes are opened only after the read was audited (reader.open above) and with the same key.
    return personView(person.state, person.revision, personal, await openNotes(this.cipher, person.state));
  }
}
