import { Module } from '@nestjs/common';
import {
  ErasePersonHandler,
  GetPersonHandler,
  PersonCommandHandler,
  PersonSummariesHandler,
  RegisterPersonHandler,
} from '#persons/application';
import { PersonsController } from './persons.controller.js';

@Module({
  controllers: [PersonsController],
  providers: [
    ErasePersonHandler,
    RegisterPersonHandler,
    PersonCommandHandler,
    GetPersonHandler,
    PersonSummariesHandler,
  ],
})
export class PersonsHttpModule {}
