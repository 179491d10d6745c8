/**
 * Our own units have no register the api serves (only the Chinese units and the gates are in
 * the reference data), but their codes say what they are: `VN-LS-BLO` is the Border Liaison
 * Office of Lạng Sơn. So the signed-in officer's unit, a user's unit and an agreed action's owner
 * are read from their codes, and any other code (a border post, a national office, an
 * abbreviation not listed here) is shown as it is written. Pure, so it is tested in Node.
 */

/** The province part of a unit code, as officers write it (VN-LC-BLO pairs with Hà Khẩu: Lào Cai). */
const PROVINCE_OF = {
  QN: 'quang-ninh',
  LS: 'lang-son',
  CB: 'cao-bang',
  TQ: 'tuyen-quang',
  LC: 'lao-cai',
  LCH: 'lai-chau',
  DB: 'dien-bien',
} as const;

export type UnitProvince = (typeof PROVINCE_OF)[keyof typeof PROVINCE_OF];

const BLO = /^VN-([A-Z]{2,3})-BLO$/;

/** The border province whose liaison office the code names, or null for any other code. */
export function liaisonOfficeProvince(code: string): UnitProvince | null {
  const abbreviation = BLO.exec(code)?.[1];
  if (abbreviation === undefined || !Object.hasOwn(PROVINCE_OF, abbreviation)) return null;
  return PROVINCE_OF[abbreviation as keyof typeof PROVINCE_OF];
}

/** A unit of our side in words: its liaison office's name in the reader's language, else its code. */
export function ownUnitName(code: string, officeOf: (province: UnitProvince) => string): string {
  const province = liaisonOfficeProvince(code);
  return province ? officeOf(province) : code;
}
