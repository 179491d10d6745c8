import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import { PERSONAL_DATA_CIPHER, type PersonalDataCipher } from '#security';
import { PersonSummariesQuery } from './person.messages.js';
import { PersonReader } from './person-reader.js';
import { consentView, type PersonSummary } from './person.view.js';
import { referralView, screeningView, supportView } from './person-support.view.js';

@QueryHandler(PersonSummariesQuery)
export class PersonSummariesHandler implements IQueryHandler<PersonSummariesQuery, PersonSummary[]> {
  private readonly reader: PersonReader;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(PERSONAL_DATA_CIPHER) cipher: PersonalDataCipher) {
    this.reader = new PersonReader(store, cipher);
  }

  async execute({ personIds, ctx, mayReadPersonal }: PersonSummariesQuery): Promise<PersonSummary[]> {
    const out: PersonSummary[] = [];
    for (const id of personIds) {
      const person = await this.reader.find(id);
      if (!person) continue;
      const { state } = person;
      const personal = mayReadPersonal ? await this.reader.open(state, ctx, 'GET /cases/{id}', 'case view') : null;
      out.push({
        id,
        role: state.role,
        status: state.status,
        ageBand: state.ageBand,
        fullName: personal?.fullName ?? null,
        masked: !mayReadPersonal,
        erased: mayReadPersonal && personal === null,
        legalHold: state.legalHold ? { proceedingsRef: state.legalHold.proceedingsRef } : null,
        consents: (state.consents ?? []).map(consentView),
        support: (state.supports ?? []).map(supportView),
        referrals: (state.referrals ?? []).map(referralView),
        screenings: (state.screenings ?? []).map(screeningView),
      });
    }
    return out;
  }
}
