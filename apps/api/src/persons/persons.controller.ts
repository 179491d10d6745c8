import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  GetPersonQuery,
  PersonCommandMessage,
  RegisterPersonMessage,
  ErasePersonMessage,
  LegalHoldMessage,
  type PersonalData,
  type PersonView,
} from '#persons/application';
import { commandOf, type WriteAnswer, type WriteContext } from '#event-store';
import {
  PersonErrors,
  REFERRAL_SERVICES,
  type PlaceLegalHold,
  type RecordConsent,
  type ReleaseLegalHold,
} from '#persons';
import type { PossibleDuplicate } from '#projections';
import { findCounterpart } from '#reference-data';
import { DomainError, isOneOf, newId, parseZoned } from '#shared-kernel';
import { Act, onParam } from '../http/auth.guard.js';
import { Ctx, type AuthenticatedRequest, readContextOf } from '../http/request-context.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { Versioned, WriteAnswerWith } from '../http/write-answer.interceptor.js';
import {
  ConfirmVictimDto,
  IdentificationNoteDto,
  LegalHoldDto,
  RecordConsentDto,
  RegisterPersonDto,
  WithdrawConsentDto,
} from './person.dto.js';
import { ReasonDto } from '../cases/case.dto.js';
import { gateIdentityView, type GateIdentityView } from './gate-identity.view.js';
import { PersonRegisteredDto } from './possible-duplicates.dto.js';
import { PossibleDuplicatesFinder } from './possible-duplicates.finder.js';

@ApiTags('persons')
@ApiBearerAuth()
@Controller()
export class PersonsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly duplicates: PossibleDuplicatesFinder,
  ) {}

  /**
   * Registers the person and answers, besides where the write went, the persons already recorded
   * in the province whose names match (`possibleDuplicates`; null when the read side is behind).
   */
  @Post('cases/:id/persons')
  @Act('person.register', onParam('case'))
  @ApiCreatedResponse({ type: PersonRegisteredDto })
  async register(
    @Param('id', UuidParamPipe) caseId: string,
    @Body() body: RegisterPersonDto,
    @Ctx() ctx: WriteContext,
    @Req() req: AuthenticatedRequest,
  ): Promise<WriteAnswerWith<{ possibleDuplicates: PossibleDuplicate[] | null }>> {
    const personal: PersonalData = {
      fullName: body.fullName.normalize('NFC'),
      nameVariants: (body.nameVariants ?? []).map((v) => ({ script: v.script, value: v.value.normalize('NFC') })),
      sex: body.sex ?? null,
      dateOfBirth: body.dateOfBirth ?? null,
      nationality: body.nationality ?? null,
      documents: (body.documents ?? []).map((d) => ({ kind: d.kind, number: d.number })),
    };
    const answer: WriteAnswer = await this.commands.execute(
      new RegisterPersonMessage(caseId, body.role, personal, ctx),
    );
    const names = [personal.fullName, ...personal.nameVariants.map((v) => v.value)];
    const possibleDuplicates = await this.duplicates.afterWrite(req, caseId, names, answer.position);
    return new WriteAnswerWith(answer, { possibleDuplicates });
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

  /**
   * A decision on sharing the person's data with one recipient for one purpose. The recipient is a
   * unit of the reference register: consent to "anyone" is no consent.
   */
  @Post('persons/:id/consents')
  @Act('person.consent', onParam('person'))
  recordConsent(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RecordConsentDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    // A referral's recipient is the service it goes to (issue 10, support and referrals).
    const service = body.purpose === 'referral_to_services' && isOneOf(REFERRAL_SERVICES, body.recipient);
    if (!service && !findCounterpart(body.recipient)) {
      throw new DomainError(
        PersonErrors.UNKNOWN_RECIPIENT,
        'the recipient is not in the reference register, nor a referral service for a referral',
        'invalid',
      );
    }
    const data: RecordConsent['data'] = {
      consentId: newId(),
      decision: body.decision,
      purpose: body.purpose,
      recipient: body.recipient,
      givenBy: body.givenBy,
      ...(body.formSha256 ? { formSha256: body.formSha256 } : {}),
      occurredAt: parseZoned(body.occurredAt),
    };
    return this.run(id, commandOf('RecordConsent', data, ctx), ctx);
  }

  @Post('persons/:id/consents/:consentId/withdrawal')
  @Act('person.consent', onParam('person'))
  withdrawConsent(
    @Param('id', UuidParamPipe) id: string,
    @Param('consentId', UuidParamPipe) consentId: string,
    @Body() body: WithdrawConsentDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    return this.run(id, commandOf('WithdrawConsent', { consentId, occurredAt: parseZoned(body.occurredAt) }, ctx), ctx);
  }

  /** Proceedings need the person's data kept: erasure is refused until the hold is released. */
  @Post('persons/:id/legal-hold')
  @Act('person.legal_hold', onParam('person'))
  placeLegalHold(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: LegalHoldDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const command = commandOf<PlaceLegalHold>('PlaceLegalHold', { proceedingsRef: body.proceedingsRef }, ctx);
    return this.commands.execute(new LegalHoldMessage(id, command, ctx));
  }

  @Post('persons/:id/legal-hold/release')
  @Act('person.legal_hold', onParam('person'))
  releaseLegalHold(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ReasonDto,
    @Ctx() ctx: WriteContext,
  ): Promise<WriteAnswer> {
    const command = commandOf<ReleaseLegalHold>('ReleaseLegalHold', { reason: body.reason }, ctx);
    return this.commands.execute(new LegalHoldMessage(id, command, ctx));
  }

  private run(id: string, command: PersonCommandMessage['command'], ctx: WriteContext): Promise<WriteAnswer> {
    return this.commands.execute(new PersonCommandMessage(id, command, ctx));
  }
}
