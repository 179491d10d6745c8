import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { provinceName } from '../../shell/labels.format';
import { navigate } from '../../shell/router';
import { CASE_CHANNELS, type CaseChannel, type WriteAnswer } from '../desktop.views';
import { rememberWrite } from '../read-your-writes';
import { Field, FormRefusal, fieldError, vietnamInstant, vietnamLocalNow } from '../forms.component';

type Province = 'quang-ninh' | 'lang-son' | 'cao-bang' | 'tuyen-quang' | 'lao-cai' | 'lai-chau' | 'dien-bien';

/** Receive a report: channel, the officer's own province (fixed), summary, when it happened (Vietnam time). */
export function ReceiveReportForm({ me, onDone }: { readonly me: MeView; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [channel, setChannel] = useState<CaseChannel>('hotline');
  const [summary, setSummary] = useState('');
  const [occurredAt, setOccurredAt] = useState(vietnamLocalNow);
  const receive = useMutation({
    mutationFn: () =>
      answer<WriteAnswer>(
        api.POST('/api/v1/cases', {
          body: { channel, province: me.province as Province, summary, occurredAt: vietnamInstant(occurredAt) },
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
    onSuccess: async (written) => {
      rememberWrite(written.position);
      await queries.invalidateQueries({ queryKey: ['cases'] });
      onDone();
      navigate(`/cases/${written.id}?minPosition=${written.position}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    receive.mutate();
  };
  const e = receive.error;
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="receive-heading">
      <h2 id="receive-heading">{t('cases.receive')}</h2>
      <Field label={t('cases.channel')} error={fieldError(e, 'channel')}>
        {(p) => (
          <select {...p} value={channel} onChange={(ev) => setChannel(ev.target.value as CaseChannel)}>
            {CASE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('session.province')} error={fieldError(e, 'province')}>
        {(p) => <input {...p} value={provinceName(t, me.province)} readOnly />}
      </Field>
      <Field label={t('cases.summary')} error={fieldError(e, 'summary')}>
        {(p) => <textarea {...p} required rows={3} value={summary} onChange={(ev) => setSummary(ev.target.value)} />}
      </Field>
      <Field label={t('cases.occurredAt')} hint={t('form.zoneVn')} error={fieldError(e, 'occurredAt')}>
        {(p) => (
          <input
            {...p}
            type="datetime-local"
            required
            value={occurredAt}
            onChange={(ev) => setOccurredAt(ev.target.value)}
          />
        )}
      </Field>
      <FormRefusal error={e} />
      <div className="actions">
        <button type="submit" className="primary" disabled={receive.isPending}>
          {t('cases.receiveSubmit')}
        </button>
        <button type="button" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
