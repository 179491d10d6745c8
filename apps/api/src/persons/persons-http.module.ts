import { Module } from '@nestjs/common';
import { ProjectionsModule } from '#projections';
import {
  ErasePersonHandler,
  GetPersonHandler,
  LegalHoldHandler,
  PersonCommandHandler,
  PersonSummariesHandler,
  PersonSupportHandler,
  RegisterPersonHandler,
} from '#persons/application';
import { PersonSupportController } from './person-support.controller.js';
import { PersonsController } from './persons.controller.js';
import { MessageDuplicatesController } from './message-duplicates.controller.js';
import { PossibleDuplicatesController } from './possible-duplicates.controller.js';
import { PossibleDuplicatesFinder } from './possible-duplicates.finder.js';

@Module({
  // The name index and read-side progress, for possible duplicates (issue 12).
  imports: [ProjectionsModule],
  controllers: [PersonsController, PersonSupportController, PossibleDuplicatesController, MessageDuplicatesController],
  providers: [
    PossibleDuplicatesFinder,
    ErasePersonHandler,
    LegalHoldHandler,
    RegisterPersonHandler,
    PersonCommandHandler,
    GetPersonHandler,
    PersonSummariesHandler,
    PersonSupportHandler,
  ],
})
export class PersonsHttpModule {}
