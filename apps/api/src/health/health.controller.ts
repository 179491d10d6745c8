import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '#config';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { ProjectionProgress } from '#projections';
import { Public } from '../http/auth.guard.js';
import { PROJECTION_PROGRESS } from '../read-side/read-side.tokens.js';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(PROJECTION_PROGRESS) private readonly projections?: ProjectionProgress,
  ) {}

  @Get('health')
  @Public()
  async health(): Promise<{
    status: 'ok';
    eventStore: string;
    headPosition: string;
    projections: { name: string; position: string; lag: string }[];
  }> {
    const head = await this.store.headPosition();
    const projections = ((await this.projections?.projectionStatus()) ?? []).map((p) => ({
      name: p.name,
      position: p.position.toString(),
      lag: p.lag.toString(),
    }));
    return { status: 'ok', eventStore: this.config.eventStore, headPosition: head.toString(), projections };
  }
}
