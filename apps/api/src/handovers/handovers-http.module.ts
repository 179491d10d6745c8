import { Module } from '@nestjs/common';
import {
  ConfirmHandoverHandler,
  GetHandoverHandler,
  HandoverCommandHandler,
  ProposeHandoverHandler,
} from '#handovers/application';
import { HandoversController } from './handovers.controller.js';

@Module({
  controllers: [HandoversController],
  providers: [ProposeHandoverHandler, HandoverCommandHandler, ConfirmHandoverHandler, GetHandoverHandler],
})
export class HandoversHttpModule {}
