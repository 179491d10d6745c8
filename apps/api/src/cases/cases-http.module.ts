import { Module } from '@nestjs/common';
import {
  CaseCommandHandler,
  CloseCaseHandler,
  GetCaseHandler,
  OPEN_ITEMS,
  ReceiveReportHandler,
} from '#cases/application';
import { CaseIntegrityHandler } from '#integrity';
import { CasesController } from './cases.controller.js';
import { OpenItemsReader } from './open-items.reader.js';

@Module({
  controllers: [CasesController],
  providers: [
    ReceiveReportHandler,
    CaseCommandHandler,
    CloseCaseHandler,
    GetCaseHandler,
    CaseIntegrityHandler,
    { provide: OPEN_ITEMS, useClass: OpenItemsReader },
  ],
})
export class CasesHttpModule {}
