import type { AppendOptions, AppendResult } from '../event-store.port.js';

type Idempotency = NonNullable<AppendOptions['idempotency']>;

/** What a claim needs of a prepared batch (an AppendBatch). */
interface Rows {
  readonly count: number;
  readonly claim?: KeyClaim;
  result(lastPosition: bigint): AppendResult;
}

/**
 * An idempotency key claimed by the append statement itself (ADR 0002). The response must be
 * stored in that statement, but it is a function of the result and the positions are only known
 * once the statement has bumped the counter. Everything else (ids, revisions, hashes) is known
 * before sending. So the response is rendered with stand-in positions and its JSON text is cut
 * where they appear: `parts[i]` is followed by the real position `back[i]` events before the
 * batch's last one (null: nothing follows). The statement glues the parts together around the
 * positions it assigns, so the stored response is the final answer, exactly as the locked path
 * stores it (the table keeps one shape for every store and tool that reads it).
 */
export interface KeyClaim {
  readonly key: string;
  readonly requestHash: string;
  readonly parts: readonly string[];
  readonly back: readonly (bigint | null)[];
}

/**
 * The response does not use positions only as decimal text (arithmetic on them, a Number, an
 * error on an unusual value): it cannot be templated, and the append takes the locked path, where
 * positions are known before the insert.
 */
export class UntemplatedResponseError extends Error {
  constructor() {
    super('the idempotent response cannot be computed inside the append statement');
    this.name = 'UntemplatedResponseError';
  }
}

// The stand-in position of the batch's last event: far beyond bigint range (2^63), so no real
// position, revision or count in a response can look like one. The template is then checked
// against the response for the lowest possible positions (the batch at 1..count): if both
// agree, the response used positions only as text — a number, arithmetic, a stand-in-like
// literal or a comparison with any bound between the two would render differently.
const STAND_IN = 10n ** 24n;

const toJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';

function respond(idem: Idempotency, batch: Rows, last: bigint): string {
  try {
    return toJson(idem.response(batch.result(last)));
  } catch {
    throw new UntemplatedResponseError();
  }
}

/** Cuts `json` at every maximal run of digits that is one of the batch's stand-in positions. */
function cut(json: string, last: bigint, count: number): { parts: string[]; back: (bigint | null)[] } {
  const parts: string[] = [];
  const back: (bigint | null)[] = [];
  let from = 0;
  for (const m of json.matchAll(/\d+/g)) {
    const behind = last - BigInt(m[0]);
    if (behind < 0n || behind >= BigInt(count)) continue;
    parts.push(json.slice(from, m.index));
    back.push(behind);
    from = m.index + m[0].length;
  }
  parts.push(json.slice(from));
  back.push(null);
  return { parts, back };
}

/** The response text the statement will store, given the position of the batch's last event. */
export function render(claim: Pick<KeyClaim, 'parts' | 'back'>, last: bigint): string {
  return claim.parts
    .map((part, i) => {
      const behind = claim.back[i];
      return behind === null ? part : part + String(last - behind);
    })
    .join('');
}

/** Throws UntemplatedResponseError when the response cannot be computed by the statement. */
export function claimFor(idem: Idempotency, batch: Rows): KeyClaim {
  const template = cut(respond(idem, batch, STAND_IN), STAND_IN, batch.count);
  const lowest = BigInt(batch.count);
  if (render(template, lowest) !== respond(idem, batch, lowest)) throw new UntemplatedResponseError();
  return { key: idem.key, requestHash: idem.requestHash, ...template };
}

/**
 * Parameters of the claims of batches sent as one statement, in the statement's row order:
 * keys, request hashes, and the parts flattened with their member (1-based) and their distance
 * back from the statement's last position. Null when no batch claims a key.
 */
export function claimParams(batches: readonly Rows[]): unknown[] | null {
  const keys: string[] = [];
  const hashes: string[] = [];
  const members: number[] = [];
  const parts: string[] = [];
  const back: (bigint | null)[] = [];
  // Events after a batch: how far its last event lies behind the statement's last.
  let after = batches.reduce((n, b) => n + BigInt(b.count), 0n);
  for (const batch of batches) {
    after -= BigInt(batch.count);
    const { claim } = batch;
    if (!claim) continue;
    keys.push(claim.key);
    hashes.push(claim.requestHash);
    claim.parts.forEach((part, i) => {
      const behind = claim.back[i];
      members.push(keys.length);
      parts.push(part);
      back.push(behind === null ? null : behind + after);
    });
  }
  return keys.length === 0 ? null : [keys, hashes, members, parts, back];
}
