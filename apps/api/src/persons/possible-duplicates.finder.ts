import { Inject, Injectable } from '@nestjs/common';
import { recordPersonalDataRead } from '#audit';
import { EVENT_STORE, SQL_CLIENT, type EventStore, type SqlClient } from '#event-store';
import { namedInMessage } from '#exchanges/application';
import {
  BlindIndex,
  NAME_INDEX,
  PROJECTION_PROGRESS,
  possibleDuplicates,
  type PossibleDuplicate,
  type ProjectionProgress,
} from '#projections';
import { PERSONAL_DATA_CIPHER, can, type PersonalDataCipher } from '#security';
import { RecordScopeResolver } from '../auth/record-scope.resolver.js';
import { visibleProvinces } from '../auth/scope-filter.js';
import { type AuthenticatedRequest, readContextOf } from '../http/request-context.js';

/** At most this many candidates: a suggestion to look at, not a search result to page through. */
export const MAX_CANDIDATES = 20;
/**
 * How long a registration waits for the name index to reach its own write before it answers.
 * Short: the person is recorded either way, and the form asked the read endpoint before.
 */
const AFTER_WRITE_WAIT_MS = 2_000;

/**
 * Possible duplicates of a person in a case (issue 12, ADR 0013): persons already recorded in
 * cases of the SAME province as this case, never another, and only when the caller may see that
 * province; the case itself is left out. The evidence speaks of the caller's own names only, so
 * a candidate's name is seen only by opening the person, which is audited.
 */
@Injectable()
export class PossibleDuplicatesFinder {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(NAME_INDEX) private readonly index: BlindIndex,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
    private readonly records: RecordScopeResolver,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  /** The candidates as the read side holds them now (it may lag a write by a moment). */
  async find(req: AuthenticatedRequest, caseId: string, names: readonly string[]): Promise<PossibleDuplicate[]> {
    // Matching a name confirms who is in a case: only for roles that may read names anyway.
    if (!req.actor || !can([req.actor.role], 'person.read_personal')) return [];
    const provinces = await this.provincesOf(req, caseId);
    return possibleDuplicates(this.sql, this.index, {
      names: names.map((n) => n.normalize('NFC')),
      provinces,
      exceptCaseId: caseId,
      limit: MAX_CANDIDATES,
    });
  }

  /**
   * After a registration: waits (bounded) until the name index reached the write's position, so
   * every person recorded before it is considered. Null when the read side is further behind:
   * the answer then says "not known", never a misleading empty list.
   */
  async afterWrite(
    req: AuthenticatedRequest,
    caseId: string,
    names: readonly string[],
    position: string,
  ): Promise<PossibleDuplicate[] | null> {
    if (!(await this.progress.waitFor(BigInt(position), AFTER_WRITE_WAIT_MS))) return null;
    return this.find(req, caseId, names);
  }

  /**
   * The candidates for the persons an incoming message names as data (gateway contract
   * `persons`), computed now, within the caller's scope: the provinces of the thread's cases that
   * the caller may see. A person named by several names is one query of all of them; the
   * candidates of all named persons are merged (a candidate appears once). Opening the names is
   * a read of the message's personal data, recorded like opening its content.
   */
  async forMessage(req: AuthenticatedRequest, exchangeId: string, messageId: string): Promise<PossibleDuplicate[]> {
    const mayRead = req.actor !== undefined && can([req.actor.role], 'person.read_personal');
    const named = await namedInMessage(this.store, this.cipher, exchangeId, messageId, mayRead);
    if (named.persons.length === 0) return [];
    const provinces = new Set<string>();
    for (const caseId of named.caseIds) for (const p of await this.provincesOf(req, caseId)) provinces.add(p);
    if (provinces.size === 0) return [];
    await recordPersonalDataRead(this.store, readContextOf(req), {
      subjectKind: 'exchange',
      subjectId: exchangeId,
      caseId: named.caseIds[0] ?? null,
      purpose: 'possible duplicates of the persons a message names',
      via: 'GET /exchanges/{id}/messages/{messageId}/possible-duplicates',
    });
    const found = new Map<string, PossibleDuplicate>();
    for (const person of named.persons) {
      const candidates = await possibleDuplicates(this.sql, this.index, {
        names: person.names,
        provinces: [...provinces],
        limit: MAX_CANDIDATES,
      });
      for (const c of candidates) if (!found.has(c.personId)) found.set(c.personId, c);
    }
    return [...found.values()].slice(0, MAX_CANDIDATES);
  }

  /** The case's province, kept only if the caller may see it (a national reader sees every one). */
  private async provincesOf(req: AuthenticatedRequest, caseId: string): Promise<string[]> {
    const scope = await this.records.resolve('case', caseId, false);
    if (scope === null) return [];
    const visible = visibleProvinces(req);
    return scope.provinces.filter((p) => visible === null || visible.includes(p));
  }
}
