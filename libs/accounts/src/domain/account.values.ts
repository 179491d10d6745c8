import { BORDER_PROVINCES, ROLES, type BorderProvince, type Role } from '#shared-kernel';

/** A national unit (the Ministry's anti-trafficking department) has province `*`. */
export const NATIONAL = '*';
export type AccountProvince = BorderProvince | typeof NATIONAL;

/**
 * Account names are typed at sign-in on phones and office PCs alike: lower-case ASCII, starting
 * with a letter (hoa.nguyen, binh.tran2). Never shaped like a UUID, so an address may name an
 * account by either its id or its name without ambiguity.
 */
const USERNAME = /^[a-z][a-z0-9._-]{1,63}$/;
const UUID_SHAPED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// The same shapes the security lib checks in a principal: an account must always yield one.
const UNIT = /^[A-Z]{2}(?:-[A-Z0-9]{1,24}){1,4}$/;
const GATE = /^[A-Z][A-Z0-9_]{1,39}$/;
export const MAX_GATES = 50;
export const MAX_DISPLAY_NAME = 200;

export const isUsername = (value: unknown): value is string =>
  typeof value === 'string' && USERNAME.test(value) && !UUID_SHAPED.test(value);

/** What a person types is trimmed and lower-cased before it names an account. */
export const normalizeUsername = (typed: string): string => typed.trim().normalize('NFC').toLowerCase();

export const isUnit = (value: unknown): value is string => typeof value === 'string' && UNIT.test(value);
export const isGate = (value: unknown): value is string => typeof value === 'string' && GATE.test(value);
export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
export const isAccountProvince = (value: unknown): value is AccountProvince =>
  value === NATIONAL || (BORDER_PROVINCES as readonly unknown[]).includes(value);
