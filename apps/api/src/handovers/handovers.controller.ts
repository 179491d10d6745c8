import { Body, Controller, Get, Injectable, Param, type PipeTransform, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ConfirmHandoverMessage,
  GetHandoverQuery,
  HandoverCommandMessage,
  ProposeHandoverMessage,
  type HandoverView,
} from '#handovers/application';
import { commandOf, type WriteAnswer, type WriteContext } from '#event-store';
import { can } from '#security';
import { parseZoned } from '#shared-kernel';
import { Act, onParam, onBodyCase } from '../http/auth.guard.js';
import { Ctx, type AuthenticatedRequest, readContextOf } from '../http/request-context.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { Versioned } from '../http/write-answer.interceptor.js';
import { badRequest } from '../http/problem.js';
import {
  CancelHandoverDto,
  ConfirmHandoverDto,
  OnwardTransferDto,
  PostponeHandoverDto,
  ProposeHandoverDto,
  ScheduleHandoverDto,
} from './handover.dto.js';

/** Ids in bodies are compared with ids the service issued, which are lower-case. */
const id = (value: string): string => value.toLowerCase();

/** Text typed on a phone at the gate may arrive decomposed; store one form so it compares equal. */
const nfc = <T extends string | undefined>(value: T): T =>
  value === undefined ? value : (value.normalize('NFC') as T);

/**
 * For acts that carry no data (close): an empty body or {} is fine, any field is refused (400) so
 * a client that believes it is sending something learns it is not. A DTO class without fields
 * cannot do this: the global pipe refuses every value of a class it knows nothing about.
 */
@Injectable()
export class EmptyBodyPipe implements PipeTransform<unknown, Record<string, never>> {
  transform(value: unknown): Record<string, never> {
    const fields = typeof value === 'object' && value !== null ? Object.keys(value) : [];
    if (fields.length > 0) {
      throw badRequest(
        'REQUEST.INVALID',
        'The request has invalid fields.',
        fields.map((field) => ({ field, message: `property ${field} should not exist` })),
      );
    }
    return {};
  }
}

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class HandoversController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Act('handover.propose', onBodyCase('caseId'))
  propose(@Body() body: ProposeHandoverDto, @Ctx() ctx: WriteContext): Promise<WriteAnswer> {
    const data = {
      caseId: id(body.caseId),
      gate: body.gate,
      counterpart: body.counterpart,
      proposedBy: body.proposedBy,
      personIds: body.personIds.map(id),
      proposedAt: parseZoned(body.proposedAt),
    };
    return this.commands.execute(new ProposeHandoverMessage(data, ctx));
  }

  @Get(':id')
  @Act('handover.read', onParam('handover'))
  async get(
    @Param('id', UuidParamPipe) handoverId: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<Versioned<HandoverView>> {
    const ctx = readContextOf(req);
    const view = await this.queries.execute(
      new GetHandoverQuery(handoverId, ctx, can([ctx.actor.role], 'person.read_personal')),
    );
    return new Versioned(view, view.revision);
  }

  @Post(':id/schedule')
  @Act('handover.schedule', onParam('handover'))
  schedule(
    @Param('id', UuidParamPipe) handoverId: string,
    @Body() body: ScheduleHandoverDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { gate: body.gate, scheduledAt: parseZoned(body.scheduledAt) };
    return this.run(handoverId, commandOf('ScheduleHandover', data, ctx), ctx);
  }

  @Post(':id/postponement')
  @Act('handover.schedule', onParam('handover'))
  postpone(
    @Param('id', UuidParamPipe) handoverId: string,
    @Body() body: PostponeHandoverDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = {
      reason: nfc(body.reason),
      ...(body.newScheduledAt !== undefined ? { newScheduledAt: parseZoned(body.newScheduledAt) } : {}),
    };
    return this.run(handoverId, commandOf('PostponeHandover', data, ctx), ctx);
  }

  @Post(':id/cancellation')
  @Act('handover.cancel', onParam('handover'))
  cancel(
    @Param('id', UuidParamPipe) handoverId: string,
    @Body() body: CancelHandoverDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(handoverId, commandOf('CancelHandover', { reason: nfc(body.reason) }, ctx), ctx);
  }

  /** The border guard's one submission from the gate: all of it is recorded, or none of it. */
  @Post(':id/confirmation')
  @Act('handover.confirm', onParam('handover'))
  confirm(
    @Param('id', UuidParamPipe) handoverId: string,
    @Body() body: ConfirmHandoverDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = {
      conductedAt: parseZoned(body.conductedAt),
      vnOfficers: body.vnOfficers.map((o) => nfc(o)),
      cnOfficers: body.cnOfficers.map((o) => nfc(o)),
      received: body.received.map((p) => ({
        personId: id(p.personId),
        ...(p.healthCheck !== undefined ? { healthCheck: nfc(p.healthCheck) } : {}),
        ...(p.notes !== undefined ? { notes: nfc(p.notes) } : {}),
        ...(p.belongings !== undefined ? { belongings: nfc(p.belongings) } : {}),
        ...(p.statementRef !== undefined ? { statementRef: nfc(p.statementRef) } : {}),
        ...(p.wantedCheck !== undefined ? { wantedCheck: nfc(p.wantedCheck) } : {}),
      })),
      notReceived: (body.notReceived ?? []).map((p) => ({ personId: id(p.personId), reason: nfc(p.reason) })),
      minutes: {
        number: nfc(body.minutes.number),
        signedAt: parseZoned(body.minutes.signedAt),
        languages: body.minutes.languages,
        ...(body.minutes.scanSha256 !== undefined ? { scanSha256: body.minutes.scanSha256 } : {}),
      },
    };
    return this.commands.execute(new ConfirmHandoverMessage(handoverId, data, ctx));
  }

  @Post(':id/onward-transfers')
  @Act('handover.onward_transfer', onParam('handover'))
  transfer(
    @Param('id', UuidParamPipe) handoverId: string,
    @Body() body: OnwardTransferDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = {
      personId: id(body.personId),
      toUnit: nfc(body.toUnit),
      // The contract names no kind; 'other' keeps a transfer recordable when the gate does not say.
      toKind: body.toKind ?? 'other',
      at: parseZoned(body.at),
    };
    return this.run(handoverId, commandOf('RecordOnwardTransfer', data, ctx), ctx);
  }

  @Post(':id/close')
  @Act('handover.close', onParam('handover'))
  close(
    @Param('id', UuidParamPipe) handoverId: string,
    @Body(EmptyBodyPipe) _body: unknown,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(handoverId, commandOf('CloseHandover', {}, ctx), ctx);
  }

  private run(handoverId: string, command: HandoverCommandMessage['command'], ctx: WriteContext): Promise<WriteAnswer> {
    return this.commands.execute(new HandoverCommandMessage(handoverId, command, ctx));
  }
}
