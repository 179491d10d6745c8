import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import { Refusal } from '../../shell/refusal.component';
import { provinceName } from '../../shell/labels.format';
import { DualTimeText } from '../dual-time.component';
import { afterLastWrite } from '../read-your-writes';

type Figure = number | string;
/** A campaign's subtotal as GET /reports/meetings gives it: published, small counts already "<11". */
interface CampaignSubtotal {
  readonly campaignId: string;
  readonly name: string;
  readonly province: string;
  readonly coverage: 'province' | 'national';
  /** The part of the campaign inside the period, Vietnam time, the end exclusive. */
  readonly window: { readonly from: string; readonly to: string };
  readonly statistics: {
    readonly reports: { readonly received: Figure };
    readonly persons: { readonly total: Figure };
    readonly handovers: { readonly held: Figure; readonly personsHandedOver: Figure };
    readonly verifications: { readonly requested: Figure };
  };
}

/** The figures of each campaign a table row shows: the key ones of the forms, as the report's Word table. */
const COLUMNS = [
  ['received', (s: CampaignSubtotal['statistics']) => s.reports.received],
  ['total', (s: CampaignSubtotal['statistics']) => s.persons.total],
  ['held', (s: CampaignSubtotal['statistics']) => s.handovers.held],
  ['personsHandedOver', (s: CampaignSubtotal['statistics']) => s.handovers.personsHandedOver],
  ['requested', (s: CampaignSubtotal['statistics']) => s.verifications.requested],
] as const;

/**
 * The subtotals of the joint campaigns that overlap the chosen period, each over its days inside
 * the period (both clocks: the campaign is counted from 00:00 in Vietnam, 01:00 in China).
 */
export function CampaignSubtotals({ period }: { readonly period: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['statistics', 'campaigns', period],
    queryFn: () =>
      answer<{ campaigns: CampaignSubtotal[] }>(
        api.GET('/api/v1/reports/meetings', { params: { query: { period } }, headers: afterLastWrite() }),
      ),
  });
  return (
    <section aria-labelledby="campaign-subtotals" className="section">
      <h2 id="campaign-subtotals">{t('campaign.subtotals')}</h2>
      {q.error && <Refusal error={q.error} />}
      {q.data &&
        (q.data.campaigns.length === 0 ? (
          <p className="muted">{t('campaign.noneInPeriod')}</p>
        ) : (
          <table className="data campaign-subtotals">
            <thead>
              <tr>
                <th scope="col">{t('campaign.name')}</th>
                <th scope="col">{t('campaign.windowFrom')}</th>
                <th scope="col">{t('campaign.windowTo')}</th>
                {COLUMNS.map(([key]) => (
                  <th key={key} scope="col">
                    {t(`statsKey.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {q.data.campaigns.map((c) => (
                <tr key={c.campaignId}>
                  <th scope="row">
                    {c.name}{' '}
                    <span className="muted">
                      ({c.coverage === 'national' ? t('campaign.coverages.national') : provinceName(t, c.province)})
                    </span>
                  </th>
                  <td>
                    <DualTimeText at={c.window.from} />
                  </td>
                  <td>
                    <DualTimeText at={c.window.to} />
                  </td>
                  {COLUMNS.map(([key, figure]) => (
                    <td key={key} className="num">
                      {String(figure(c.statistics))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
