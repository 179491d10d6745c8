import { Module } from '@nestjs/common';
import {
  ExchangeCommandHandler,
  GetExchangeHandler,
  LogMessageHandler,
  OpenExchangeHandler,
} from '#exchanges/application';
import { ExchangesController } from './exchanges.controller.js';

@Module({
  controllers: [ExchangesController],
  providers: [OpenExchangeHandler, LogMessageHandler, ExchangeCommandHandler, GetExchangeHandler],
})
export class ExchangesHttpModule {}
