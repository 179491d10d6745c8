import { Module } from '@nestjs/common';
import { ExchangeCommandHandler, LogMessageHandler, OpenExchangeHandler } from './exchange-command.handlers.js';

/**
 * The exchange write handlers, once per application. Both the HTTP controllers (api role) and
 * the counterpart gateway (background role) reach them through the command bus; importing this
 * module from both places keeps a single instance of each handler on the bus.
 */
@Module({
  providers: [OpenExchangeHandler, LogMessageHandler, ExchangeCommandHandler],
  exports: [OpenExchangeHandler, LogMessageHandler, ExchangeCommandHandler],
})
export class ExchangeWritesModule {}
