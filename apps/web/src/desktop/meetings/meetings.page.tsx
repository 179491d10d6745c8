import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { Refusal } from '../../shell/refusal.component';
import { Link } from '../../shell/router';
import { DualTimeText } from '../dual-time.component';
import { codeText } from '../forms.component';
import { afterLastWrite } from '../read-your-writes';
import { RecordMeetingForm } from './meeting.form';
import type { MeetingListItem } from './meeting.views';
import { useCounterpartName } from '../reference.queries';

/** Meetings with the counterpart, latest first, each with how its agreed actions stand; officers record new ones. */
export function MeetingsPage({ me }: { readonly me: MeView }) {
  const { t, i18n } = useTranslation();
  const counterpartName = useCounterpartName();
  const [recording, setRecording] = useState(false);
  const list = useQuery({
    queryKey: ['meetings'],
    queryFn: () => answer<{ items: MeetingListItem[] }>(api.GET('/api/v1/meetings', { headers: afterLastWrite() })),
  });
  return (
    <>
      <div className="page-head">
        <h1>{t('nav.meetings')}</h1>
        <Link to="/meetings/campaigns" className="button">
          {t('campaign.heading')}
        </Link>
        {/* A meeting belongs to one province: national readers have none to record it for. */}
        {me.may.includes('meeting.write') && me.province !== '*' && (
          <button type="button" className="primary" onClick={() => setRecording((v) => !v)} aria-expanded={recording}>
            {t('meetingForm.heading')}
          </button>
        )}
      </div>
      {recording && <RecordMeetingForm me={me} onCancel={() => setRecording(false)} />}
      {list.error && <Refusal error={list.error} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p className="muted">{t('meeting.none')}</p>
        ) : (
          <table className="data meetings">
            <caption className="visually-hidden">{t('nav.meetings')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meeting.kind')}</th>
                <th scope="col">{t('meeting.heldAt')}</th>
                <th scope="col">{t('meeting.counterparts')}</th>
                <th scope="col">{t('meeting.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((m) => (
                <tr key={m.meetingId}>
                  <td>
                    <Link to={`/meetings/${m.meetingId}`}>{codeText(t, i18n, 'meetingKind', m.kind)}</Link>
                  </td>
                  <td>
                    <DualTimeText at={m.heldAt.at} />
                  </td>
                  <td>{m.counterparts.map(counterpartName).join(', ')}</td>
                  <td>
                    {t('meeting.counts', {
                      agreed: m.actions.agreed,
                      done: m.actions.done,
                      open: m.actions.open,
                      overdue: m.actions.overdue,
                      dropped: m.actions.dropped,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </>
  );
}
