import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Component, lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import { Refusal } from '../../shell/refusal.component';
import { provinceName } from '../../shell/labels.format';
import { codeText } from '../forms.component';
import { CampaignSubtotals } from './statistics-campaigns.component';
import { PriorityTables, type PrioritiesFigures } from './statistics-priority.component';

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
  readonly support?: { readonly given: number | string; readonly byKind: Counts };
  readonly referrals?: { readonly made: number | string; readonly byService: Counts; readonly byOutcome: Counts };
  readonly priorities?: PrioritiesFigures;
  /** Meetings with the counterpart and the actions agreed there (issue 11). */
  readonly meetings?: {
    readonly meetings: { readonly total: number | string; readonly byKind: Counts };
    readonly actions: Counts;
  };
  readonly suppressed?: boolean;
}

/** How many past years besides the current one a supervisor can pick (reports look back that far). */
const PAST_YEARS = 2;
const VN_OFFSET_MS = 7 * 3_600_000;

interface PeriodChoice {
  readonly code: string;
  /** First month (1-based) of the period, to hide the periods of this year that have not begun. */
  readonly firstMonth: number;
}

/** Periods cut in Vietnam time, as the api counts them: the current year's first, begun ones only. */
function periodsByYear(now: Date): { readonly year: number; readonly periods: readonly PeriodChoice[] }[] {
  const vn = new Date(now.getTime() + VN_OFFSET_MS);
  const thisYear = vn.getUTCFullYear();
  const thisMonth = vn.getUTCMonth() + 1;
  const out: { year: number; periods: PeriodChoice[] }[] = [];
  for (let year = thisYear; year >= thisYear - PAST_YEARS; year--) {
    const all: PeriodChoice[] = [
      { code: `${year}-Q1`, firstMonth: 1 },
      { code: `${year}-Q2`, firstMonth: 4 },
      { code: `${year}-Q3`, firstMonth: 7 },
      { code: `${year}-Q4`, firstMonth: 10 },
      { code: `${year}-H1`, firstMonth: 1 },
      { code: `${year}-H2`, firstMonth: 7 },
      { code: `${year}`, firstMonth: 1 },
    ];
    out.push({ year, periods: year === thisYear ? all.filter((p) => p.firstMonth <= thisMonth) : all });
  }
  return out;
}

/** The quarter we are in (Vietnam time): what a supervisor reports on most often. */
function currentQuarter(now: Date): string {
  const vn = new Date(now.getTime() + VN_OFFSET_MS);
  return `${vn.getUTCFullYear()}-Q${Math.floor(vn.getUTCMonth() / 3) + 1}`;
}

// Chart.js is fetched only when this page draws, in a chunk of its own: no other screen pays for it.
const StatisticsChart = lazy(() => import('./statistics-chart.component'));

/** Statistics of a quarter, half-year or year, as tables, with the CSV and Excel downloads. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const [choices] = useState(() => periodsByYear(new Date()));
  const [period, setPeriod] = useState(() => currentQuarter(new Date()));
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
            {choices.map(({ year, periods }) => (
              <optgroup key={year} label={t('stats.year', { year: String(year) })}>
                {periods.map((p) => (
                  <option key={p.code} value={p.code}>
                    {periodName(t, p.code)}
                  </option>
                ))}
              </optgroup>
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
          <h2>{periodName(t, s.period.code)}</h2>
          <p className="muted">
            {provinceName(t, s.province ?? '*')} · {periodRange(t, i18n.language, s.period.from, s.period.to)}
          </p>
          {s.suppressed && <p className="notice">{t('stats.suppressed')}</p>}
          <div className="stat-groups">
            <CountGroup
              title={t('stats.reports')}
              rows={{ received: s.reports.received, classified: s.reports.classified, resolved: s.reports.resolved }}
              group="statsKey"
            />
            <CountGroup title={t('stats.byChannel')} rows={s.reports.byChannel} group="channel" />
            <CountGroup
              title={t('stats.personsBySex')}
              rows={{ total: s.persons.total, ...s.persons.bySex }}
              group="sex"
            />
            <CountGroup title={t('stats.personsByRole')} rows={s.persons.byRole} group="personRole" />
            <CountGroup
              title={t('stats.handovers')}
              rows={{
                held: s.handovers.held,
                cancelled: s.handovers.cancelled,
                personsHandedOver: s.handovers.personsHandedOver,
              }}
              group="statsKey"
            />
            <CountGroup title={t('stats.personsByGate')} rows={s.handovers.personsByGate} group="gate" />
            <CountGroup
              title={t('stats.verifications')}
              rows={{ requested: s.verifications.requested, ...s.verifications.byOutcome }}
              group="verificationStatus"
            />
            {s.support && (
              <CountGroup
                title={t('stats.support')}
                rows={{ given: s.support.given, ...s.support.byKind }}
                group="support.kinds"
              />
            )}
            {s.referrals && (
              <>
                <CountGroup
                  title={t('stats.referralsByService')}
                  rows={{ made: s.referrals.made, ...s.referrals.byService }}
                  group="referral.services"
                />
                <CountGroup
                  title={t('stats.referralsByOutcome')}
                  rows={s.referrals.byOutcome}
                  group="referral.states"
                />
              </>
            )}
            {s.meetings && (
              <>
                <CountGroup
                  title={t('stats.meetings')}
                  rows={{ total: s.meetings.meetings.total, ...s.meetings.meetings.byKind }}
                  group="meetingKind"
                />
                <CountGroup title={t('stats.agreedActions')} rows={s.meetings.actions} group="statsKey" />
              </>
            )}
          </div>
          {s.priorities && <PriorityTables figures={s.priorities} />}
          <CampaignSubtotals period={period} />
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

/** "1 July 2025 – 30 September 2025": the api's bounds are Vietnam midnights, the end exclusive. */
function periodRange(t: TFunction, language: string, from: string, to: string): string {
  const day = (text: string, back: number) => {
    const [y, m, d] = text.slice(0, 10).split('-').map(Number);
    return new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, (d ?? 1) - back));
  };
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  return t('stats.range', { from: format.format(day(from, 0)), to: format.format(day(to, 1)) });
}

/** A group of counts: its chart, and beside it the table of the same numbers (the accessible form). */
function CountGroup({ title, rows, group }: { readonly title: string; readonly rows: Counts; readonly group: string }) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(rows);
  const label = (key: string) =>
    i18n.exists(`statsKey.${key}`) ? codeText(t, i18n, 'statsKey', key) : codeText(t, i18n, group, key);
  // A suppressed count ("<11") is a range, not a number: its bar is left out and its label marked.
  const bars = entries.map(([key, value]) =>
    typeof value === 'number'
      ? { label: label(key), value }
      : { label: t('stats.hiddenBar', { label: label(key), value: String(value) }), value: null },
  );
  const hidden = bars.some((b) => b.value === null);
  return (
    <div className="stat-group">
      {entries.length > 0 && (
        <figure className="stat-figure">
          <ChartBoundary fallback={<p className="muted">{t('stats.chartFailed')}</p>}>
            <Suspense fallback={<p className="muted">{t('stats.chartLoading')}</p>}>
              <StatisticsChart bars={bars} name={t('stats.chartName', { title })} />
            </Suspense>
          </ChartBoundary>
          {hidden && <figcaption className="muted">{t('stats.chartHidden')}</figcaption>}
        </figure>
      )}
      <CountTable title={title} entries={entries} label={label} />
    </div>
  );
}

/**
 * When the chart's chunk cannot be fetched (a dropped connection, a deployment replacing it), the
 * page keeps its tables and says the chart is missing instead of failing as a whole.
 */
class ChartBoundary extends Component<
  { readonly fallback: ReactNode; readonly children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function CountTable({
  title,
  entries,
  label,
}: {
  readonly title: string;
  readonly entries: readonly [string, number | string][];
  readonly label: (key: string) => string;
}) {
  const { t } = useTranslation();
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
              <th scope="row">{label(key)}</th>
              <td className="num">{typeof value === 'number' || typeof value === 'string' ? value : '—'}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
