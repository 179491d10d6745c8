import ExcelJS from 'exceljs';
import type { StatisticsBody, StatisticsReport } from './statistics-report.values.js';

/**
 * Published aggregates must not let anyone re-identify a victim (docs/domain.md, Statistics):
 * every count from 1 to 10 becomes "< 11". Zero stays zero (it identifies nobody). Rates, targets
 * and durations are not counts of people and stay as they are.
 */
export const SUPPRESSION_THRESHOLD = 11;
export const SUPPRESSED = '<11';

export type Unit = 'count' | 'ratio' | 'hours' | 'flag';
export type Suppressible<T> = T extends number
  ? number | typeof SUPPRESSED
  : T extends object
    ? { [K in keyof T]: Suppressible<T[K]> }
    : T;

export type PublishedReport = Suppressible<Omit<StatisticsReport, 'period' | 'province' | 'generatedAt'>> &
  Pick<StatisticsReport, 'period' | 'province' | 'generatedAt'> & {
    suppressed: boolean;
    suppression: { threshold: number; marker: string; cells: number };
  };

/** What a leaf of the report measures, from its key: `...Rate`/`...Target` ratios, `...Hours.*` durations. */
export function unitOf(path: readonly string[], value: unknown): Unit {
  if (typeof value === 'boolean') return 'flag';
  const key = path[path.length - 1] ?? '';
  const parent = path[path.length - 2] ?? '';
  if (/(Rate|Target)$/.test(key)) return 'ratio';
  if (parent.endsWith('Hours')) return 'hours';
  return 'count';
}

const isSmall = (n: number): boolean => n >= 1 && n < SUPPRESSION_THRESHOLD;

function suppressTree(node: unknown, path: string[], cells: { n: number }): unknown {
  if (typeof node === 'number') {
    if (unitOf(path, node) === 'count' && isSmall(node)) {
      cells.n += 1;
      return SUPPRESSED;
    }
    return node;
  }
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, suppressTree(v, [...path, k], cells)]));
}

/** Any tree of figures with its small counts suppressed, and how many cells that took. */
export function suppressCounts<T>(tree: T): { value: Suppressible<T>; cells: number } {
  const cells = { n: 0 };
  return { value: suppressTree(tree, [], cells) as Suppressible<T>, cells: cells.n };
}

/** The report as it may leave the service. */
export function publish(report: StatisticsReport): PublishedReport {
  const { period, province, generatedAt, ...counts } = report;
  const cells = { n: 0 };
  const suppressedCounts = suppressTree(counts, [], cells) as Suppressible<typeof counts>;
  return {
    period,
    province,
    generatedAt,
    ...suppressedCounts,
    suppressed: cells.n > 0,
    suppression: { threshold: SUPPRESSION_THRESHOLD, marker: SUPPRESSED, cells: cells.n },
  };
}

export interface FlatRow {
  readonly scope: 'period' | 'crackdown' | 'meetings';
  readonly metric: string;
  readonly unit: Unit;
  readonly value: number | string | boolean | null;
}

function flattenBody(scope: FlatRow['scope'], body: object, path: string[] = [], out: FlatRow[] = []): FlatRow[] {
  for (const [k, v] of Object.entries(body)) {
    const p = [...path, k];
    if (v !== null && typeof v === 'object') flattenBody(scope, v as object, p, out);
    else out.push({ scope, metric: p.join('.'), unit: unitOf(p, v), value: v as FlatRow['value'] });
  }
  return out;
}

/**
 * One row per figure: the long format CSV and XLSX share. The meetings with the counterpart
 * (statistics.meetings.ts), when the export carries them, come last under their own scope.
 */
export function flatRows(published: PublishedReport & { readonly meetings?: object | undefined }): FlatRow[] {
  const body = (x: Suppressible<StatisticsBody>): Suppressible<StatisticsBody> => ({
    reports: x.reports,
    persons: x.persons,
    handovers: x.handovers,
    exchanges: x.exchanges,
    verifications: x.verifications,
    support: x.support,
    referrals: x.referrals,
    priorities: x.priorities,
  });
  return [
    ...flattenBody('period', body(published)),
    ...(published.crackdown ? flattenBody('crackdown', body(published.crackdown)) : []),
    ...(published.meetings ? flattenBody('meetings', published.meetings) : []),
  ];
}

const csvCell = (text: string): string => {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV (CRLF, quoted when needed), UTF-8 with a BOM so spreadsheet tools read Vietnamese right. */
export function toCsv(published: PublishedReport & { readonly meetings?: object | undefined }): string {
  const lines = [['period', 'province', 'scope', 'metric', 'unit', 'value']];
  for (const r of flatRows(published))
    lines.push([published.period.code, published.province ?? 'all', r.scope, r.metric, r.unit, String(r.value ?? '')]);
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** An Excel workbook: the figures, and a sheet saying what they cover and how they were suppressed. */
export async function toXlsx(published: PublishedReport & { readonly meetings?: object | undefined }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BLO Ledger';
  wb.created = new Date(published.generatedAt);
  const sheet = wb.addWorksheet('Statistics');
  sheet.columns = [
    { header: 'scope', key: 'scope', width: 12 },
    { header: 'metric', key: 'metric', width: 60 },
    { header: 'unit', key: 'unit', width: 8 },
    { header: 'value', key: 'value', width: 12 },
  ];
  for (const r of flatRows(published)) sheet.addRow({ scope: r.scope, metric: r.metric, unit: r.unit, value: r.value });
  sheet.getRow(1).font = { bold: true };
  const about = wb.addWorksheet('About');
  about.columns = [
    { header: 'field', key: 'field', width: 28 },
    { header: 'value', key: 'value', width: 70 },
  ];
  const c = published.crackdown;
  for (const [field, value] of [
    ['period', published.period.code],
    ['from (Vietnam time)', published.period.from],
    ['to, exclusive (Vietnam time)', published.period.to],
    ['province', published.province ?? 'all'],
    ['crackdown window', c ? `${c.from} – ${c.to}` : 'not in this period'],
    ['generated at (UTC)', published.generatedAt],
    ['suppression', `counts from 1 to ${SUPPRESSION_THRESHOLD - 1} are shown as "${SUPPRESSED}"`],
    ['suppressed cells', published.suppression.cells],
  ] as const)
    about.addRow({ field, value });
  about.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
