import { Module } from '@nestjs/common';
import {
  CaseCommandHandler,
  CaseIntegrityHandler,
  CloseCaseHandler,
  GetCaseHandler,
  ReceiveReportHandler,
} from '#cases/application';
import { CasesController } from './cases.controller.js';

@Module({
  controllers: [CasesController],
  providers: [ReceiveReportHandler, CaseCommandHandler, CloseCaseHandler, GetCaseHandler, CaseIntegrityHandler],
})
export class CasesHttpModule {}
