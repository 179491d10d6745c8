import type { TFunction } from 'i18next';
import type { HandoverStatus, Names, Role } from '../api/api.views';
import { ownUnitName } from './own-unit.format';

/** Words for the api's codes. The codes come from the api's closed lists, so the keys exist (the types say so). */

export const roleName = (t: TFunction, role: Role): string => t(`role.${role}`);

const PROVINCES = ['quang-ninh', 'lang-son', 'cao-bang', 'tuyen-quang', 'lao-cai', 'lai-chau', 'dien-bien'] as const;

/** A province slug, or `*` (a national unit); an unknown slug is shown as it is rather than hidden. */
export function provinceName(t: TFunction, province: string): string {
  if (province === '*') return t('province.national');
  const known = PROVINCES.find((p) => p === province);
  return known ? t(`province.${known}`) : province;
}

export const handoverStatusName = (t: TFunction, status: HandoverStatus): string => t(`handoverStatus.${status}`);

/** Reference data carries its own names in vi / zh / en; pick the one for the screen's language. */
export function nameIn(language: string, names: Names): string {
  if (language.startsWith('zh')) return names.zh;
  if (language === 'en') return names.en;
  return names.vi;
}

/** One of our units in words: a liaison office by name in the screen's language, any other unit by its code. */
export const unitName = (t: TFunction, code: string): string =>
  ownUnitName(code, (province) => t('session.liaisonOffice', { province: provinceName(t, province) }));

/** A unit named, with its code beside the name where they differ (what an administrator checks against). */
export function unitWithCode(t: TFunction, code: string): string {
  const name = unitName(t, code);
  return name === code ? code : `${name} (${code})`;
}
