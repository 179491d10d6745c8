import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { Refusal } from '../../shell/refusal.component';
import { Link } from '../../shell/router';
import { DualTimeText } from '../dual-time.component';
import { codeText } from '../forms.component';
import { MeetingActionsSection } from './meeting-actions.section';
import type { MeetingDetail } from './meeting.views';
import { useCounterpartName } from '../reference.queries';

/** One meeting: who sat at the table, the minutes, and every agreed action with its progress and forms. */
export function MeetingPage({ id, me }: { readonly id: string; readonly me: MeView }) {
  const { t, i18n } = useTranslation();
  const counterpartName = useCounterpartName();
  const meeting = useQuery({
    queryKey: ['meeting', id],
    queryFn: () => answer<MeetingDetail>(api.GET('/api/v1/meetings/{id}', { params: { path: { id } } })),
  });
  const m = meeting.data;
  return (
    <>
      <p>
        <Link to="/meetings">{t('meeting.back')}</Link>
      </p>
      {meeting.error && <Refusal error={meeting.error} />}
      {m && (
        <>
          <h1>{codeText(t, i18n, 'meetingKind', m.kind)}</h1>
          <dl className="facts">
            <dt>{t('meeting.heldAt')}</dt>
            <dd>
              <DualTimeText at={m.heldAt.at} />
            </dd>
            <dt>{t('meeting.place')}</dt>
            <dd>{m.place}</dd>
            <dt>{t('meeting.counterparts')}</dt>
            <dd>{m.counterparts.map((c) => counterpartName(c.code)).join(', ')}</dd>
            <dt>{t('meeting.languages')}</dt>
            <dd>{m.languages.map((l) => codeText(t, i18n, 'meetingLanguage', l)).join(', ')}</dd>
            <dt>{t('meeting.minutes')}</dt>
            <dd>{m.minutes ? `${m.minutes.reference} · SHA-256 ${m.minutes.sha256}` : t('meeting.noMinutes')}</dd>
          </dl>
          <section aria-labelledby="participants" className="section">
            <h2 id="participants">{t('meeting.participants')}</h2>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('meeting.side')}</th>
                  <th scope="col">{t('meeting.name')}</th>
                  <th scope="col">{t('meeting.role')}</th>
                </tr>
              </thead>
              <tbody>
                {m.participants.map((p, i) => (
                  <tr key={`${p.side}-${i}`}>
                    <td>{t(`meeting.sides.${p.side}`)}</td>
                    <td>{p.name}</td>
                    <td>{p.role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <MeetingActionsSection meeting={m} me={me} />
        </>
      )}
    </>
  );
}
