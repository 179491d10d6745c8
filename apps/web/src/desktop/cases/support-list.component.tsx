import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DualTimeText } from '../dual-time.component';
import { codeText } from '../forms.component';
import type { ReferralSummary, ScreeningSummary, SupportSummary, WriteAnswer } from '../desktop.views';
import { ReferralAnswerForm } from './referral-answer.form';

/** Support given to one person, without the sealed notes (they open on the person's own record). */
export function SupportList({ support }: { readonly support: readonly SupportSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="consents">
      <caption>{t('support.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('support.kind')}</th>
          <th scope="col">{t('support.provider')}</th>
          <th scope="col">{t('support.occurredAt')}</th>
          <th scope="col">{t('support.recordedBy')}</th>
        </tr>
      </thead>
      <tbody>
        {support.map((s) => (
          <tr key={s.supportId}>
            <td>
              {codeText(t, i18n, 'support.kinds', s.kind)}
              {s.hasNote && <span className="muted"> · {t('support.hasNote')}</span>}
            </td>
            <td>{s.provider}</td>
            <td>
              <DualTimeText at={s.occurredAt} />
            </td>
            <td>{s.recordedBy.userId}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Referrals of one person with where each stands, and the next step the reader may record. */
export function ReferralList({
  personId,
  referrals,
  mayAct,
  onWritten,
}: {
  readonly personId: string;
  readonly referrals: readonly ReferralSummary[];
  readonly mayAct: boolean;
  readonly onWritten: (answer: WriteAnswer) => void;
}) {
  const { t, i18n } = useTranslation();
  const [acting, setActing] = useState<string | null>(null);
  return (
    <table className="consents">
      <caption>{t('referral.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('referral.service')}</th>
          <th scope="col">{t('referral.receivingUnit')}</th>
          <th scope="col">{t('referral.state')}</th>
          <th scope="col">{t('referral.occurredAt')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('consent.acts')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {referrals.map((r) => {
          const step = r.state === 'made' ? 'answer' : r.state === 'accepted' ? 'complete' : null;
          return (
            <tr key={r.referralId}>
              <td>
                {codeText(t, i18n, 'referral.services', r.service)}
                {r.exemption && (
                  <span className="muted"> · {codeText(t, i18n, 'referral.exemptions', r.exemption)}</span>
                )}
              </td>
              <td>{r.receivingUnit ?? t('referral.familyUnit')}</td>
              <td>
                {t(`referral.states.${r.state}`)}
                {r.declineReason && (
                  <span className="muted"> · {codeText(t, i18n, 'referral.reasons', r.declineReason)}</span>
                )}
              </td>
              <td>
                <DualTimeText at={r.completedAt ?? r.answeredAt ?? r.occurredAt} />
              </td>
              <td>
                {mayAct && step && acting !== r.referralId && (
                  <button type="button" onClick={() => setActing(r.referralId)}>
                    {step === 'answer' ? t('referral.answer') : t('referral.complete')}
                  </button>
                )}
                {step && acting === r.referralId && (
                  <ReferralAnswerForm
                    personId={personId}
                    referralId={r.referralId}
                    step={step}
                    onDone={(answer) => {
                      setActing(null);
                      onWritten(answer);
                    }}
                    onCancel={() => setActing(null)}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Screenings of one person: codes in words. */
export function ScreeningList({ screenings }: { readonly screenings: readonly ScreeningSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="consents">
      <caption>{t('screening.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('screening.group')}</th>
          <th scope="col">{t('screening.exploitation')}</th>
          <th scope="col">{t('screening.result')}</th>
          <th scope="col">{t('screening.occurredAt')}</th>
        </tr>
      </thead>
      <tbody>
        {screenings.map((s) => (
          <tr key={s.screeningId}>
            <td>{codeText(t, i18n, 'screening.groups', s.group)}</td>
            <td>{s.exploitationTypes.map((x) => codeText(t, i18n, 'screening.types', x)).join(', ') || '—'}</td>
            <td>{codeText(t, i18n, 'screening.results', s.result)}</td>
            <td>
              <DualTimeText at={s.occurredAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
