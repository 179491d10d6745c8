import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  GetPersonQuery,
  PersonCommandMessage,
  RegisterPersonMessage,
  ErasePersonMessage,
  type PersonalData,
  type PersonView,
} from '#persons/application';
import { commandOf, type WriteAnswer, type WriteContext } from '#event-store';
import { Act, onParam } from '../http/auth.guard.js';
import { Ctx, type AuthenticatedRequest, readContextOf } from '../http/request-context.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { Versioned } from '../http/write-answer.interceptor.js';
import { ConfirmVictimDto, IdentificationNoteDto, RegisterPersonDto } from './person.dto.js';
import { ReasonDto } from '../cases/case.dto.js';
import { gateIdentityView, type GateIdentityView } from './gate-identity.view.js';

@ApiTags('persons')
@ApiBearerAuth()
@Controller()
export class PersonsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('cases/:id/persons')
  @Act('person.register', onParam('case'))
  register(
    @Param('id', UuidParamPipe) caseId: string,
    @Body() body: RegisterPersonDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const personal: PersonalData = {
      fullName: body.fullName.normalize('NFC'),
      nameVariants: (body.nameVariants ?? []).map((v) => ({ script: v.script, value: v.value.normalize('NFC') })),
      sex: body.sex ?? null,
      dateOfBirth: body.dateOfBirth ?? null,
      nationality: body.nationality ?? null,
      documents: (body.documents ?? []).map((d) => ({ kind: d.kind, number: d.number })),
    };
    return this.commands.execute(new RegisterPersonMessage(caseId, body.role, personal, ctx));
  }

  @Get('persons/:id')
  @Act('person.read_personal', onParam('person'))
  @ApiQuery({ name: 'purpose', required: false, description: 'why the data is read; kept in the read audit' })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @Query('purpose') purpose: string | undefined,
    @Req() req: AuthenticatedRequest,
  ): Promise<Versioned<PersonView | GateIdentityView>> {
    // Cut by code points: cutting UTF-16 units could leave half of a pair, which PostgreSQL refuses.
    const reason = typeof purpose === 'string' ? Array.from(purpose).slice(0, 200).join('') : null;
    const view = await this.queries.execute(new GetPersonQuery(id, readContextOf(req), reason));
    // At the gate a guard checks who stands in front of them, nothing more: not the case, the
    // person's role (victim, suspect) or the state of their identification.
    if (req.admission?.scope === 'gates') return new Versioned(gateIdentityView(view), view.revision);
    return new Versioned(view, view.revision);
  }

  @Post('persons/:id/identification')
  @Act('person.identify', onParam('person'))
  begin(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: IdentificationNoteDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(id, commandOf('BeginIdentification', body.basis ? { basis: body.basis } : {}, ctx), ctx);
  }

  @Post('persons/:id/identification/victim')
  @Act('person.identify', onParam('person'))
  confirm(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ConfirmVictimDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const data = { evidenceBases: body.evidenceBases, ...(body.documentRef ? { documentRef: body.documentRef } : {}) };
    return this.run(id, commandOf('ConfirmVictim', data, ctx), ctx);
  }

  @Post('persons/:id/identification/not-confirmed')
  @Act('person.identify', onParam('person'))
  notConfirmed(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ReasonDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(id, commandOf('ConcludeNotConfirmed', { reason: body.reason }, ctx), ctx);
  }

  /** Crypto-shredding: the person's data becomes unreadable everywhere; the record stays verifiable. */
  @Post('persons/:id/erasure')
  @Act('person.erase', onParam('person'))
  erase(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ReasonDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.commands.execute(new ErasePersonMessage(id, body.reason, ctx));
  }

  private run(id: string, command: PersonCommandMessage['command'], ctx: WriteContext): Promise<WriteAnswer> {
    return this.commands.execute(new PersonCommandMessage(id, command, ctx));
  }
}
