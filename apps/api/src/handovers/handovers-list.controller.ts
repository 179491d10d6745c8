import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SQL_CLIENT, type SqlClient } from '#event-store';
import { InvalidHandoverCursorError, listGateHandovers, resolveDayRange, type GateHandoverPage } from '#projections';
import { inListScope, listScope } from '#security';
import { Act } from '../http/auth.guard.js';
import { badRequest } from '../http/problem.js';
import { type AuthenticatedRequest, readContextOf } from '../http/request-context.js';
import { ListHandoversQueryDto } from './handovers-list.dto.js';

/**
 * The handovers of a range of days (a border guard's phone screen, an office's planning), from
 * the gate-handovers read model. Who sees which rows comes from the access table: a guard the
 * gates they serve, an office its province, a national unit all. A row out of scope is simply
 * not in the list, whatever the filters name.
 */
@ApiTags('handovers')
@ApiBearerAuth()
@Controller('handovers')
export class HandoversListController {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  @Get()
  @Act('handover.list')
  @ApiOkResponse({
    description:
      '{ items: [{ id, caseId (only for those who may read the case), gate, status, scheduledAt: { at, local: { vn, cn } } | null, persons, counterpart }], next }: scheduled today and later first by time, then those waiting for a date, then earlier days of the range',
  })
  async list(@Query() query: ListHandoversQueryDto, @Req() req: AuthenticatedRequest): Promise<GateHandoverPage> {
    const { now } = readContextOf(req);
    const principal = req.principal;
    if (!principal) throw new Error('handover list reached without a principal');
    const asked = resolveDayRange({ from: query.from, to: query.to }, now);
    if (!asked.ok) throw badRequest('REQUEST.INVALID', 'The request has invalid fields.', asked.errors);
    // A guard matches handovers at the gate, not cases: the case id is given only to whom the
    // access table lets read that case.
    const caseScope = listScope(principal, 'case.read');
    try {
      return await listGateHandovers(this.sql, {
        range: asked.range,
        visibility: listScope(principal, 'handover.list'),
        ...(query.gate !== undefined ? { gate: query.gate } : {}),
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
        limit: query.limit ?? 50,
        showsCase: (province) => inListScope(caseScope, province),
        now,
      });
    } catch (error) {
      if (error instanceof InvalidHandoverCursorError)
        throw badRequest('REQUEST.INVALID_CURSOR', 'The cursor is not one this service returned.', [
          { field: 'cursor', message: 'cursor must be a value the service returned as next' },
        ]);
      throw error;
    }
  }
}
