import { useTranslation } from 'react-i18next';
import { ApiRefusal } from '../../api/api.refusal';
import { Field, fieldError } from '../forms.component';

const CONSENTS = ['person', 'legal_representative', 'not_required_by_law'] as const;

/** What an outgoing message carrying personal data rests on: whose consent, and the legal basis in words. */
export interface TransferBasis {
  readonly consent: (typeof CONSENTS)[number];
  readonly legalBasis: string;
}

/**
 * The basis of a cross-border transfer of personal data, which the message form asks for outgoing
 * messages only. `error` is the write's refusal.
 */
export function TransferBasisFields({
  value,
  onChange,
  error,
}: {
  readonly value: TransferBasis;
  readonly onChange: (value: TransferBasis) => void;
  readonly error: unknown;
}) {
  const { t } = useTranslation();
  // The domain refuses a missing basis with its own code rather than a field error: show it at the field too.
  const basisError =
    fieldError(error, 'personalData') ??
    (error instanceof ApiRefusal && error.code === 'EXCHANGE.LEGAL_BASIS_REQUIRED' ? 'required' : undefined);
  return (
    <fieldset>
      <legend>{t('exchange.transferBasis')}</legend>
      <p className="field-hint">{t('exchange.transferExplained')}</p>
      <Field label={t('exchange.consent')} error={fieldError(error, 'personalData.consent')}>
        {(p) => (
          <select
            {...p}
            value={value.consent}
            onChange={(ev) => onChange({ ...value, consent: ev.target.value as TransferBasis['consent'] })}
          >
            {CONSENTS.map((c) => (
              <option key={c} value={c}>
                {t(`exchange.consentKind.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('exchange.legalBasis')} hint={t('exchange.legalBasisHint')} error={basisError}>
        {(p) => (
          <input
            {...p}
            aria-required="true"
            value={value.legalBasis}
            onChange={(ev) => onChange({ ...value, legalBasis: ev.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}
