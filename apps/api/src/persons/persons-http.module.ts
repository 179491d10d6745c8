import { Module } from '@nestjs/common';
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

@Module({
  controllers: [PersonsController, PersonSupportController],
  providers: [
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
