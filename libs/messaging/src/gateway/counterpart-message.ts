import { createHash } from 'node:crypto';
import { isIsoWithOffset, isUuid } from '#shared-kernel';

/**
 * Gateway contract v1 (docs/counterpart-gateway.md): one JSON object per Kafka record on the
 * counterpart topic. Checked here field by field, before anything touches the ledger, so that a
 * malformed record is dead-lettered with a stable reason and never reaches the domain half-read.
 */
export interface CounterpartMessage {
  /** The counterpart system's own unique id of the message: the deduplication key. */
  readonly messageId: string;
  /** Register code of the sending unit (libs/reference-data). */
  readonly counterpart: string;
  readonly language: 'vi' | 'zh' | 'en';
  readonly subject: string;
  readonly body: string;
  /** ISO-8601 with offset, as the sender's clock showed it. */
  readonly sentAt: string;
  readonly theirReference?: string;
  readonly ourReference?: string;
  /** Our message id, or our reference, of the message this one answers (same thread). */
  readonly inReplyTo?: string;
  readonly exchangeId?: string;
  readonly caseIds?: readonly string[];
  readonly handlingCode?: 'H0' | 'H1' | 'H2' | 'H3';
  readonly attachments?: readonly { readonly name: string; readonly sha256: string }[];
  /**
   * Contract v1.1 (additive): the persons the message is about, each by the names the counterpart
   * has for them. Personal data: sealed with the message, never logged, never published.
   */
  readonly persons?: readonly { readonly names: readonly string[] }[];
}

/** Why a record was dead-lettered. Codes and field names only: never a value from the payload. */
export interface Rejection {
  readonly reason: string;
  /** The contract field at fault, by name. */
  readonly field?: string;
  /** The domain's refusal code (e.g. EXCHANGE.INVALID_REPLY) when the ledger refused it. */
  readonly code?: string;
}

export type Parsed =
  | { readonly ok: true; readonly message: CounterpartMessage; readonly requestHash: string }
  | { readonly ok: false; readonly rejection: Rejection };

export const CONTRACT_LIMITS = {
  messageId: 200,
  reference: 200,
  subject: 500,
  body: 20_000,
  caseIds: 20,
  attachments: 50,
  attachmentName: 255,
  // The same bounds as a person's names at registration (a full name and 20 variants).
  persons: 20,
  personNames: 21,
  personName: 200,
} as const;

const FIELDS = new Set([
  'messageId',
  'counterpart',
  'language',
  'subject',
  'body',
  'sentAt',
  'theirReference',
  'ourReference',
  'inReplyTo',
  'exchangeId',
  'caseIds',
  'handlingCode',
  'attachments',
  'persons',
]);
const LANGUAGES = ['vi', 'zh', 'en'] as const;
const HANDLING = ['H0', 'H1', 'H2', 'H3'] as const;
const CODE = /^[A-Z0-9][A-Z0-9_/-]{1,63}$/;
const SHA256 = /^[0-9a-f]{64}$/;
// Control characters other than tab, line feed and carriage return have no place in a letter.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

class Reject extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.reason);
  }
}
const reject = (reason: string, field?: string): never => {
  throw new Reject(field === undefined ? { reason } : { reason, field });
};

/** `reported` is the field named in a rejection when it is not `field` itself (an item of a list). */
function text(
  o: Record<string, unknown>,
  field: string,
  max: number,
  required: boolean,
  reported: string = field,
): string | undefined {
  const v = o[field];
  if (v === undefined || v === null) return required ? reject('missing_field', reported) : undefined;
  if (typeof v !== 'string') return reject('wrong_type', reported);
  if (v.trim() === '' || CONTROL.test(v)) return reject('invalid_text', reported);
  if (v.length > max) return reject('too_long', reported);
  return v;
}

function oneOf<T extends string>(o: Record<string, unknown>, field: string, allowed: readonly T[]): T | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) return reject('invalid_value', field);
  return v as T;
}

function parseObject(o: Record<string, unknown>): CounterpartMessage {
  // The offending key is named only when it looks like a field name: a key is payload too.
  for (const key of Object.keys(o))
    if (!FIELDS.has(key)) reject('unknown_field', /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(key) ? key : undefined);
  const messageId = text(o, 'messageId', CONTRACT_LIMITS.messageId, true)!;
  const counterpart = text(o, 'counterpart', 64, true)!;
  if (!CODE.test(counterpart)) reject('invalid_value', 'counterpart');
  if (o.language === undefined || o.language === null) reject('missing_field', 'language');
  const language = oneOf(o, 'language', LANGUAGES)!;
  const subject = text(o, 'subject', CONTRACT_LIMITS.subject, true)!;
  const body = text(o, 'body', CONTRACT_LIMITS.body, true)!;
  const sentAt = text(o, 'sentAt', 64, true)!;
  if (!isIsoWithOffset(sentAt)) reject('invalid_time', 'sentAt');
  const theirReference = text(o, 'theirReference', CONTRACT_LIMITS.reference, false);
  const ourReference = text(o, 'ourReference', CONTRACT_LIMITS.reference, false);
  const inReplyTo = text(o, 'inReplyTo', CONTRACT_LIMITS.reference, false);
  const exchangeId = text(o, 'exchangeId', 36, false);
  if (exchangeId !== undefined && !isUuid(exchangeId)) reject('invalid_value', 'exchangeId');
  let caseIds: string[] | undefined;
  if (o.caseIds !== undefined && o.caseIds !== null) {
    if (!Array.isArray(o.caseIds)) reject('wrong_type', 'caseIds');
    const list = o.caseIds as unknown[];
    if (list.length === 0 || list.length > CONTRACT_LIMITS.caseIds) reject('invalid_value', 'caseIds');
    if (!list.every(isUuid)) reject('invalid_value', 'caseIds');
    caseIds = [...new Set(list as string[])];
  }
  if (exchangeId === undefined && caseIds === undefined) reject('no_thread', 'exchangeId');
  if (exchangeId !== undefined && caseIds !== undefined) reject('both_thread_and_cases', 'caseIds');
  const handlingCode = oneOf(o, 'handlingCode', HANDLING);
  let attachments: { name: string; sha256: string }[] | undefined;
  if (o.attachments !== undefined && o.attachments !== null) {
    if (!Array.isArray(o.attachments)) reject('wrong_type', 'attachments');
    const list = o.attachments as unknown[];
    if (list.length > CONTRACT_LIMITS.attachments) reject('too_long', 'attachments');
    attachments = list.map((a) => {
      if (typeof a !== 'object' || a === null || Array.isArray(a)) return reject('wrong_type', 'attachments');
      const item = a as Record<string, unknown>;
      if (Object.keys(item).some((k) => k !== 'name' && k !== 'sha256')) reject('unknown_field', 'attachments');
      const name = text(item, 'name', CONTRACT_LIMITS.attachmentName, true)!;
      const sha256 = item.sha256;
      if (typeof sha256 !== 'string' || !SHA256.test(sha256)) reject('invalid_value', 'attachments');
      return { name, sha256: sha256 as string };
    });
  }
  const persons = personsOf(o);
  return {
    messageId,
    counterpart,
    language,
    subject,
    body,
    sentAt,
    ...(theirReference !== undefined ? { theirReference } : {}),
    ...(ourReference !== undefined ? { ourReference } : {}),
    ...(inReplyTo !== undefined ? { inReplyTo } : {}),
    ...(exchangeId !== undefined ? { exchangeId } : {}),
    ...(caseIds !== undefined ? { caseIds } : {}),
    ...(handlingCode !== undefined ? { handlingCode } : {}),
    ...(attachments !== undefined ? { attachments } : {}),
    ...(persons !== undefined ? { persons } : {}),
  };
}

/**
 * `persons: [{ names: [..] }]`: 1–20 persons, each with 1–21 names of clean text. A rejection
 * names the field, never a value: the value is a name.
 */
function personsOf(o: Record<string, unknown>): { names: string[] }[] | undefined {
  if (o.persons === undefined || o.persons === null) return undefined;
  if (!Array.isArray(o.persons)) return reject('wrong_type', 'persons');
  const list = o.persons as unknown[];
  if (list.length === 0) return reject('invalid_value', 'persons');
  if (list.length > CONTRACT_LIMITS.persons) return reject('too_long', 'persons');
  return list.map((p) => {
    if (typeof p !== 'object' || p === null || Array.isArray(p)) return reject('wrong_type', 'persons');
    const item = p as Record<string, unknown>;
    if (Object.keys(item).some((k) => k !== 'names')) reject('unknown_field', 'persons');
    if (!Array.isArray(item.names)) return reject(item.names === undefined ? 'missing_field' : 'wrong_type', 'persons');
    const names = item.names as unknown[];
    if (names.length === 0) return reject('invalid_value', 'persons');
    if (names.length > CONTRACT_LIMITS.personNames) return reject('too_long', 'persons');
    // Two spellings of one name that differ only in Unicode composition are one name.
    const checked = names.map((name) => text({ name }, 'name', CONTRACT_LIMITS.personName, true, 'persons')!);
    return { names: [...new Set(checked.map((n) => n.normalize('NFC').trim()))] };
  });
}

/** JSON with keys in a fixed order at every level: equal content, equal bytes, whatever the sender's order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Bytes off the wire → a checked message and the hash that guards its idempotency key, or the
 * reason it cannot be recorded. Invalid UTF-8 is refused rather than repaired: a replaced
 * character in a name or a case number would change what the counterpart told us.
 */
export function parseCounterpartMessage(value: Buffer | null): Parsed {
  try {
    if (value === null || value.length === 0) reject('empty');
    let json: string;
    try {
      json = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(value);
    } catch {
      return reject('invalid_utf8');
    }
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      return reject('invalid_json');
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) reject('not_an_object');
    const message = parseObject(raw as Record<string, unknown>);
    const requestHash = createHash('sha256').update(canonicalJson(message)).digest('hex');
    return { ok: true, message, requestHash };
  } catch (error) {
    if (error instanceof Reject) return { ok: false, rejection: error.rejection };
    throw error;
  }
}
