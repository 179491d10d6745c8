import { Body, Controller, Get, Inject, Param, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SQL_CLIENT, commandOf, type SqlClient, type WriteAnswer, type WriteContext } from '#event-store';
import {
  ActionCommandMessage,
  AgreeActionMessage,
  GetMeetingQuery,
  RecordCampaignMessage,
  RecordMeetingMessage,
  type MeetingView,
} from '#meetings/application';
import {
  campaignList,
  meetingList,
  meetingStatistics,
  parsePeriod,
  viewName,
  type CampaignEntry,
  type MeetingListEntry,
  type MeetingStatistics,
} from '#projections';
import { parseZoned } from '#shared-kernel';
import { provinceFilter, visibleProvinces } from '../auth/scope-filter.js';
import { DEADLINE_LIMITS, type DeadlineLimits } from '../boards/deadline-limits.provider.js';
import { Act, inBodyProvince, onParam } from '../http/auth.guard.js';
import { badRequest } from '../http/problem.js';
import { Ctx, type AuthenticatedRequest, readContextOf } from '../http/request-context.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { Versioned } from '../http/write-answer.interceptor.js';
import { ActionAnswerInterceptor } from './action-answer.interceptor.js';
import {
  AgreeActionDto,
  ChangeActionDueDto,
  CompleteActionDto,
  DropActionDto,
  MeetingListQueryDto,
  MeetingStatisticsQueryDto,
  RecordCampaignDto,
  RecordMeetingDto,
} from './meeting.dto.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(DEADLINE_LIMITS) private readonly limits: DeadlineLimits,
  ) {}

  @Post('meetings')
  @Act('meeting.write', inBodyProvince())
  record(@Body() body: RecordMeetingDto, @Ctx() ctx: WriteContext): Promise<WriteAnswer> {
    const data = {
      kind: body.kind,
      province: body.province,
      counterparts: body.counterparts,
      place: body.place,
      heldAt: parseZoned(body.heldAt),
      participants: body.participants.map((p) => ({ side: p.side, name: p.name, role: p.role })),
      languages: body.languages,
      ...(body.minutes ? { minutes: { reference: body.minutes.reference, sha256: body.minutes.sha256 } } : {}),
    };
    return this.commands.execute(new RecordMeetingMessage(data, ctx));
  }

  @Get('meetings')
  @Act('meeting.read')
  @ApiOkResponse({
    description: '{ items: [{ meetingId, province, kind, counterparts, heldAt, actions }] }, latest first',
  })
  async list(
    @Query() q: MeetingListQueryDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<{ items: MeetingListEntry[] }> {
    const province = provinceFilter(req, q.province);
    return { items: await meetingList(this.sql, viewName, { now: new Date(), province, limit: 200 }) };
  }

  @Get('meetings/:id')
  @Act('meeting.read', onParam('meeting'))
  async get(@Param('id', UuidParamPipe) id: string, @Req() req: AuthenticatedRequest): Promise<Versioned<MeetingView>> {
    const view = await this.queries.execute(new GetMeetingQuery(id, readContextOf(req)));
    return new Versioned(view, view.revision);
  }

  @Post('meetings/:id/actions')
  @Act('meeting.write', onParam('meeting'))
  @UseInterceptors(ActionAnswerInterceptor)
  agree(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: AgreeActionDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const links = body.links ?? {};
    const lower = (ids: string[] | undefined) => (ids ?? []).map((v) => v.toLowerCase());
    const data = {
      what: body.what,
      owner: { kind: body.owner.kind, id: body.owner.id },
      counterpart: body.counterpart,
      dueAt: parseZoned(body.dueAt),
      links: {
        caseIds: lower(links.caseIds),
        personIds: lower(links.personIds),
        handoverIds: lower(links.handoverIds),
        verificationIds: lower(links.verificationIds),
      },
    };
    return this.commands.execute(new AgreeActionMessage(id, data, ctx));
  }

  @Post('meetings/:id/actions/:actionId/done')
  @Act('meeting.write', onParam('meeting'))
  done(
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
    @Body() body: CompleteActionDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = {
      actionId,
      fulfilledBy: { kind: body.fulfilledBy.kind, id: body.fulfilledBy.id.toLowerCase() },
      doneAt: parseZoned(body.doneAt),
    };
    return this.run(id, commandOf('CompleteAction', data, ctx), ctx);
  }

  @Post('meetings/:id/actions/:actionId/drop')
  @Act('meeting.write', onParam('meeting'))
  drop(
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
    @Body() body: DropActionDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(id, commandOf('DropAction', { actionId, reason: body.reason }, ctx), ctx);
  }

  @Post('meetings/:id/actions/:actionId/due')
  @Act('meeting.write', onParam('meeting'))
  changeDue(
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
    @Body() body: ChangeActionDueDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { actionId, newDueAt: parseZoned(body.newDueAt), reason: body.reason };
    return this.run(id, commandOf('ChangeActionDue', data, ctx), ctx);
  }

  @Post('campaigns')
  @Act('campaign.write', inBodyProvince())
  recordCampaign(@Body() body: RecordCampaignDto, @Ctx() ctx: WriteContext): Promise<WriteAnswer> {
    const data = {
      name: body.name,
      province: body.province,
      coverage: body.coverage,
      counterparts: body.counterparts,
      from: body.from,
      to: body.to,
    };
    return this.commands.execute(new RecordCampaignMessage(data, ctx));
  }

  @Get('campaigns')
  @Act('meeting.read')
  @ApiOkResponse({ description: '{ items: [{ campaignId, name, province, coverage, counterparts, from, to }] }' })
  async campaigns(@Req() req: AuthenticatedRequest): Promise<{ items: CampaignEntry[] }> {
    const provinces = visibleProvinces(req);
    return { items: await campaignList(this.sql, viewName, { province: provinces?.[0] ?? null }) };
  }

  /** Meetings held and actions done on time, late or dropped in a period, with each campaign's subtotals. */
  @Get('reports/meetings')
  @Act('statistics.read')
  async statistics(
    @Query() q: MeetingStatisticsQueryDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<MeetingStatistics> {
    const period = parsePeriod(q.period);
    if (!period)
      throw badRequest('REQUEST.INVALID', 'The request has invalid fields.', [
        { field: 'period', message: 'period must be a year from 2000 to 2100, with an optional -Qn or -Hn' },
      ]);
    const province = provinceFilter(req, q.province);
    return meetingStatistics(this.sql, viewName, { period, province, now: new Date() }, this.limits);
  }

  private run(id: string, command: ActionCommandMessage['command'], ctx: WriteContext): Promise<WriteAnswer> {
    return this.commands.execute(new ActionCommandMessage(id, command, ctx));
  }
}
