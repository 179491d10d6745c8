import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { WriteAnswer } from '../desktop.views';
import { FormActions, VietnamTimeField, useFormWrite } from '../form-write.component';
import { Field, fieldError, vietnamInstant, vietnamLocalNow } from '../forms.component';
import { REFERRAL_EXEMPTIONS, REFERRAL_SERVICES } from './support.values';

interface Props {
  readonly personId: string;
  readonly personLabel: string;
  readonly onDone: (written: WriteAnswer) => void;
  readonly onCancel: () => void;
}

/**
 * Refers a person to a service. The service checks the person's consent for referral to that
 * service; without it the officer states why it is not needed (a child in danger …). A referral to
 * the family names no unit: the relatives go in the note, which is sealed.
 */
export function ReferralForm({ personId, personLabel, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [service, setService] = useState<(typeof REFERRAL_SERVICES)[number]>('social_protection_centre');
  const [receivingUnit, setReceivingUnit] = useState('');
  const [exemption, setExemption] = useState<(typeof REFERRAL_EXEMPTIONS)[number] | ''>('');
  const [note, setNote] = useState('');
  const [occurred, setOccurred] = useState(vietnamLocalNow());
  const family = service === 'family';
  const write = useFormWrite(
    (headers) =>
      answer<WriteAnswer>(
        api.POST('/api/v1/persons/{id}/referrals', {
          params: { path: { id: personId } },
          headers,
          body: {
            service,
            ...(!family && receivingUnit.trim() ? { receivingUnit: receivingUnit.trim() } : {}),
            ...(exemption ? { exemption } : {}),
            occurredAt: vietnamInstant(occurred),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      ),
    onDone,
  );
  const e = write.error;
  return (
    <form className="panel form" onSubmit={write.submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('referral.heading', { person: personLabel })}</h3>
      <Field label={t('referral.service')} error={fieldError(e, 'service')}>
        {(p) => (
          <select {...p} value={service} onChange={(ev) => setService(ev.target.value as typeof service)}>
            {REFERRAL_SERVICES.map((code) => (
              <option key={code} value={code}>
                {t(`referral.services.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {!family && (
        <Field label={t('referral.receivingUnit')} error={fieldError(e, 'receivingUnit')}>
          {(p) => (
            <input
              {...p}
              required
              maxLength={120}
              value={receivingUnit}
              onChange={(ev) => setReceivingUnit(ev.target.value)}
            />
          )}
        </Field>
      )}
      <Field label={t('referral.basis')} hint={t('referral.basisHint')} error={fieldError(e, 'exemption')}>
        {(p) => (
          <select {...p} value={exemption} onChange={(ev) => setExemption(ev.target.value as typeof exemption)}>
            <option value="">{t('referral.consentBasis')}</option>
            {REFERRAL_EXEMPTIONS.map((code) => (
              <option key={code} value={code}>
                {t(`referral.exemptions.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <VietnamTimeField label={t('referral.occurredAt')} value={occurred} onChange={setOccurred} error={e} />
      <Field
        label={t('referral.note')}
        hint={family ? t('referral.familyNoteHint') : t('support.noteHint')}
        error={fieldError(e, 'note')}
      >
        {(p) => (
          <textarea
            {...p}
            rows={3}
            maxLength={2000}
            required={family}
            value={note}
            onChange={(ev) => setNote(ev.target.value)}
          />
        )}
      </Field>
      <FormActions error={e} pending={write.pending} label={t('referral.submit')} onCancel={onCancel} />
    </form>
  );
}
