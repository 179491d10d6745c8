import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccountService, type AccountHistoryEntry, type AccountView } from '#accounts/application';
import type { WriteAnswer, WriteContext } from '#event-store';
import { DomainError, isIsoWithOffset } from '#shared-kernel';
import { inListScope } from '#security';
import { scopeOfRequest } from '../auth/scope-filter.js';
import { Act } from '../http/auth.guard.js';
import { badRequest } from '../http/problem.js';
import { type AuthenticatedRequest, writeContextOf } from '../http/request-context.js';
import { ChangeGatesDto, ChangeRolesDto, CreateUserDto, DisableUserDto, PasswordDto } from './account.dto.js';

const notFound = (): DomainError => new DomainError('ACCOUNT.NOT_FOUND', 'no account with this name', 'not_found');

/**
 * A request that carries a password is never kept for Idempotency-Key replays: the stored
 * request hash would be a fast hash of the password. A repeated create is a 409 anyway, and
 * setting the same password twice does no harm.
 */
function withoutReplay(req: AuthenticatedRequest): WriteContext {
  const { idempotency: _dropped, ...ctx } = writeContextOf(req);
  return ctx;
}

/**
 * Local accounts. Administrators create and change them; administrators and auditors read them
 * and their history, which is how an auditor tells who could do what on a given date.
 * `{id}` is the account's id or its user name.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly accounts: AccountService) {}

  @Get()
  @Act('user.read')
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'the accounts as they stood at this instant (ISO-8601 with offset)',
  })
  @ApiOkResponse({
    description: '{ items: [{ id, username, name, roles, unit, province, gates, disabled, created, revision }] }',
  })
  async list(
    @Query('asOf') asOf: string | undefined,
    @Req() req: AuthenticatedRequest,
  ): Promise<{ items: AccountView[] }> {
    if (asOf !== undefined && !isIsoWithOffset(asOf))
      throw badRequest('REQUEST.INVALID', 'The request has invalid fields.', [
        { field: 'asOf', message: 'asOf must be an ISO-8601 date-time with an offset' },
      ]);
    const scope = scopeOfRequest(req);
    const items = await this.accounts.list(asOf === undefined ? undefined : new Date(asOf));
    return { items: items.filter((a) => inListScope(scope, a.province)) };
  }

  @Get(':id/history')
  @Act('user.read')
  @ApiOkResponse({
    description: '{ account, entries: [{ position, at, stream, type, actor, data }] } in recorded order',
  })
  async history(
    @Param('id') id: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<{ account: AccountView | null; entries: AccountHistoryEntry[] }> {
    const entries = await this.accounts.history(id);
    if (entries === null) throw notFound();
    const account = await this.accounts.find(id);
    // An auditor of one province does not learn of another province's accounts.
    if (account !== null && !inListScope(scopeOfRequest(req), account.province)) throw notFound();
    return { account, entries };
  }

  @Post()
  @Act('user.admin')
  create(@Body() body: CreateUserDto, @Req() req: AuthenticatedRequest): Promise<WriteAnswer> {
    const { username, name, roles, unit, province, gates, password } = body;
    return this.accounts.create(
      { username, displayName: name, roles, unit, province, gates: gates ?? [], password },
      withoutReplay(req),
    );
  }

  @Post(':id/roles')
  @Act('user.admin')
  @HttpCode(200)
  roles(@Param('id') id: string, @Body() body: ChangeRolesDto, @Req() req: AuthenticatedRequest): Promise<WriteAnswer> {
    const change = { type: 'ChangeRoles' as const, data: { grant: body.grant ?? [], revoke: body.revoke ?? [] } };
    return this.accounts.change(id, change, writeContextOf(req));
  }

  @Put(':id/gates')
  @Act('user.admin')
  gates(@Param('id') id: string, @Body() body: ChangeGatesDto, @Req() req: AuthenticatedRequest): Promise<WriteAnswer> {
    return this.accounts.change(id, { type: 'ChangeGates', data: { gates: body.gates } }, writeContextOf(req));
  }

  @Post(':id/disable')
  @Act('user.admin')
  @HttpCode(200)
  disable(
    @Param('id') id: string,
    @Body() body: DisableUserDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<WriteAnswer> {
    const data = body.reason === undefined ? {} : { reason: body.reason };
    return this.accounts.change(id, { type: 'DisableAccount', data }, writeContextOf(req));
  }

  @Post(':id/enable')
  @Act('user.admin')
  @HttpCode(200)
  enable(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<WriteAnswer> {
    return this.accounts.change(id, { type: 'EnableAccount', data: {} }, writeContextOf(req));
  }

  @Put(':id/password')
  @Act('user.admin')
  password(@Param('id') id: string, @Body() body: PasswordDto, @Req() req: AuthenticatedRequest): Promise<WriteAnswer> {
    return this.accounts.setPassword(id, body.password, withoutReplay(req));
  }
}
