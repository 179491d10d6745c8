import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import { Refusal } from '../../shell/refusal.component';
import { provinceName } from '../../shell/labels.format';
import { codeText } from '../forms.component';

type Counts = Record<string, number | string>;
interface Statistics {
  readonly period: { readonly code: string; readonly from: string; readonly to: string };
  readonly province: string | null;
  readonly reports: {
    readonly received: number | string;
    readonly classified: number | string;
    readonly resolved: number | string;
    readonly byChannel: Counts;
  };
  readonly persons: {
    readonly total: number | string;
    readonly bySex: Counts;
    readonly byAgeBand: Counts;
    readonly byStatus: Counts;
    readonly byRole: Counts;
  };
  readonly handovers: {
    readonly held: number | string;
    readonly cancelled: number | string;
    readonly personsHandedOver: number | string;
    readonly personsByGate: Counts;
  };
  readonly verifications: { readonly requested: number | string; readonly byOutcome: Counts };
  readonly suppressed?: boolean;
}

const year = new Date().getFullYear();
const PERIODS = [
  `${year}-Q1`,
  `${year}-Q2`,
  `${year}-Q3`,
  `${year}-Q4`,
  `${year}-H1`,
  `${year}-H2`,
  `${year}`,
  `${year - 1}`,
];

/** Statistics of a quarter, half-year or year, as tables, with the CSV and Excel downloads. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(PERIODS[0] ?? String(year));
  const stats = useQuery({
    queryKey: ['statistics', period],
    queryFn: () => answer<Statistics>(api.GET('/api/v1/reports/statistics', { params: { query: { period } } })),
  });
  const s = stats.data;
  const download = (format: 'csv' | 'xlsx') =>
    `/api/v1/reports/statistics?period=${encodeURIComponent(period)}&format=${format}`;
  return (
    <>
      <h1>{t('nav.statistics')}</h1>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="stats-period">{t('stats.period')}</label>
          <select id="stats-period" value={period} onChange={(e) => setPeriod(e.target.value)}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {periodName(t, p)}
              </option>
            ))}
          </select>
        </div>
        <a className="button" href={download('csv')} download>
          {t('stats.csv')}
        </a>
        <a className="button" href={download('xlsx')} download>
          {t('stats.xlsx')}
        </a>
      </div>
      {stats.error && <Refusal error={stats.error} />}
      {s && (
        <>
          <p className="muted">
            {provinceName(t, s.province ?? '*')} · {periodName(t, s.period.code)}
          </p>
          {s.suppressed && <p className="notice">{t('stats.suppressed')}</p>}
          <div className="stat-grid">
            <CountTable
              title={t('stats.reports')}
              rows={{ received: s.reports.received, classified: s.reports.classified, resolved: s.reports.resolved }}
              group="statsKey"
            />
            <CountTable title={t('stats.byChannel')} rows={s.reports.byChannel} group="channel" />
            <CountTable
              title={t('stats.personsBySex')}
              rows={{ total: s.persons.total, ...s.persons.bySex }}
              group="sex"
            />
            <CountTable title={t('stats.personsByRole')} rows={s.persons.byRole} group="personRole" />
            <CountTable
              title={t('stats.handovers')}
              rows={{
                held: s.handovers.held,
                cancelled: s.handovers.cancelled,
                personsHandedOver: s.handovers.personsHandedOver,
              }}
              group="statsKey"
            />
            <CountTable title={t('stats.personsByGate')} rows={s.handovers.personsByGate} group="gate" />
            <CountTable
              title={t('stats.verifications')}
              rows={{ requested: s.verifications.requested, ...s.verifications.byOutcome }}
              group="verificationStatus"
            />
          </div>
        </>
      )}
    </>
  );
}

function periodName(t: TFunction, code: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(code);
  if (q) return t('stats.quarter', { year: q[1] ?? '', number: q[2] ?? '' });
  const h = /^(\d{4})-H([12])$/.exec(code);
  if (h) return t('stats.half', { year: h[1] ?? '', number: h[2] ?? '' });
  return t('stats.year', { year: code });
}

function CountTable({ title, rows, group }: { readonly title: string; readonly rows: Counts; readonly group: string }) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(rows);
  return (
    <table className="data compact">
      <caption>{title}</caption>
      <tbody>
        {entries.length === 0 ? (
          <tr>
            <td colSpan={2} className="muted">
              {t('stats.empty')}
            </td>
          </tr>
        ) : (
          entries.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">
                {i18n.exists(`statsKey.${key}`) ? codeText(t, i18n, 'statsKey', key) : codeText(t, i18n, group, key)}
              </th>
              <td className="num">{typeof value === 'number' || typeof value === 'string' ? value : '—'}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
