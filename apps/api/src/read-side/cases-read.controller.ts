import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { recordAudit } from '#audit';
import { caseStreamId } from '#cases';
import { EVENT_STORE, SQL_CLIENT, type EventStore, type SqlClient } from '#event-store';
import {
  BlindIndex,
  caseHistory,
  InvalidCursorError,
  listCases,
  timelineOf,
  type CaseListPage,
  type CaseStateView,
  type ProjectionProgress,
  type TimelineEntry,
} from '#projections';
import { can } from '#security';
import { DomainError, localTimes, parseZoned } from '#shared-kernel';
import { Act, onParam } from '../http/auth.guard.js';
import { badRequest, ProblemError, problem } from '../http/problem.js';
import { type AuthenticatedRequest, readContextOf } from '../http/request-context.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { provinceFilter } from '../auth/scope-filter.js';
import { HistoryQueryDto, ListCasesQueryDto, MinPositionQueryDto } from './read-side.dto.js';
import { MAX_READ_WAIT_MS, NAME_INDEX, PROJECTION_PROGRESS } from './read-side.tokens.js';

export interface TimelineView {
  readonly caseId: string;
  readonly entries: readonly TimelineEntry[];
}

export interface HistoryView {
  readonly asOf: { at: string; offset: string; local: { vn: string; cn: string } };
  readonly state: CaseStateView | null;
  readonly timeline: readonly TimelineEntry[];
}

const withProvince = (province: string | null): { province?: string } => (province ? { province } : {});

const notFound = (): DomainError => new DomainError('CASE.NOT_FOUND', 'no case with this id', 'not_found');

/** The read side of cases (docs/api.md, Cases): list and search, timeline, history as of T. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesReadController {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NAME_INDEX) private readonly nameIndex: BlindIndex,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
  ) {}

  @Get()
  @Act('case.list')
  @ApiOkResponse({ description: '{ items, next }: newest first; `next` is an opaque cursor, null on the last page' })
  async list(@Query() query: ListCasesQueryDto, @Req() req: AuthenticatedRequest): Promise<CaseListPage> {
    const actor = readContextOf(req).actor;
    try {
      return await listCases(this.sql, this.nameIndex, {
        limit: query.limit ?? 50,
        ...(query.status ? { status: query.status } : {}),
        ...withProvince(provinceFilter(req, query.province)),
        ...(query.q ? { q: query.q.normalize('NFC') } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
        // Matching a name confirms who is in a case: only for roles that may see names.
        names: can([actor.role], 'person.read_personal'),
      });
    } catch (error) {
      if (error instanceof InvalidCursorError)
        throw badRequest('REQUEST.INVALID_CURSOR', 'The cursor is not one this service returned.', [
          { field: 'cursor', message: 'cursor must be a value the service returned as next' },
        ]);
      throw error;
    }
  }

  @Get(':id/timeline')
  @Act('case.read', onParam('case'))
  @ApiOkResponse({ description: '{ caseId, entries: [{ position, at, local, type, actor, summary, ref }] }' })
  async timeline(@Param('id', UuidParamPipe) id: string, @Query() _query: MinPositionQueryDto): Promise<TimelineView> {
    const entries = await timelineOf(this.sql, id);
    if (entries.length === 0 && !(await this.caseExists(id))) throw notFound();
    return { caseId: id, entries };
  }

  /**
   * Replaying a case shows what officers recorded about people, so each replay is audited
   * (HistoryReplayed) before the answer leaves. The timeline first catches up with the head
   * as it is now, so "as of T" never misses an event recorded before T.
   */
  @Get(':id/history')
  @Act('case.history', onParam('case'))
  @ApiOkResponse({ description: '{ asOf, state, timeline }: the case as it stood at that instant' })
  async history(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: HistoryQueryDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<HistoryView> {
    const asOf = parseZoned(query.asOf);
    if (!(await this.progress.waitFor(await this.store.headPosition(), MAX_READ_WAIT_MS))) {
      throw new ProblemError(
        problem(503, 'READ.NOT_CAUGHT_UP', 'The read models are catching up with the log; retry shortly.'),
      );
    }
    const history = await caseHistory(this.store, this.sql, id, new Date(asOf.at));
    if (!history) throw notFound();
    const ctx = readContextOf(req);
    await recordAudit(
      this.store,
      ctx,
      id,
      [{ type: 'HistoryReplayed', data: { caseId: id, asOf: asOf.at, purpose: query.purpose ?? null } }],
      id,
    );
    return { asOf: { at: asOf.at, offset: asOf.offset, local: localTimes(asOf.at) }, ...history };
  }

  private async caseExists(id: string): Promise<boolean> {
    for await (const _ of this.store.readStream(caseStreamId(id), { pageSize: 1, toRevision: 0n })) return true;
    return false;
  }
}
