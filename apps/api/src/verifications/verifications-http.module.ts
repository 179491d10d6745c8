import { Module } from '@nestjs/common';
import {
  GetVerificationHandler,
  RequestVerificationHandler,
  VerificationCommandHandler,
} from '#verifications/application';
import { VerificationsController } from './verifications.controller.js';

@Module({
  controllers: [VerificationsController],
  providers: [RequestVerificationHandler, VerificationCommandHandler, GetVerificationHandler],
})
export class VerificationsHttpModule {}
