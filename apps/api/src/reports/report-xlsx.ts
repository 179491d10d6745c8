import ExcelJS from 'exceljs';
import type { ReportView } from './report-view.js';
import { PROVINCE_NAMES, SECTION_TITLES, STATUS_NAMES } from './report-labels.js';

/** One sheet per form of the statistics (top-level part of the figures), named as the forms are. */
const FORMS: readonly (readonly [string, string])[] = [
  ['reports', 'Tin báo'],
  ['persons', 'Người tiếp nhận'],
  ['handovers', 'Trao trả'],
  ['exchanges', 'Trao đổi thông tin'],
  ['verifications', 'Xác minh'],
  ['support', 'Hỗ trợ'],
  ['referrals', 'Chuyển tuyến'],
  // Meetings with the counterpart and the actions agreed there (no 1 July – 30 September subtotal).
  ['meetings', 'Hội đàm, giao ban'],
];

function leaves(node: unknown, path: string[] = [], out: [string, unknown][] = []): [string, unknown][] {
  if (node !== null && typeof node === 'object' && !Array.isArray(node))
    for (const [k, v] of Object.entries(node)) leaves(v, [...path, k], out);
  else out.push([path.join('.'), node]);
  return out;
}

function sheetOf(wb: ExcelJS.Workbook, name: string, headers: readonly string[], rows: readonly unknown[][]): void {
  const sheet = wb.addWorksheet(name);
  sheet.columns = headers.map((header, i) => ({ header, key: `c${i}`, width: i === 0 ? 48 : 24 }));
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
}

/**
 * The report as an Excel workbook: one sheet per form (the period, and the 1 July – 30 September
 * subtotal beside it), the cases behind the target rates, the narrative and what the file is.
 */
export async function reportXlsx(view: ReportView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BLO Ledger';
  wb.created = new Date(view.figures.compiledAt);
  const stats = view.figures.statistics as Record<string, unknown> & { crackdown?: Record<string, unknown> | null };
  for (const [key, name] of FORMS) {
    const crackdown = new Map(leaves(stats.crackdown?.[key] ?? null));
    const rows = leaves(stats[key] ?? {}).map(([metric, value]) => [metric, value, crackdown.get(metric) ?? null]);
    sheetOf(wb, name, ['Chỉ tiêu', 'Kỳ báo cáo', 'Đợt cao điểm (01/7 – 30/9)'], rows);
  }
  const { unclassified, unresolved } = view.figures.pending;
  const longest = Math.max(unclassified.length, unresolved.length);
  sheetOf(
    wb,
    'Tin báo chưa xử lý',
    ['Chưa phân loại (mã vụ việc)', 'Chưa giải quyết (mã vụ việc)'],
    Array.from({ length: longest }, (_, i) => [unclassified[i] ?? null, unresolved[i] ?? null]),
  );
  sheetOf(
    wb,
    'Thuyết minh',
    ['Phần', 'Nội dung'],
    Object.entries(SECTION_TITLES).map(([s, title]) => [title, view.narrative[s as keyof typeof view.narrative] ?? '']),
  );
  sheetOf(
    wb,
    'Thông tin',
    ['Trường', 'Giá trị'],
    [
      ['Báo cáo', view.id],
      ['Tỉnh', PROVINCE_NAMES[view.province] ?? view.province],
      ['Kỳ', view.period.code],
      ['Trạng thái', STATUS_NAMES[view.status]],
      ['Số liệu tổng hợp lúc (UTC)', view.figures.compiledAt],
      ['Hạn nộp (UTC)', view.dueAt ?? ''],
      ['Nộp lúc (UTC)', view.submission?.at ?? ''],
      ['Che số liệu nhỏ', 'Các số từ 1 đến 10 hiển thị là "<11"'],
    ],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
