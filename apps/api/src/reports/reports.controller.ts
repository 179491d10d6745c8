import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '#config';
import {
  EVENT_STORE,
  SQL_CLIENT,
  commandOf,
  type EventStore,
  type SqlClient,
  type WriteAnswer,
  type WriteContext,
} from '#event-store';
import {
  PROJECTION_PROGRESS,
  reportStatusOf,
  reportsOfYear,
  viewName,
  type ProjectionProgress,
  type ReportStatusRow,
} from '#projections';
import { compareFigures, reportDueAt, reportIdOf } from '#reports';
import { GetReportQuery, ReportCommandMessage, type LoadedReport } from '#reports/application';
import { BORDER_PROVINCES } from '#shared-kernel';
import { Act, inBodyProvince } from '../http/auth.guard.js';
import { Ctx, type AuthenticatedRequest, readContextOf } from '../http/request-context.js';
import { Versioned } from '../http/write-answer.interceptor.js';
import { ProblemError, problem } from '../http/problem.js';
import { MAX_READ_WAIT_MS } from '../read-side/read-side.tokens.js';
import { provinceFilter, visibleProvinces } from '../auth/scope-filter.js';
import { NarrativeDto, OpenReportDto, ReportStatusQueryDto, ReportsQueryDto, SubmitReportDto } from './report.dto.js';
import { compileFigures } from './report-figures.js';
import { periodOrRefuse, reportInScope } from './report-scope.js';
import { reportView, type ReportView } from './report-view.js';
import { reportXlsx } from './report-xlsx.js';
import { reportDocx } from './report-docx.js';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * Reports to the steering committee (issue 11): open, write, approve, submit, download. The
 * figures are compiled here from the statistics read side and handed to the decider in the
 * command; once submitted they are read from the report's own stream, never recompiled.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
  ) {}

  @Post()
  @Act('report.write', inBodyProvince())
  open(@Body() body: OpenReportDto, @Ctx() ctx: WriteContext): Promise<WriteAnswer> {
    const period = periodOrRefuse(body.period);
    const id = reportIdOf(body.province, period.code);
    return this.run(id, commandOf('DraftReport', { province: body.province, period }, ctx), ctx);
  }

  @Get()
  @Act('report.read')
  @ApiOkResponse({
    description: '{ items: [{ reportId, province, period, status, draftedAt, approvedAt, submittedAt }] }',
  })
  async list(@Query() q: ReportsQueryDto, @Req() req: AuthenticatedRequest): Promise<{ items: ReportStatusRow[] }> {
    const province = provinceFilter(req, q.province);
    const items = await reportsOfYear(this.sql, viewName, { year: q.year, provinces: province ? [province] : null });
    return { items };
  }

  /** Each province's stage for one period; a national reader sees all seven, a province its own. */
  @Get('status')
  @Act('report.read')
  @ApiOkResponse({ description: '{ period, dueAt, items: [{ reportId, province, status, … }] } one item per province' })
  async status(
    @Query() q: ReportStatusQueryDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<{ period: string; dueAt: string | null; items: ReportStatusRow[] }> {
    const period = periodOrRefuse(q.period);
    const provinces = visibleProvinces(req) ?? BORDER_PROVINCES;
    const items = await reportStatusOf(this.sql, viewName, { period: period.code, provinces });
    return { period: period.code, dueAt: reportDueAt(period, this.config.reportDueDates), items };
  }

  @Get(':id.xlsx')
  @Act('report.read')
  @ApiProduces(CONTENT_TYPES.xlsx)
  async xlsx(
    @Param('id') id: string,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.view(id, req);
    this.attach(reply, view, 'xlsx');
    return reportXlsx(view);
  }

  @Get(':id.docx')
  @Act('report.read')
  @ApiProduces(CONTENT_TYPES.docx)
  async docx(
    @Param('id') id: string,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.view(id, req);
    this.attach(reply, view, 'docx');
    return reportDocx(view);
  }

  @Get(':id')
  @Act('report.read')
  @ApiOkResponse({
    description: 'the report, its figures (frozen once submitted) and, once submitted, the differences',
  })
  async get(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<Versioned<ReportView>> {
    const view = await this.view(id, req);
    return new Versioned(view, view.revision);
  }

  @Post(':id/narrative')
  @HttpCode(200)
  @Act('report.write')
  narrative(
    @Param('id') id: string,
    @Body() body: NarrativeDto,
    @Req() req: AuthenticatedRequest,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    reportInScope(req, id);
    return this.run(id, commandOf('EditReportNarrative', { section: body.section, text: body.text }, ctx), ctx);
  }

  @Post(':id/approval')
  @HttpCode(200)
  @Act('report.approve')
  approve(@Param('id') id: string, @Req() req: AuthenticatedRequest, @Ctx() ctx: WriteContext): Promise<WriteAnswer> {
    reportInScope(req, id);
    return this.run(id, commandOf('ApproveReport', {}, ctx), ctx);
  }

  /** The figures are compiled at this moment and frozen in the submission. */
  @Post(':id/submission')
  @HttpCode(200)
  @Act('report.submit')
  async submit(
    @Param('id') id: string,
    @Body() body: SubmitReportDto,
    @Req() req: AuthenticatedRequest,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const { province, period } = reportInScope(req, id);
    // The frozen figures must account for everything recorded before the submission: wait
    // (bounded) until the read models reached the log's head, as a read-your-writes GET does.
    if (!(await this.progress.waitFor(await this.store.headPosition(), MAX_READ_WAIT_MS)))
      throw new ProblemError(
        problem(503, 'READ.NOT_CAUGHT_UP', 'The statistics have not caught up with the record yet; retry.'),
      );
    const figures = await compileFigures(this.sql, this.config.deadlines, { province, period, now: ctx.now });
    const document = {
      number: body.number,
      place: body.place,
      recipients: body.recipients,
      signer: { name: body.signer.name, title: body.signer.title },
    };
    return this.run(id, commandOf('SubmitReport', { figures, document }, ctx), ctx);
  }

  private async view(id: string, req: AuthenticatedRequest): Promise<ReportView> {
    const { province, period } = reportInScope(req, id);
    const { state, revision }: LoadedReport = await this.queries.execute(new GetReportQuery(id));
    const now = await compileFigures(this.sql, this.config.deadlines, {
      province,
      period,
      now: readContextOf(req).now,
    });
    const dueAt = reportDueAt(period, this.config.reportDueDates);
    if (state.status !== 'submitted') return reportView(state, revision, dueAt, now, null);
    const frozen = state.submission.figures;
    return reportView(state, revision, dueAt, frozen, compareFigures(frozen, now));
  }

  private attach(reply: FastifyReply, view: ReportView, format: 'xlsx' | 'docx'): void {
    void reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="blo-report-${view.id}.${format}"`);
  }

  private run(id: string, command: ReportCommandMessage['command'], ctx: WriteContext): Promise<WriteAnswer> {
    return this.commands.execute(new ReportCommandMessage(id, command, ctx));
  }
}
