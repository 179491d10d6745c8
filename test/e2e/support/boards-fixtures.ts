import ExcelJS from 'exceljs';
import { localTimes } from '#shared-kernel';
import type { Answer, Caller } from './test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const HOURS = HOUR;
export const DAYS = DAY;

/** An instant relative to now, written in Vietnam time with its offset (as a client would). */
export const vnAt = (offsetMs: number): string => localTimes(new Date(Date.now() + offsetMs).toISOString()).vn;

/** The Vietnam calendar year of now (statistics periods cut in Vietnam time). */
export const vietnamYear = (): number => new Date(Date.now() + 7 * HOUR).getUTCFullYear();

/** Opens a case and answers its id and the write's position. */
export async function caseAt(
  officer: Caller,
  occurredAt: string,
  extra: { channel?: string; province?: string } = {},
): Promise<{ id: string; position: string }> {
  const r = await officer.post('/cases', {
    channel: extra.channel ?? 'hotline',
    province: extra.province ?? 'lang-son',
    summary: 'Tự trình báo tại đồn biên phòng / 自行报案',
    occurredAt,
  });
  if (r.status !== 201) throw new Error(`case not created: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body.id as string, position: r.body.position as string };
}

/** A write that must succeed; answers its position. */
export async function written(answer: Promise<Answer>): Promise<string> {
  const r = await answer;
  if (r.status !== 200 && r.status !== 201) throw new Error(`write refused: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.position as string;
}

/** Reads the rows of the Statistics sheet of an XLSX export as [scope, metric, unit, value]. */
export async function xlsxRows(bytes: ArrayBuffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const rows: unknown[][] = [];
  wb.getWorksheet('Statistics')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
