import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { commandOf, type WriteAnswer, type WriteContext } from '#event-store';
import type {
  AnswerReferral,
  CompleteReferral,
  MakeReferral,
  PersonSupportCommand,
  RecordScreening,
  RecordSupport,
} from '#persons';
import { PersonSupportMessage } from '#persons/application';
import { newId, parseZoned } from '#shared-kernel';
import { Act, onParam } from '../http/auth.guard.js';
import { Ctx } from '../http/request-context.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import {
  AnswerReferralDto,
  CompleteReferralDto,
  MakeReferralDto,
  RecordScreeningDto,
  RecordSupportDto,
} from './person-support.dto.js';

/**
 * Support given to a victim, referrals to services and their answers, and the screening of
 * returnees (issue 10, part 3). Free-text notes travel to the handler in clear, which seals them
 * with the person's key before any event exists; everything else is a code, a unit's name or a time.
 */
@ApiTags('persons')
@ApiBearerAuth()
@Controller()
export class PersonSupportController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:id/support')
  @Act('person.support', onParam('person'))
  recordSupport(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RecordSupportDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { supportId: newId(), kind: body.kind, provider: body.provider.normalize('NFC') };
    const command = commandOf<RecordSupport>(
      'RecordSupport',
      { ...data, occurredAt: parseZoned(body.occurredAt) },
      ctx,
    );
    return this.run(id, command, body.note, ctx);
  }

  @Post('persons/:id/referrals')
  @Act('person.support', onParam('person'))
  makeReferral(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: MakeReferralDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data: MakeReferral['data'] = {
      referralId: newId(),
      service: body.service,
      ...(body.receivingUnit ? { receivingUnit: body.receivingUnit.normalize('NFC') } : {}),
      ...(body.exemption ? { exemption: body.exemption } : {}),
      occurredAt: parseZoned(body.occurredAt),
    };
    return this.run(id, commandOf<MakeReferral>('MakeReferral', data, ctx), body.note, ctx);
  }

  @Post('persons/:id/referrals/:referralId/answer')
  @Act('person.support', onParam('person'))
  answerReferral(
    @Param('id', UuidParamPipe) id: string,
    @Param('referralId', UuidParamPipe) referralId: string,
    @Body() body: AnswerReferralDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data: AnswerReferral['data'] = {
      referralId,
      answer: body.answer,
      ...(body.reason ? { reason: body.reason } : {}),
      occurredAt: parseZoned(body.occurredAt),
    };
    return this.run(id, commandOf<AnswerReferral>('AnswerReferral', data, ctx), undefined, ctx);
  }

  @Post('persons/:id/referrals/:referralId/completion')
  @Act('person.support', onParam('person'))
  completeReferral(
    @Param('id', UuidParamPipe) id: string,
    @Param('referralId', UuidParamPipe) referralId: string,
    @Body() body: CompleteReferralDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { referralId, occurredAt: parseZoned(body.occurredAt) };
    return this.run(id, commandOf<CompleteReferral>('CompleteReferral', data, ctx), undefined, ctx);
  }

  @Post('persons/:id/screenings')
  @Act('person.support', onParam('person'))
  recordScreening(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RecordScreeningDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data: RecordScreening['data'] = {
      screeningId: newId(),
      group: body.group,
      exploitationTypes: body.exploitationTypes,
      result: body.result,
      occurredAt: parseZoned(body.occurredAt),
    };
    return this.run(id, commandOf<RecordScreening>('RecordScreening', data, ctx), undefined, ctx);
  }

  private run(
    id: string,
    command: PersonSupportCommand,
    note: string | undefined,
    ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.commands.execute(new PersonSupportMessage(id, command, note ? note.normalize('NFC') : null, ctx));
  }
}
