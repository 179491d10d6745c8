import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { Refusal } from '../../shell/refusal.component';
import { provinceName } from '../../shell/labels.format';
import { Link } from '../../shell/router';
import { DualTimeText } from '../dual-time.component';
import { afterLastWrite } from '../read-your-writes';
import { RecordCampaignForm } from './campaign.form';
import { dayEnd, dayStart, type CampaignItem } from './campaign.views';
import { useCounterpartName } from '../reference.queries';

/**
 * The joint campaigns the province's statistics count (its own and the national ones), with the
 * moments each begins and ends on both clocks; a supervisor of the province records new ones.
 * Their subtotals are on the statistics page, for the period chosen there.
 */
export function CampaignsPage({ me }: { readonly me: MeView }) {
  const { t } = useTranslation();
  const counterpartName = useCounterpartName();
  const [recording, setRecording] = useState(false);
  const list = useQuery({
    queryKey: ['campaigns'],
    queryFn: () => answer<{ items: CampaignItem[] }>(api.GET('/api/v1/campaigns', { headers: afterLastWrite() })),
  });
  return (
    <>
      <p>
        <Link to="/meetings">{t('meeting.back')}</Link>
      </p>
      <div className="page-head">
        <h1>{t('campaign.heading')}</h1>
        {/* Recording one changes a province's statistics: a supervisor of that province does it. */}
        {me.may.includes('campaign.write') && me.province !== '*' && (
          <button type="button" className="primary" onClick={() => setRecording((v) => !v)} aria-expanded={recording}>
            {t('campaign.formHeading')}
          </button>
        )}
      </div>
      {recording && <RecordCampaignForm me={me} onClose={() => setRecording(false)} />}
      {me.may.includes('statistics.read') && (
        <p className="muted">
          {t('campaign.subtotalsWhere')} <Link to="/statistics">{t('nav.statistics')}</Link>
        </p>
      )}
      {list.error && <Refusal error={list.error} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p className="muted">{t('campaign.none')}</p>
        ) : (
          <table className="data campaigns">
            <caption className="visually-hidden">{t('campaign.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('campaign.name')}</th>
                <th scope="col">{t('campaign.coverage')}</th>
                <th scope="col">{t('campaign.counterparts')}</th>
                <th scope="col">{t('campaign.from')}</th>
                <th scope="col">{t('campaign.until')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.campaignId}>
                  <th scope="row">{c.name}</th>
                  <td>{c.coverage === 'national' ? t('campaign.coverages.national') : provinceName(t, c.province)}</td>
                  <td>{c.counterparts.map(counterpartName).join(', ')}</td>
                  <td>
                    <DualTimeText at={dayStart(c.from)} />
                  </td>
                  <td>
                    <DualTimeText at={dayEnd(c.to)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </>
  );
}
