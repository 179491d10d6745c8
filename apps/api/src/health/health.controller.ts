import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '#config';
import { EVENT_STORE, type EventStore } from '#event-store';
import { Public } from '../http/auth.guard.js';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('health')
  @Public()
  async health(): Promise<{ status: 'ok'; eventStore: string; headPosition: string }> {
    const head = await this.store.headPosition();
    return { status: 'ok', eventStore: this.config.eventStore, headPosition: head.toString() };
  }
}
