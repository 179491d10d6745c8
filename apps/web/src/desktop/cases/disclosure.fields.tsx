import { useTranslation } from 'react-i18next';
import type { ConsentSummary } from '../desktop.views';
import { Field, fieldError } from '../forms.component';

export const DISCLOSURE_BASES = [
  'consent',
  'vital_interest',
  'criminal_proceedings',
  'international_agreement',
  'competent_authority_order',
] as const;
export type DisclosureBasis = (typeof DISCLOSURE_BASES)[number];

export interface DisclosureValue {
  readonly basis: DisclosureBasis;
  readonly reference: string;
  readonly overrideReason: string;
}

export const NO_DISCLOSURE: DisclosureValue = { basis: 'consent', reference: '', overrideReason: '' };

/** The body's `disclosure`: only what the chosen basis needs. */
export function disclosureBody(value: DisclosureValue) {
  return {
    basis: value.basis,
    ...(value.basis !== 'consent' && value.reference.trim() ? { reference: value.reference.trim() } : {}),
    ...(value.basis === 'consent' && value.overrideReason.trim()
      ? { overrideReason: value.overrideReason.trim() }
      : {}),
  };
}

type Standing = 'given' | 'refused' | 'withdrawn' | 'none';

/** Where the person's consent stands for this purpose and recipient: the latest decision counts. */
export function consentStanding(consents: readonly ConsentSummary[], purpose: string, recipient: string): Standing {
  const latest = consents.filter((c) => c.purpose === purpose && c.recipient === recipient).at(-1);
  if (!latest) return 'none';
  return latest.withdrawnAt ? 'withdrawn' : latest.decision;
}

/**
 * On what basis a named person's data goes to the counterpart: their consent (the form says whether
 * it stands for this recipient) or a legal exception with its reference. A supervisor may send
 * without standing consent, giving the reason, which the auditors will see.
 */
export function DisclosureFields({
  value,
  onChange,
  standing,
  mayOverride,
  error,
  purpose = 'identity_verification',
}: {
  readonly value: DisclosureValue;
  readonly onChange: (value: DisclosureValue) => void;
  readonly standing: Standing;
  readonly mayOverride: boolean;
  readonly error: unknown;
  /** What the consent must be for: the sentence about where it stands names it. */
  readonly purpose?: 'identity_verification' | 'information_exchange';
}) {
  const { t } = useTranslation();
  const set = (change: Partial<DisclosureValue>) => onChange({ ...value, ...change });
  return (
    <fieldset>
      <legend>{t('disclosure.legend')}</legend>
      <Field label={t('disclosure.basis')} error={fieldError(error, 'disclosure.basis')}>
        {(p) => (
          <select {...p} value={value.basis} onChange={(ev) => set({ basis: ev.target.value as DisclosureBasis })}>
            {DISCLOSURE_BASES.map((b) => (
              <option key={b} value={b}>
                {t(`disclosure.bases.${b}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {value.basis === 'consent' ? (
        <>
          <p className={standing === 'given' ? 'muted' : 'field-error'} role="status">
            {t(`disclosure.standing.${standing}`, { purpose: t(`consent.purposes.${purpose}`) })}
          </p>
          {standing !== 'given' && mayOverride && (
            <Field
              label={t('disclosure.overrideReason')}
              hint={t('disclosure.overrideHint')}
              error={fieldError(error, 'disclosure.overrideReason')}
            >
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  value={value.overrideReason}
                  onChange={(ev) => set({ overrideReason: ev.target.value })}
                />
              )}
            </Field>
          )}
        </>
      ) : (
        <Field
          label={t('disclosure.reference')}
          hint={t('disclosure.referenceHint')}
          error={fieldError(error, 'disclosure.reference')}
        >
          {(p) => (
            <input {...p} required value={value.reference} onChange={(ev) => set({ reference: ev.target.value })} />
          )}
        </Field>
      )}
    </fieldset>
  );
}
