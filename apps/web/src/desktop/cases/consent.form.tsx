import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import { nameIn } from '../../shell/labels.format';
import type { WriteAnswer } from '../desktop.views';
import { sha256Hex } from '../file-hash';
import { FormActions, VietnamTimeField, useFormWrite } from '../form-write.component';
import { Field, fieldError, vietnamInstant, vietnamLocalNow } from '../forms.component';
import { useCounterparts } from '../reference.queries';
import { REFERRAL_SERVICES } from './support.values';

export const CONSENT_PURPOSES = [
  'identity_verification',
  'family_tracing',
  'return_and_handover',
  'information_exchange',
  'referral_to_services',
] as const;
const GIVERS = ['person', 'legal_representative', 'person_and_legal_representative'] as const;

interface Props {
  readonly personId: string;
  readonly personLabel: string;
  /** Under 18 the legal representative decides: the form starts there and says why. */
  readonly minor: boolean;
  readonly onDone: (written: WriteAnswer) => void;
  readonly onCancel: () => void;
}

/**
 * Records a person's decision on sharing their data with one counterpart for one purpose. The
 * signed form stays on paper (or in the unit's file store): the officer picks its scan and the
 * browser computes its SHA-256, which is all the record keeps, so the file never leaves the desk.
 */
export function ConsentForm({ personId, personLabel, minor, onDone, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const counterparts = useCounterparts();
  const [decision, setDecision] = useState<'given' | 'refused'>('given');
  const [purpose, setPurpose] = useState<(typeof CONSENT_PURPOSES)[number]>('identity_verification');
  const [recipient, setRecipient] = useState('');
  const [givenBy, setGivenBy] = useState<(typeof GIVERS)[number]>(minor ? 'legal_representative' : 'person');
  const [formSha256, setFormSha256] = useState('');
  const [occurred, setOccurred] = useState(vietnamLocalNow());
  const write = useFormWrite(
    (headers) =>
      answer<WriteAnswer>(
        api.POST('/api/v1/persons/{id}/consents', {
          params: { path: { id: personId } },
          headers,
          body: {
            decision,
            purpose,
            recipient,
            givenBy,
            ...(formSha256 ? { formSha256 } : {}),
            occurredAt: vietnamInstant(occurred),
          },
        }),
      ),
    onDone,
  );
  const e = write.error;
  const pickForm = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFormSha256(file ? await sha256Hex(file) : '');
  };
  return (
    <form className="panel form" onSubmit={write.submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('consent.heading', { person: personLabel })}</h3>
      <fieldset>
        <legend>{t('consent.decision')}</legend>
        {(['given', 'refused'] as const).map((d) => (
          <label key={d} className="check">
            <input type="radio" name="decision" checked={decision === d} onChange={() => setDecision(d)} />
            {t(`consent.decisions.${d}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('consent.purpose')} error={fieldError(e, 'purpose')}>
        {(p) => (
          <select {...p} value={purpose} onChange={(ev) => setPurpose(ev.target.value as typeof purpose)}>
            {CONSENT_PURPOSES.map((code) => (
              <option key={code} value={code}>
                {t(`consent.purposes.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('consent.recipient')} hint={t('consent.recipientHint')} error={fieldError(e, 'recipient')}>
        {(p) => (
          <select {...p} required value={recipient} onChange={(ev) => setRecipient(ev.target.value)}>
            <option value="">{t('form.choose')}</option>
            {/* A referral's consent names the service the person is referred to (issue 10). */}
            {purpose === 'referral_to_services' &&
              REFERRAL_SERVICES.map((code) => (
                <option key={code} value={code}>
                  {t(`referral.services.${code}`)}
                </option>
              ))}
            {(counterparts.data ?? []).map((u) => (
              <option key={u.code} value={u.code}>
                {nameIn(i18n.language, u.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('consent.givenBy')}
        hint={minor ? t('consent.minorHint') : undefined}
        error={fieldError(e, 'givenBy')}
      >
        {(p) => (
          <select {...p} value={givenBy} onChange={(ev) => setGivenBy(ev.target.value as typeof givenBy)}>
            {GIVERS.map((g) => (
              <option key={g} value={g}>
                {t(`consent.givers.${g}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('consent.form')} hint={t('consent.formHint')} error={fieldError(e, 'formSha256')}>
        {(p) => <input {...p} type="file" required={decision === 'given'} onChange={(ev) => void pickForm(ev)} />}
      </Field>
      {formSha256 && (
        <p className="muted">
          {t('consent.formHash')} <code>{formSha256}</code>
        </p>
      )}
      <VietnamTimeField label={t('consent.occurredAt')} value={occurred} onChange={setOccurred} error={e} />
      <FormActions
        error={e}
        pending={write.pending}
        label={t('consent.submit')}
        onCancel={onCancel}
        // A given consent without its signed form cannot be recorded.
        disabled={decision === 'given' && !formSha256}
      />
    </form>
  );
}
