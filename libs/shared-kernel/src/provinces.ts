/**
 * The seven Vietnamese provinces on the Chinese border since the 1 July 2025 merger, as the
 * slugs used in tokens, bodies and filters (docs/api.md).
 */
export const BORDER_PROVINCES = [
  'quang-ninh',
  'lang-son',
  'cao-bang',
  'tuyen-quang',
  'lao-cai',
  'lai-chau',
  'dien-bien',
] as const;
export type BorderProvince = (typeof BORDER_PROVINCES)[number];

export const isBorderProvince = (value: unknown): value is BorderProvince =>
  typeof value === 'string' && (BORDER_PROVINCES as readonly string[]).includes(value);
