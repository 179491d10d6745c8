import { Body, Controller, Get, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig, releasePolicyFor, replyLimitMs } from '#config';
import { commandOf, type WriteAnswer, type WriteContext } from '#event-store';
import { parseZoned, zonedNow } from '#shared-kernel';
import {
  GetVerificationQuery,
  RequestVerificationMessage,
  VerificationCommandMessage,
  type VerificationView,
} from '#verifications/application';
import { Act, onParam, onBodyCase } from '../http/auth.guard.js';
import { Ctx, type AuthenticatedRequest, readContextOf } from '../http/request-context.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { Versioned } from '../http/write-answer.interceptor.js';
import { ReasonDto } from '../cases/case.dto.js';
import { ReturnDraftDto } from '../exchanges/exchange.dto.js';
import { PriorityChangeDto } from '../http/priority.dto.js';
import { AnswerVerificationDto, ExtendVerificationDto, RequestVerificationDto } from './verification.dto.js';

@ApiTags('verification-requests')
@ApiBearerAuth()
@Controller('verification-requests')
export class VerificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Act('verification.write', onBodyCase('caseId'))
  request(@Body() body: RequestVerificationDto, @Ctx() ctx: WriteContext): Promise<WriteAnswer> {
    const occurredAt = parseZoned(body.occurredAt);
    const priority = body.priority ?? 'normal';
    // Without a due time, the answer is due the priority's reply limit after the request.
    const dueAt =
      body.dueAt !== undefined
        ? parseZoned(body.dueAt)
        : {
            ...occurredAt,
            at: new Date(Date.parse(occurredAt.at) + replyLimitMs(this.config.deadlines, priority)).toISOString(),
          };
    const data = {
      caseId: body.caseId.toLowerCase(),
      ...(body.personId !== undefined ? { personId: body.personId.toLowerCase() } : {}),
      direction: body.direction,
      counterpart: body.counterpart,
      subject: body.subject,
      questions: body.questions,
      priority,
      dueAt,
      occurredAt,
      ...(body.legalBasis !== undefined ? { legalBasis: body.legalBasis } : {}),
      ...(body.disclosure !== undefined ? { disclosure: { ...body.disclosure } } : {}),
      // The writer's unit's policy decides whether it waits for a second officer's release.
      releasePolicy: releasePolicyFor(this.config.release, ctx.actor.province),
    };
    return this.commands.execute(new RequestVerificationMessage(data, ctx));
  }

  @Post(':id/extensions')
  @Act('verification.write', onParam('verification'))
  extend(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ExtendVerificationDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { newDueAt: parseZoned(body.newDueAt), reason: body.reason };
    return this.run(id, commandOf('ExtendVerification', data, ctx), ctx);
  }

  @Post(':id/answers')
  @Act('verification.write', onParam('verification'))
  answer(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: AnswerVerificationDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { result: body.result, details: body.details, answeredAt: parseZoned(body.answeredAt) };
    return this.run(id, commandOf('AnswerVerification', data, ctx), ctx);
  }

  @Post(':id/withdrawal')
  @Act('verification.write', onParam('verification'))
  withdraw(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ReasonDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(id, commandOf('WithdrawVerification', { reason: body.reason }, ctx), ctx);
  }

  // Second-officer release (issue 10): approving is the sending, at the moment it is approved; the
  // officer is the signed-in one, the time the server's.
  @Post(':id/release')
  @Act('verification.release', onParam('verification'))
  release(@Param('id', UuidParamPipe) id: string, @Ctx() ctx: WriteContext): Promise<WriteAnswer> {
    return this.run(id, commandOf('ReleaseVerification', { occurredAt: zonedNow(ctx.now) }, ctx), ctx);
  }

  @Post(':id/return')
  @Act('verification.release', onParam('verification'))
  returnDraft(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ReturnDraftDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { comment: body.comment, occurredAt: zonedNow(ctx.now) };
    return this.run(id, commandOf('ReturnVerification', data, ctx), ctx);
  }

  /** The author takes the draft back from the queue (`withdrawal` would end the request for good). */
  @Post(':id/recall')
  @Act('verification.write', onParam('verification'))
  recall(@Param('id', UuidParamPipe) id: string, @Ctx() ctx: WriteContext): Promise<WriteAnswer> {
    return this.run(id, commandOf('RecallVerification', { occurredAt: zonedNow(ctx.now) }, ctx), ctx);
  }

  @Post(':id/resubmit')
  @Act('verification.write', onParam('verification'))
  resubmit(@Param('id', UuidParamPipe) id: string, @Ctx() ctx: WriteContext): Promise<WriteAnswer> {
    return this.run(id, commandOf('ResubmitVerification', { occurredAt: zonedNow(ctx.now) }, ctx), ctx);
  }

  @Post(':id/priority')
  @Act('verification.write', onParam('verification'))
  changePriority(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: PriorityChangeDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { priority: body.priority, reason: body.reason };
    return this.run(id, commandOf('ChangeVerificationPriority', data, ctx), ctx);
  }

  @Get(':id')
  @Act('verification.read', onParam('verification'))
  async get(
    @Param('id', UuidParamPipe) id: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<Versioned<VerificationView>> {
    const view = await this.queries.execute(new GetVerificationQuery(id, readContextOf(req)));
    return new Versioned(view, view.revision);
  }

  private run(id: string, command: VerificationCommandMessage['command'], ctx: WriteContext): Promise<WriteAnswer> {
    return this.commands.execute(new VerificationCommandMessage(id, command, ctx));
  }
}
