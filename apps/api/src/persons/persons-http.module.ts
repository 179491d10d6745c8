import { Module } from '@nestjs/common';
import {
  GetPersonHandler,
  PersonCommandHandler,
  PersonSummariesHandler,
  RegisterPersonHandler,
} from '#persons/application';
import { PersonsController } from './persons.controller.js';

@Module({
  controllers: [PersonsController],
  providers: [RegisterPersonHandler, PersonCommandHandler, GetPersonHandler, PersonSummariesHandler],
})
export class PersonsHttpModule {}
