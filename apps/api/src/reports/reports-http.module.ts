import { Module } from '@nestjs/common';
import { ProjectionsModule } from '#projections';
import { GetReportHandler, ReportCommandHandler } from '#reports/application';
import { ReportsController } from './reports.controller.js';

/** Reports to the steering committee: the write side over HTTP, the documents, the status board. */
@Module({
  imports: [ProjectionsModule],
  controllers: [ReportsController],
  providers: [ReportCommandHandler, GetReportHandler],
})
export class ReportsHttpModule {}
