import type { ProvinceRecords } from './access-fixtures.js';

/** How the matrix calls one route on one province's records: the path (under /api/v1) and a valid body. */
export interface Probe {
  readonly path: (r: ProvinceRecords) => string;
  readonly body?: (r: ProvinceRecords) => object;
  /** The path is outside /api/v1 (operations). */
  readonly absolute?: boolean;
}

export const get = (path: (r: ProvinceRecords) => string): Probe => ({ path });
export const post = (
  path: (r: ProvinceRecords) => string,
  body: (r: ProvinceRecords) => object = () => ({}),
): Probe => ({
  path,
  body,
});
export const reason = (): object => ({ reason: 'Kiểm tra quyền truy cập' });
