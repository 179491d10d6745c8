import { Module } from '@nestjs/common';
import { BoardsController } from './boards.controller.js';
import { deadlineLimitsProvider } from './deadline-limits.provider.js';

/** The read side's boards: deadline board, periodic statistics, audit log. */
@Module({
  controllers: [BoardsController],
  providers: [deadlineLimitsProvider],
})
export class BoardsModule {}
