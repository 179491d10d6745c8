import { Module } from '@nestjs/common';
import { ExchangeWritesModule, GetExchangeHandler } from '#exchanges/application';
import { ExchangesController } from './exchanges.controller.js';

@Module({
  imports: [ExchangeWritesModule],
  controllers: [ExchangesController],
  providers: [GetExchangeHandler],
})
export class ExchangesHttpModule {}
