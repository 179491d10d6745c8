/**
 * What the law protects about a person: everything here is sealed with the person's own key
 * before it becomes an event, and never appears in logs, errors or Kafka.
 */
export interface NameVariant {
  /** BCP 47 script-ish tag: vi-Latn (with diacritics), zh-Hans, zh-Latn-pinyin, en-Latn … */
  readonly script: string;
  readonly value: string;
}

export interface IdentityDocument {
  readonly kind: string;
  readonly number: string;
}

export interface PersonalData {
  readonly fullName: string;
  readonly nameVariants: readonly NameVariant[];
  readonly sex: 'female' | 'male' | 'other' | 'unknown' | null;
  /** YYYY-MM-DD, or YYYY / YYYY-MM when only that much is known. */
  readonly dateOfBirth: string | null;
  readonly nationality: string | null;
  readonly documents: readonly IdentityDocument[];
}

/**
 * The age band is the one plaintext fact derived from the birth date, so statistics can count
 * minors without opening anyone's record. Partial dates are read at their latest possible day,
 * so a child is never counted as an adult for lack of a day of the month.
 */
export function ageBandOf(dateOfBirth: string | null, role: string, now: Date): 'under_18' | 'adult' | 'unknown' {
  if (dateOfBirth === null) return role === 'accompanying_minor' ? 'under_18' : 'unknown';
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const month = m ?? 12;
  const day = d ?? new Date(Date.UTC(y, month, 0)).getUTCDate();
  const eighteenth = Date.UTC(y + 18, month - 1, day);
  return now.getTime() < eighteenth ? 'under_18' : 'adult';
}
