import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '#event-store';
import { Act } from '../http/auth.guard.js';
import { HTTP_METRICS, type HttpMetrics } from './http-metrics.js';

@ApiTags('operations')
@ApiBearerAuth()
@Controller()
export class MetricsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HTTP_METRICS) private readonly http: HttpMetrics,
  ) {}

  /**
   * Prometheus text; counts only, no ids and no personal data. Still administrators only: request
   * rates per route, memory and the log's head describe the deployment and its workload. A
   * Prometheus scrape job sends an admin's bearer token (authorization.credentials_file).
   */
  @Get('metrics')
  @Act('ops.read')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(): Promise<string> {
    const head = await this.store.headPosition();
    const mem = process.memoryUsage();
    return [
      '# HELP blo_event_store_head_position Global position of the last committed event.',
      '# TYPE blo_event_store_head_position gauge',
      `blo_event_store_head_position ${head.toString()}`,
      '# HELP blo_process_resident_memory_bytes Resident set size.',
      '# TYPE blo_process_resident_memory_bytes gauge',
      `blo_process_resident_memory_bytes ${mem.rss}`,
      this.http.render(),
      '',
    ].join('\n');
  }
}
