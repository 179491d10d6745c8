import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { nameIn } from '../../shell/labels.format';
import type { WriteAnswer } from '../desktop.views';
import { DualTimeText } from '../dual-time.component';
import { FormActions, useFormWrite } from '../form-write.component';
import { Field, fieldError } from '../forms.component';
import { rememberWrite } from '../read-your-writes';
import { useCounterparts } from '../reference.queries';
import { CAMPAIGN_COVERAGES, dayEnd, dayStart } from './campaign.views';

type Coverage = (typeof CAMPAIGN_COVERAGES)[number];
type Province = 'quang-ninh' | 'lang-son' | 'cao-bang' | 'tuyen-quang' | 'lao-cai' | 'lai-chau' | 'dien-bien';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Records a joint crackdown campaign for the supervisor's own province. Its days are Vietnam
 * calendar days (the statistics cut them so); the form says when each end falls on both clocks,
 * since the Chinese side counts the same campaign from 01:00 its time.
 */
export function RecordCampaignForm({ me, onClose }: { readonly me: MeView; readonly onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const queries = useQueryClient();
  const counterparts = useCounterparts();
  const [name, setName] = useState('');
  const [coverage, setCoverage] = useState<Coverage>('province');
  const [units, setUnits] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const write = useFormWrite(
    (headers) =>
      answer<WriteAnswer>(
        api.POST('/api/v1/campaigns', {
          headers,
          body: { name, province: me.province as Province, coverage, counterparts: units, from, to },
        }),
      ),
    (written) => {
      rememberWrite(written.position);
      void queries.invalidateQueries({ queryKey: ['campaigns'] });
      onClose();
    },
  );
  const e = write.error;
  return (
    <form className="panel form" onSubmit={write.submit} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('campaign.formHeading')}</h2>
      <Field label={t('campaign.name')} error={fieldError(e, 'name')}>
        {(p) => <input {...p} required value={name} onChange={(ev) => setName(ev.target.value)} />}
      </Field>
      <Field label={t('campaign.coverage')} hint={t('campaign.coverageHint')} error={fieldError(e, 'coverage')}>
        {(p) => (
          <select {...p} value={coverage} onChange={(ev) => setCoverage(ev.target.value as Coverage)}>
            {CAMPAIGN_COVERAGES.map((c) => (
              <option key={c} value={c}>
                {t(`campaign.coverages.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>{t('campaign.counterparts')}</legend>
        {fieldError(e, 'counterparts') ? <p className="field-error">{t('form.fieldInvalid')}</p> : null}
        {(counterparts.data ?? []).map((u) => (
          <label key={u.code} className="check">
            <input
              type="checkbox"
              checked={units.includes(u.code)}
              onChange={(ev) =>
                setUnits(ev.target.checked ? [...units, u.code] : units.filter((code) => code !== u.code))
              }
            />
            {nameIn(i18n.language, u.name)}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <Field label={t('campaign.from')} hint={t('campaign.dayHint')} error={fieldError(e, 'from')}>
          {(p) => <input {...p} type="date" required value={from} onChange={(ev) => setFrom(ev.target.value)} />}
        </Field>
        <Field label={t('campaign.to')} hint={t('campaign.dayHint')} error={fieldError(e, 'to')}>
          {(p) => <input {...p} type="date" required value={to} onChange={(ev) => setTo(ev.target.value)} />}
        </Field>
      </div>
      {DAY.test(from) && DAY.test(to) && (
        <p className="campaign-clocks" aria-live="polite">
          {t('campaign.startsAt')} <DualTimeText at={dayStart(from)} /> {t('campaign.endsAt')}{' '}
          <DualTimeText at={dayEnd(to)} />
        </p>
      )}
      <FormActions error={e} pending={write.pending} label={t('campaign.submit')} onCancel={onClose} />
    </form>
  );
}
