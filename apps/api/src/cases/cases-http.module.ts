import { Module } from '@nestjs/common';
import { CaseCommandHandler, CloseCaseHandler, GetCaseHandler, ReceiveReportHandler } from '#cases/application';
import { CasesController } from './cases.controller.js';

@Module({
  controllers: [CasesController],
  providers: [ReceiveReportHandler, CaseCommandHandler, CloseCaseHandler, GetCaseHandler],
})
export class CasesHttpModule {}
