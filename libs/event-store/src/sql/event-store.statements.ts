/**
 * Every statement the SQL event store runs, with a stable name so each connection parses it once
 * (node-postgres prepared statements). Names carry a version: a changed text needs a new name.
 */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

const COLUMNS = 'id, type, schema_version, stream_id, revision, position, data, metadata';

export const HEAD_POSITION: Statement = {
  name: 'es_head_position_v1',
  text: 'SELECT last FROM event_position',
};

/** Taken first by the locked append path: from here until commit no other append can allocate. */
export const LOCK_POSITION: Statement = {
  name: 'es_lock_position_v1',
  text: 'SELECT last FROM event_position FOR UPDATE',
};

/** Last revision and hash per stream; one backward index probe each, however long the stream. */
export const READ_HEADS: Statement = {
  name: 'es_read_heads_v1',
  text: `SELECT s.stream_id, h.revision, h.hash
    FROM unnest($1::text[]) AS s(stream_id)
    LEFT JOIN LATERAL (
      SELECT e.revision, e.metadata->>'hash' AS hash FROM events e
      WHERE e.stream_id = s.stream_id ORDER BY e.revision DESC LIMIT 1
    ) h ON true`,
};

export const READ_STREAM: Statement = {
  name: 'es_read_stream_v1',
  text: `SELECT ${COLUMNS} FROM events
    WHERE stream_id = $1 AND revision >= $2 AND revision <= $3 ORDER BY revision LIMIT $4`,
};

export const READ_ALL: Statement = {
  name: 'es_read_all_v1',
  text: `SELECT ${COLUMNS} FROM events WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
};

export const FIND_IDEMPOTENCY: Statement = {
  name: 'es_find_idempotency_v1',
  text: 'SELECT key, request_hash, response FROM idempotency_keys WHERE key = $1',
};

export const NOTIFY_CHANNEL = 'blo_events';

const INSERT_COLUMNS = 'position, id, stream_id, revision, type, schema_version, data, metadata, case_id, recorded_at';

/**
 * How the append statement records an idempotency key: not at all; `row`, one key with its final
 * response (the locked path, positions known); `claims`, one key per member of a group, each
 * response glued from template parts around the positions the statement assigns (KeyClaim).
 */
export type KeyForm = 'none' | 'row' | 'claims';

/**
 * The append itself, one statement: bump the counter (its row lock is held until commit, so
 * positions are allocated and become visible in commit order), insert the events with positions
 * derived from the new counter value, optionally claim idempotency keys, optionally notify
 * other processes. One event binds nine scalars ($1..$9); several bind $1 = count and one array
 * per column ($2..$10) for unnest(), which costs measurably more for a single row. A duplicate
 * key fails the whole statement, events and counter bump included.
 */
export function appendStatement(many: boolean, keys: KeyForm, withNotify: boolean): Statement {
  const id = `${many}/${keys}/${withNotify}`;
  let statement = built.get(id);
  if (!statement) built.set(id, (statement = buildAppend(many, keys, withNotify)));
  return statement;
}

const built = new Map<string, Statement>();

function keyClause(keys: KeyForm, p: number): string {
  switch (keys) {
    case 'none':
      return '';
    case 'row':
      return `, idem AS (INSERT INTO idempotency_keys (key, request_hash, response) VALUES ($${p}, $${p + 1}, $${p + 2}::jsonb))`;
    case 'claims':
      // Parts of member m, in order, each followed by the position `back` events before the
      // statement's last (nothing when back is null), make member m's response.
      return `, idem AS (
        INSERT INTO idempotency_keys (key, request_hash, response)
        SELECT k.key, k.request_hash, r.response
        FROM unnest($${p}::text[], $${p + 1}::text[]) WITH ORDINALITY AS k(key, request_hash, member)
        JOIN (
          SELECT t.member,
                 string_agg(t.part || coalesce((c.last - t.back)::text, ''), '' ORDER BY t.ord)::jsonb AS response
          FROM c, unnest($${p + 2}::integer[], $${p + 3}::text[], $${p + 4}::bigint[]) WITH ORDINALITY AS t(member, part, back, ord)
          GROUP BY t.member
        ) r ON r.member = k.member
      )`;
  }
}

function buildAppend(many: boolean, keys: KeyForm, withNotify: boolean): Statement {
  const insert = many
    ? `SELECT c.last - $1::bigint + u.ord, u.id, u.stream_id, u.revision, u.type, u.schema_version,
               u.data, u.metadata, u.case_id, u.recorded_at
        FROM c, unnest($2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::integer[], $7::jsonb[], $8::jsonb[],
                       $9::uuid[], $10::timestamptz[])
             WITH ORDINALITY AS u(id, stream_id, revision, type, schema_version, data, metadata, case_id, recorded_at, ord)`
    : `SELECT c.last, $1::uuid, $2::text, $3::bigint, $4::text, $5::integer, $6::jsonb, $7::jsonb, $8::uuid,
               $9::timestamptz
        FROM c`;
  const notify = withNotify ? `, pg_notify('${NOTIFY_CHANNEL}', c.last::text)` : '';
  const version = keys === 'claims' ? 'v3' : 'v2';
  const keyName = keys === 'row' ? '_idem' : keys === 'claims' ? '_claims' : '';
  return {
    name: `es_append_${version}_${many ? 'many' : 'one'}${keyName}${withNotify ? '_notify' : ''}`,
    text: `WITH c AS (
        UPDATE event_position SET last = last + ${many ? '$1::bigint' : '1'} RETURNING last
      ), ins AS (
        INSERT INTO events (${INSERT_COLUMNS})
        ${insert}
      )${keyClause(keys, many ? 11 : 10)}
      SELECT c.last${notify} FROM c`,
  };
}
