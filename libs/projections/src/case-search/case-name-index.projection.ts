import type { RecordedEvent, SqlClient } from '#event-store';
import { CiphertextInvalidError, DataErasedError, SubjectKeyNotFoundError, type PersonalDataCipher } from '#security';
import { isUuid } from '#shared-kernel';
import type { Projection, TableNamer } from '../projection.js';
import type { BlindIndex } from './blind-index.js';
import { tokensOfPerson } from './name-tokens.js';

interface SealedPersonData {
  readonly personId: string;
  readonly caseId: string;
  readonly personal: string;
}

/** Blind entries per event id; null when the data could not be opened (erased, foreign, damaged). */
type Prepared = ReadonlyMap<string, readonly string[] | null>;

/**
 * Search by a person's name without names at rest: for each person, the keyed HMAC of every
 * normalised token of their names (name-tokens.ts), and which case they belong to. The names
 * are opened in `prepare` (outside the transaction; the key store shares the database). A
 * shredded person (DataErasedError) gets no entries, so a rebuild after erasure leaves nothing;
 * the query side also hides entries of persons shredded since (see case-list.queries.ts).
 */
export class CaseNameIndexProjection implements Projection {
  readonly name = 'case_name_index';
  /** 2: readings of names across scripts (ADR 0013), and the key's index covering case_id. */
  readonly version = 2;
  readonly tables = ['case_name_tokens', 'case_name_persons'] as const;
  readonly eventTypes: ReadonlySet<string> = new Set(['PersonRegistered', 'PersonalDataCorrected']);

  constructor(
    private readonly cipher: Pick<PersonalDataCipher, 'decrypt'>,
    private readonly index: BlindIndex,
  ) {}

  createTables(t: TableNamer): readonly string[] {
    return [
      `CREATE TABLE ${t('case_name_tokens')} (
         entry     text NOT NULL,
         case_id   uuid NOT NULL,
         person_id uuid NOT NULL,
         -- case_id in the key's index: a search reads the index only, never the scattered rows
         PRIMARY KEY (entry, person_id) INCLUDE (case_id)
       )`,
      // Replacing a person's entries, and checking a common word for the persons a search found.
      `CREATE INDEX ${t('case_name_tokens')}_person ON ${t('case_name_tokens')} (person_id, entry)`,
      `CREATE TABLE ${t('case_name_persons')} (
         person_id     uuid   PRIMARY KEY,
         case_id       uuid   NOT NULL,
         last_position bigint NOT NULL
       )`,
    ];
  }

  /** A few at a time: each opening may read the key store, and a server answers them in parallel. */
  async prepare(events: readonly RecordedEvent[]): Promise<Prepared> {
    const out = new Map<string, readonly string[] | null>();
    const sealed = events.filter((e) => {
      const d = e.data as Partial<SealedPersonData>;
      return typeof d.personId === 'string' && typeof d.personal === 'string';
    });
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < sealed.length) {
        const e = sealed[next++];
        const d = e.data as SealedPersonData;
        out.set(e.id, await this.entries(d.personId, d.personal));
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, sealed.length) }, worker));
    return out;
  }

  private async entries(personId: string, sealed: string): Promise<string[] | null> {
    try {
      const personal = await this.cipher.decrypt<{ fullName: string; nameVariants?: { value: string }[] }>(
        personId,
        sealed,
      );
      return tokensOfPerson(personal).map((token) => this.index.entry(token));
    } catch (error) {
      // Erased, never keyed, or not ours: nothing to index. Anything else is the database.
      if (
        error instanceof DataErasedError ||
        error instanceof SubjectKeyNotFoundError ||
        error instanceof CiphertextInvalidError ||
        error instanceof TypeError
      )
        return null;
      throw error;
    }
  }

  async applyBatch(tx: SqlClient, events: readonly RecordedEvent[], t: TableNamer, prepared: unknown): Promise<void> {
    const entries = prepared as Prepared;
    const latest = new Map<string, { caseId: string; position: bigint; entries: readonly string[] }>();
    for (const e of events) {
      const d = e.data as Partial<SealedPersonData>;
      if (!isUuid(d.personId) || !isUuid(d.caseId)) continue;
      const mine = entries.get(e.id);
      if (mine === undefined) throw new Error('event was not prepared');
      latest.set(d.personId, { caseId: d.caseId, position: e.position, entries: mine ?? [] });
    }
    if (latest.size === 0) return;
    const known = await tx.query<{ person_id: string; last_position: bigint }>(
      `SELECT person_id, last_position FROM ${t('case_name_persons')} WHERE person_id = ANY($1::uuid[])`,
      [[...latest.keys()]],
    );
    // The latest event of each person wins (a correction replaces the names); an event at or
    // below what the table already reflects is a replay and changes nothing.
    for (const row of known.rows) {
      const next = latest.get(row.person_id);
      if (next && next.position <= BigInt(row.last_position)) latest.delete(row.person_id);
    }
    if (latest.size === 0) return;
    const persons = [...latest.keys()];
    await tx.query(`DELETE FROM ${t('case_name_tokens')} WHERE person_id = ANY($1::uuid[])`, [persons]);
    const rows = [...latest].flatMap(([personId, v]) =>
      v.entries.map((entry) => ({ entry, case_id: v.caseId, person_id: personId })),
    );
    if (rows.length > 0) {
      await tx.query(
        `INSERT INTO ${t('case_name_tokens')} (entry, case_id, person_id)
         SELECT entry, case_id, person_id FROM jsonb_to_recordset($1::jsonb) AS x(entry text, case_id uuid, person_id uuid)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(rows)],
      );
    }
    await tx.query(
      `INSERT INTO ${t('case_name_persons')} (person_id, case_id, last_position)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[])
       ON CONFLICT (person_id) DO UPDATE SET case_id = EXCLUDED.case_id, last_position = EXCLUDED.last_position`,
      [persons, persons.map((p) => latest.get(p)!.caseId), persons.map((p) => latest.get(p)!.position.toString())],
    );
  }
}
