import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { v5 as uuidv5 } from 'uuid';
import { recordAudit } from '#audit';
import { APP_CONFIG, type AppConfig } from '#config';
import { EVENT_STORE, SQL_CLIENT, type EventStore, type SqlClient } from '#event-store';
import { CheckpointRecorder } from '#integrity';
import {
  auditLog,
  awaitingRelease,
  decodeAuditCursor,
  deadlineBoard,
  parsePeriod,
  periodStatistics,
  publish,
  toCsv,
  toXlsx,
  viewName,
  type AuditPage,
  type AwaitingRelease,
  type DeadlineBoard,
} from './boards.read-models.js';
import { BORDER_PROVINCES, parseZoned } from '#shared-kernel';
import { reportsDue, type ReportDue } from './report-deadlines.js';
import {
  agreedActionsBoard,
  meetingFigures,
  withMeetings,
  type AgreedActionsBoard,
  type PublishedWithMeetings,
} from '#projections';
import { Act } from '../http/auth.guard.js';
import { badRequest } from '../http/problem.js';
import { integrityProblem } from '../integrity/integrity.problems.js';
import { type AuthenticatedRequest, readContextOf } from '../http/request-context.js';
import { provinceFilter, visibleProvinces } from '../auth/scope-filter.js';
import { AuditQueryDto, DeadlinesQueryDto, StatisticsQueryDto } from './boards.dto.js';
import { DEADLINE_LIMITS, parseIsoDuration, type DeadlineLimits } from './deadline-limits.provider.js';

/** Every export of one period is recorded in one audit stream, named by a UUID derived from the period. */
const STATISTICS_AUDIT_NAMESPACE = '6f1d7f0e-3c52-4b8e-9a51-0b10c0ffee11';
export const statisticsAuditSubject = (period: string): string =>
  uuidv5(`statistics:${period}`, STATISTICS_AUDIT_NAMESPACE);

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

@ApiTags('boards')
@ApiBearerAuth()
@Controller()
export class BoardsController {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DEADLINE_LIMITS) private readonly limits: DeadlineLimits,
    @Inject(CheckpointRecorder) private readonly checkpoints: CheckpointRecorder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('deadlines')
  @Act('deadlines.read')
  @ApiOkResponse({
    description:
      '{ now, dueSoonUntil, overdue: [...], dueSoon: [...], totals, awaitingRelease: [...] }; overdue is derived ' +
      'from now; awaitingRelease lists the drafts held for a second officer’s release, oldest first; ' +
      'agreedActions: { overdue, dueSoon } of actions agreed at meetings; reports: the reports to the steering ' +
      'committee still owed (REPORT_DUE_DATES), overdue first',
  })
  async deadlines(
    @Query() q: DeadlinesQueryDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<
    DeadlineBoard & { awaitingRelease: AwaitingRelease[]; agreedActions: AgreedActionsBoard; reports: ReportDue[] }
  > {
    const province = provinceFilter(req, q.province);
    let withinMs = this.limits.dueSoonDefaultMs;
    if (q.within !== undefined) {
      const ms = parseIsoDuration(q.within);
      if (ms === null || ms <= 0 || ms > this.limits.dueSoonMaxMs)
        throw badRequest('REQUEST.INVALID', 'The request has invalid fields.', [
          {
            field: 'within',
            message: 'within must be a positive ISO-8601 duration no longer than the configured maximum',
          },
        ]);
      withinMs = ms;
    }
    const board = await deadlineBoard(
      this.sql,
      viewName,
      { now: new Date(), withinMs, province, limit: q.limit ?? 200 },
      this.limits,
    );
    // A unit's drafts wait for a colleague of the same unit: each reader sees their province's only.
    const queue = await awaitingRelease(this.sql, viewName, { province, limit: q.limit ?? 200 });
    // Actions agreed at meetings with the counterpart (issue 11), from their own read model.
    const agreedActions = await agreedActionsBoard(this.sql, viewName, {
      now: new Date(board.now),
      withinMs,
      province,
      limit: q.limit ?? 200,
    });
    // Reports to the steering committee still owed by the provinces in view (issue 11).
    const reports = await reportsDue(this.sql, viewName, {
      now: new Date(board.now),
      provinces: province ? [province] : BORDER_PROVINCES,
      schedule: this.config.reportDueDates,
    });
    return { ...board, awaitingRelease: queue, agreedActions, reports };
  }

  /**
   * Every answer is an export (JSON, CSV or XLSX): small counts are suppressed and the export is
   * recorded before the figures leave the service; if the audit cannot be written, nothing is sent.
   */
  @Get('reports/statistics')
  @Act('statistics.read')
  @ApiProduces('application/json', CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
  async statistics(
    @Query() q: StatisticsQueryDto,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublishedWithMeetings | string | Buffer> {
    const period = parsePeriod(q.period);
    if (!period)
      throw badRequest('REQUEST.INVALID', 'The request has invalid fields.', [
        { field: 'period', message: 'period must be a year from 2000 to 2100, with an optional -Qn or -Hn' },
      ]);
    const format = q.format ?? 'json';
    const province = provinceFilter(req, q.province);
    const ctx = readContextOf(req);
    const report = await periodStatistics(this.sql, viewName, { period, province, now: ctx.now }, this.limits);
    // The meetings with the counterpart of the same period and scope, suppressed like the rest (issue 11).
    const meetings = await meetingFigures(this.sql, viewName, { period, province, now: ctx.now });
    const published = withMeetings(publish(report), meetings);
    await recordAudit(this.store, ctx, statisticsAuditSubject(period.code), [
      { type: 'StatisticsExported', data: { period: period.code, format, purpose: q.purpose ?? null, province } },
    ]);
    // Every submission is sealed by a signed checkpoint that covers it and the record it was
    // computed from (ADR 0009); like the audit, no checkpoint means nothing is sent.
    const sealed = await this.checkpoints
      .record({ trigger: 'statistics_export', actor: ctx.actor, correlationId: ctx.correlationId })
      .catch((error: unknown) => {
        throw integrityProblem(error);
      });
    if (sealed)
      void reply.header(
        'blo-checkpoint',
        `seq=${sealed.checkpoint.seq}; position=${sealed.checkpoint.headPosition}; hash=${sealed.hash}`,
      );
    if (format === 'json') return published;
    const name = `blo-statistics-${period.code}${province ? `-${province}` : ''}.${format}`;
    void reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${name}"`);
    return format === 'csv' ? toCsv(published) : toXlsx(published);
  }

  @Get('audit')
  @Act('audit.read')
  @ApiOkResponse({
    description: '{ items: [{ position, at, local, type, actor, subject, caseId, purpose, via, details }], next }',
  })
  async audit(@Query() q: AuditQueryDto, @Req() req: AuthenticatedRequest): Promise<AuditPage> {
    if (q.cursor !== undefined && decodeAuditCursor(q.cursor) === null)
      throw badRequest('REQUEST.INVALID', 'The request has invalid fields.', [
        { field: 'cursor', message: 'cursor must be a cursor returned by this endpoint' },
      ]);
    return auditLog(this.sql, viewName, {
      subjectId: q.subjectId ?? null,
      actor: q.actor ?? null,
      from: q.from ? new Date(parseZoned(q.from).at) : null,
      to: q.to ? new Date(parseZoned(q.to).at) : null,
      cursor: q.cursor ?? null,
      limit: q.limit ?? 50,
      provinces: visibleProvinces(req),
    });
  }
}
