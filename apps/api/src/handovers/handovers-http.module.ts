import { Module } from '@nestjs/common';
import {
  ConfirmHandoverHandler,
  GetHandoverHandler,
  HandoverCommandHandler,
  ProposeHandoverHandler,
} from '#handovers/application';
import { HandoversController } from './handovers.controller.js';
import { HandoversListController } from './handovers-list.controller.js';

@Module({
  controllers: [HandoversController, HandoversListController],
  providers: [ProposeHandoverHandler, HandoverCommandHandler, ConfirmHandoverHandler, GetHandoverHandler],
})
export class HandoversHttpModule {}
