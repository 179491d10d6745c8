import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { WriteAnswer } from '../desktop.views';
import { FormActions, VietnamTimeField, useFormWrite } from '../form-write.component';
import { Field, vietnamInstant, vietnamLocalNow } from '../forms.component';
import { DECLINE_REASONS } from './support.values';

interface Props {
  readonly personId: string;
  readonly referralId: string;
  /** 'answer': the service accepted or declined; 'complete': an accepted referral was carried out. */
  readonly step: 'answer' | 'complete';
  readonly onDone: (written: WriteAnswer) => void;
  readonly onCancel: () => void;
}

/** The receiving service's answer to a referral, or its completion, as the officer records it. */
export function ReferralAnswerForm({ personId, referralId, step, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'accepted' | 'declined'>('accepted');
  const [reason, setReason] = useState<(typeof DECLINE_REASONS)[number]>('no_capacity');
  const [occurred, setOccurred] = useState(vietnamLocalNow());
  const path = { id: personId, referralId };
  const write = useFormWrite((headers) => {
    const occurredAt = vietnamInstant(occurred);
    return answer<WriteAnswer>(
      step === 'complete'
        ? api.POST('/api/v1/persons/{id}/referrals/{referralId}/completion', {
            params: { path },
            headers,
            body: { occurredAt },
          })
        : api.POST('/api/v1/persons/{id}/referrals/{referralId}/answer', {
            params: { path },
            headers,
            body: { answer: outcome, ...(outcome === 'declined' ? { reason } : {}), occurredAt },
          }),
    );
  }, onDone);
  const error = write.error;
  const title = step === 'complete' ? t('referral.complete') : t('referral.answer');
  return (
    <form className="inline-form" onSubmit={write.submit} aria-label={title}>
      {step === 'answer' && (
        <fieldset>
          <legend>{t('referral.outcome')}</legend>
          {(['accepted', 'declined'] as const).map((o) => (
            <label key={o} className="check">
              <input type="radio" name="outcome" checked={outcome === o} onChange={() => setOutcome(o)} />
              {t(`referral.states.${o}`)}
            </label>
          ))}
        </fieldset>
      )}
      {step === 'answer' && outcome === 'declined' && (
        <Field label={t('referral.declineReason')}>
          {(p) => (
            <select {...p} value={reason} onChange={(ev) => setReason(ev.target.value as typeof reason)}>
              {DECLINE_REASONS.map((code) => (
                <option key={code} value={code}>
                  {t(`referral.reasons.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <VietnamTimeField label={t('referral.answeredAt')} value={occurred} onChange={setOccurred} error={error} />
      <FormActions error={error} pending={write.pending} label={t('referral.record')} onCancel={onCancel} />
    </form>
  );
}
