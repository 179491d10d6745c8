import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { WriteAnswer } from '../desktop.views';
import { FormActions, VietnamTimeField, useFormWrite } from '../form-write.component';
import { Field, fieldError, vietnamInstant, vietnamLocalNow } from '../forms.component';
import { EXPLOITATION_TYPES, INDICATOR_RESULTS, SCREENING_GROUPS } from './support.values';

type Exploitation = (typeof EXPLOITATION_TYPES)[number];

/**
 * A screening of a person returning from an online-scam compound (the group the Lào Cai plan names)
 * or another group: which forms of exploitation were found, coded as CTDC / HTCDS does, and whether
 * the indicators of trafficking are there. Codes only: nothing personal is written here.
 */
export function ScreeningForm(props: {
  readonly personId: string;
  readonly personLabel: string;
  readonly onDone: (written: WriteAnswer) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const typesId = useId();
  const [group, setGroup] = useState<(typeof SCREENING_GROUPS)[number]>('online_scam_compound_returnee');
  const [types, setTypes] = useState<readonly Exploitation[]>([]);
  const [result, setResult] = useState<(typeof INDICATOR_RESULTS)[number]>('indicators_present');
  const [occurred, setOccurred] = useState(vietnamLocalNow());
  const write = useFormWrite(
    (headers) =>
      answer<WriteAnswer>(
        api.POST('/api/v1/persons/{id}/screenings', {
          params: { path: { id: props.personId } },
          headers,
          body: { group, exploitationTypes: [...types], result, occurredAt: vietnamInstant(occurred) },
        }),
      ),
    props.onDone,
  );
  const e = write.error;
  const toggle = (type: Exploitation, on: boolean) =>
    setTypes((all) => (on ? [...all, type] : all.filter((x) => x !== type)));
  return (
    <form className="panel form" onSubmit={write.submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('screening.heading', { person: props.personLabel })}</h3>
      <Field label={t('screening.group')} error={fieldError(e, 'group')}>
        {(p) => (
          <select {...p} value={group} onChange={(ev) => setGroup(ev.target.value as typeof group)}>
            {SCREENING_GROUPS.map((code) => (
              <option key={code} value={code}>
                {t(`screening.groups.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset aria-describedby={typesId}>
        <legend>{t('screening.exploitation')}</legend>
        <p className="field-hint" id={typesId}>
          {t('screening.exploitationHint')}
        </p>
        {EXPLOITATION_TYPES.map((type) => (
          <label key={type} className="check">
            <input type="checkbox" checked={types.includes(type)} onChange={(ev) => toggle(type, ev.target.checked)} />
            {t(`screening.types.${type}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('screening.result')} error={fieldError(e, 'result')}>
        {(p) => (
          <select {...p} value={result} onChange={(ev) => setResult(ev.target.value as typeof result)}>
            {INDICATOR_RESULTS.map((code) => (
              <option key={code} value={code}>
                {t(`screening.results.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <VietnamTimeField label={t('screening.occurredAt')} value={occurred} onChange={setOccurred} error={e} />
      <FormActions error={e} pending={write.pending} label={t('screening.submit')} onCancel={props.onCancel} />
    </form>
  );
}
