import { Body, Controller, Get, Inject, Param, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig, releasePolicyFor } from '#config';
import { commandOf, type WriteAnswer, type WriteContext } from '#event-store';
import type { ReleasePolicy } from '#exchanges';
import {
  ExchangeCommandMessage,
  GetExchangeQuery,
  LogMessageMessage,
  OpenExchangeMessage,
  type ExchangeView,
  type ExchangeWriteAnswer,
  type MessageDraft,
  releaseOfficerOf,
} from '#exchanges/application';
import { can } from '#security';
import { parseZoned, zonedNow } from '#shared-kernel';
import { Act, onParam, onBodyCase } from '../http/auth.guard.js';
import { Ctx, type AuthenticatedRequest, readContextOf } from '../http/request-context.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { PriorityChangeDto } from '../http/priority.dto.js';
import { Versioned } from '../http/write-answer.interceptor.js';
import { ReasonDto } from '../cases/case.dto.js';
import {
  AcknowledgementDto,
  CreateExchangeDto,
  ExchangeMessageDto,
  ExchangeReadQueryDto,
  MessageWriteAnswerDto,
  ReturnDraftDto,
  SendDraftDto,
} from './exchange.dto.js';
import { MessageAnswerInterceptor } from './message-answer.interceptor.js';
import { RecordScopeResolver } from '../auth/record-scope.resolver.js';
import { casesInScope } from '../auth/scope-filter.js';

@ApiTags('exchanges')
@ApiBearerAuth()
@Controller('exchanges')
export class ExchangesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly records: RecordScopeResolver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Act('exchange.write', onBodyCase('caseIds'))
  @UseInterceptors(MessageAnswerInterceptor)
  @ApiCreatedResponse({ type: MessageWriteAnswerDto, description: 'the thread and its first message' })
  create(@Body() body: CreateExchangeDto, @Ctx() ctx: WriteContext): Promise<ExchangeWriteAnswer> {
    const data = {
      caseIds: body.caseIds.map((id) => id.toLowerCase()),
      counterpart: body.counterpart,
      channel: body.channel,
      ...(body.priority ? { priority: body.priority } : {}),
      message: messageOf(body),
      releasePolicy: this.releasePolicyOf(ctx),
    };
    return this.commands.execute(new OpenExchangeMessage(data, ctx));
  }

  @Post(':id/messages')
  @Act('exchange.write', onParam('exchange'))
  @UseInterceptors(MessageAnswerInterceptor)
  @ApiOkResponse({ type: MessageWriteAnswerDto, description: 'the next message of the thread' })
  logMessage(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ExchangeMessageDto,
    @Ctx() ctx: WriteContext,
  ): Promise<ExchangeWriteAnswer> {
    return this.commands.execute(new LogMessageMessage(id, messageOf(body), ctx, this.releasePolicyOf(ctx)));
  }

  @Post(':id/messages/:messageId/send')
  @Act('exchange.write', onParam('exchange'))
  send(
    @Param('id', UuidParamPipe) id: string,
    @Param('messageId', UuidParamPipe) messageId: string,
    @Body() body: SendDraftDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(id, commandOf('SendDraft', { messageId, occurredAt: parseZoned(body.occurredAt) }, ctx), ctx);
  }

  // Second-officer release (issue 10): approving is the sending, at the moment it is approved.
  @Post(':id/messages/:messageId/release')
  @Act('exchange.release', onParam('exchange'))
  release(
    @Param('id', UuidParamPipe) id: string,
    @Param('messageId', UuidParamPipe) messageId: string,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { messageId, by: releaseOfficerOf(ctx.actor), occurredAt: zonedNow(ctx.now) };
    return this.run(id, commandOf('ReleaseDraft', data, ctx), ctx);
  }

  @Post(':id/messages/:messageId/return')
  @Act('exchange.release', onParam('exchange'))
  returnDraft(
    @Param('id', UuidParamPipe) id: string,
    @Param('messageId', UuidParamPipe) messageId: string,
    @Body() body: ReturnDraftDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { messageId, by: releaseOfficerOf(ctx.actor), comment: body.comment, occurredAt: zonedNow(ctx.now) };
    return this.run(id, commandOf('ReturnDraft', data, ctx), ctx);
  }

  @Post(':id/messages/:messageId/withdraw')
  @Act('exchange.write', onParam('exchange'))
  withdraw(
    @Param('id', UuidParamPipe) id: string,
    @Param('messageId', UuidParamPipe) messageId: string,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { messageId, by: releaseOfficerOf(ctx.actor), occurredAt: zonedNow(ctx.now) };
    return this.run(id, commandOf('WithdrawRelease', data, ctx), ctx);
  }

  @Post(':id/messages/:messageId/resubmit')
  @Act('exchange.write', onParam('exchange'))
  resubmit(
    @Param('id', UuidParamPipe) id: string,
    @Param('messageId', UuidParamPipe) messageId: string,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { messageId, by: releaseOfficerOf(ctx.actor), occurredAt: zonedNow(ctx.now) };
    return this.run(id, commandOf('ResubmitDraft', data, ctx), ctx);
  }

  @Post(':id/messages/:messageId/discard')
  @Act('exchange.write', onParam('exchange'))
  discard(
    @Param('id', UuidParamPipe) id: string,
    @Param('messageId', UuidParamPipe) messageId: string,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(id, commandOf('DiscardDraft', { messageId }, ctx), ctx);
  }

  @Post(':id/acknowledgements')
  @Act('exchange.write', onParam('exchange'))
  acknowledge(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: AcknowledgementDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = {
      at: parseZoned(body.at),
      ...(body.by !== undefined ? { by: body.by } : {}),
      ...(body.messageId !== undefined ? { messageId: body.messageId.toLowerCase() } : {}),
    };
    return this.run(id, commandOf('AcknowledgeMessage', data, ctx), ctx);
  }

  // Urgent or normal from now on (issue 11): the thread's waiting replies are due by the new limit.
  @Post(':id/priority')
  @Act('exchange.write', onParam('exchange'))
  changePriority(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: PriorityChangeDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { priority: body.priority, reason: body.reason };
    return this.run(id, commandOf('ChangeExchangePriority', data, ctx), ctx);
  }

  @Post(':id/close')
  @Act('exchange.write', onParam('exchange'))
  close(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ReasonDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(id, commandOf('CloseExchange', { reason: body.reason }, ctx), ctx);
  }

  @Get(':id')
  @Act('exchange.read', onParam('exchange'))
  async get(
    @Param('id', UuidParamPipe) id: string,
    @Query() read: ExchangeReadQueryDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<Versioned<ExchangeView>> {
    const ctx = readContextOf(req);
    // Subjects and bodies may name victims: only roles that may read personal data see them, and
    // only when asked for (a case page showing the thread's status opens nothing and logs no read).
    const open = read.content !== 'none' && can([ctx.actor.role], 'person.read_personal');
    const query = new GetExchangeQuery(id, ctx, open);
    const view = await this.queries.execute(query);
    // A thread linked to cases of several provinces is visible to each, without naming the
    // other province's cases.
    const caseIds = await casesInScope(req, this.records, view.caseIds);
    return new Versioned({ ...view, caseIds }, view.revision);
  }

  /** The writer's unit's policy: the configured one for the province the officer serves. */
  private releasePolicyOf(ctx: WriteContext): ReleasePolicy {
    return releasePolicyFor(this.config.release, ctx.actor.province);
  }

  private run(id: string, command: ExchangeCommandMessage['command'], ctx: WriteContext): Promise<WriteAnswer> {
    return this.commands.execute(new ExchangeCommandMessage(id, command, ctx));
  }
}

function messageOf(body: ExchangeMessageDto): MessageDraft {
  return {
    direction: body.direction,
    subject: body.subject,
    body: body.body,
    language: body.language,
    handlingCode: body.handlingCode,
    occurredAt: parseZoned(body.occurredAt),
    carriesPersonalData: body.carriesPersonalData ?? false,
    ...(body.responseDueAt !== undefined ? { responseDueAt: parseZoned(body.responseDueAt) } : {}),
    ...(body.ourReference !== undefined ? { ourReference: body.ourReference } : {}),
    ...(body.theirReference !== undefined ? { theirReference: body.theirReference } : {}),
    ...(body.attachments !== undefined ? { attachments: body.attachments.map((a) => ({ ...a })) } : {}),
    ...(body.evaluation !== undefined ? { evaluation: { ...body.evaluation } } : {}),
    ...(body.draft !== undefined ? { draft: body.draft } : {}),
    ...(body.personalData !== undefined ? { personalData: { ...body.personalData } } : {}),
    ...(body.inReplyTo !== undefined ? { inReplyTo: body.inReplyTo.toLowerCase() } : {}),
    ...(body.persons !== undefined
      ? { persons: body.persons.map((p) => ({ personId: p.personId.toLowerCase(), disclosure: { ...p.disclosure } })) }
      : {}),
  };
}
