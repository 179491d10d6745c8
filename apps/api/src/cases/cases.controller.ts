import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CaseCommandMessage, CloseCaseMessage, GetCaseQuery, ReceiveReportMessage } from '#cases/application';
import { CaseIntegrityQuery, type CaseIntegrity } from '#integrity';
import { PersonSummariesQuery } from '#persons/application';
import { can } from '#security';
import { commandOf, type WriteAnswer, type WriteContext } from '#event-store';
import { parseZoned } from '#shared-kernel';
import { Act, onParam, inBodyProvince } from '../http/auth.guard.js';
import { Ctx, type AuthenticatedRequest, readContextOf } from '../http/request-context.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { Versioned } from '../http/write-answer.interceptor.js';
import { integrityProblem } from '../integrity/integrity.problems.js';
import { ClassifyCaseDto, CloseCaseDto, CreateCaseDto, OpenCaseDto, ReasonDto, ResolveCaseDto } from './case.dto.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Act('case.create', inBodyProvince())
  create(@Body() body: CreateCaseDto, @Ctx() ctx: WriteContext): Promise<WriteAnswer> {
    const data = {
      channel: body.channel,
      province: body.province,
      summary: body.summary,
      occurredAt: parseZoned(body.occurredAt),
      receivingUnit: body.receivingUnit ?? ctx.actor.unitId,
    };
    return this.commands.execute(new ReceiveReportMessage(data, ctx));
  }

  @Get(':id')
  @Act('case.read', onParam('case'))
  async get(@Param('id', UuidParamPipe) id: string, @Req() req: AuthenticatedRequest): Promise<Versioned<unknown>> {
    const ctx = readContextOf(req);
    const view = await this.queries.execute(new GetCaseQuery(id, ctx));
    // Names are shown only to roles that may read personal data, and each such read is audited.
    const persons = await this.queries.execute(
      new PersonSummariesQuery(
        view.persons.map((p) => p.id),
        ctx,
        can([ctx.actor.role], 'person.read_personal'),
      ),
    );
    return new Versioned({ ...view, persons }, view.revision);
  }

  @Get(':id/integrity')
  @Act('case.read', onParam('case'))
  async integrity(@Param('id', UuidParamPipe) id: string): Promise<CaseIntegrity> {
    try {
      return await this.queries.execute(new CaseIntegrityQuery(id));
    } catch (error) {
      // A report or a problem, never a 500: tampering is reported in the body, anything else is 503.
      throw integrityProblem(error);
    }
  }

  @Post(':id/classification')
  @Act('case.classify', onParam('case'))
  classify(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ClassifyCaseDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(
      id,
      commandOf(
        'ClassifyCase',
        { classification: body.classification, ...(body.note ? { note: body.note } : {}) },
        ctx,
      ),
      ctx,
    );
  }

  @Post(':id/open')
  @Act('case.open', onParam('case'))
  open(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: OpenCaseDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(id, commandOf('OpenCase', body.reason ? { reason: body.reason } : {}, ctx), ctx);
  }

  @Post(':id/resolution')
  @Act('case.resolve', onParam('case'))
  resolve(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ResolveCaseDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(id, commandOf('ResolveCase', { resolution: body.resolution }, ctx), ctx);
  }

  @Post(':id/close')
  @Act('case.close', onParam('case'))
  close(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: CloseCaseDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.commands.execute(
      new CloseCaseMessage(id, { reason: body.reason, override: body.override ?? false }, ctx),
    );
  }

  @Post(':id/reopen')
  @Act('case.reopen', onParam('case'))
  reopen(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ReasonDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(id, commandOf('ReopenCase', { reason: body.reason }, ctx), ctx);
  }

  private run(id: string, command: CaseCommandMessage['command'], ctx: WriteContext): Promise<WriteAnswer> {
    return this.commands.execute(new CaseCommandMessage(id, command, ctx));
  }
}
