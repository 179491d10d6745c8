import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { WriteAnswer } from '../desktop.views';
import { Field, FormRefusal, fieldError, vietnamLocalNow } from '../forms.component';
import { ZonedTimeField, zonedInstant, type Side } from '../zoned-time.field';

/** The counterpart acknowledged receipt of our latest message: when (in either side's time) and by whom. */
export function AcknowledgeForm({
  exchangeId,
  onDone,
  onCancel,
}: {
  readonly exchangeId: string;
  readonly onDone: (written: WriteAnswer) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [at, setAt] = useState<{ local: string; side: Side }>({ local: vietnamLocalNow(), side: 'vn' });
  const [by, setBy] = useState('');
  const ack = useMutation({
    mutationFn: () =>
      answer<WriteAnswer>(
        api.POST('/api/v1/exchanges/{id}/acknowledgements', {
          params: { path: { id: exchangeId } },
          body: { at: zonedInstant(at.local, at.side), ...(by ? { by } : {}) },
        }),
      ),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ack.mutate();
  };
  const e = ack.error;
  return (
    <form className="panel form" onSubmit={submit} aria-label={t('exchange.acknowledge')}>
      <h3>{t('exchange.acknowledge')}</h3>
      <ZonedTimeField
        label={t('exchange.acknowledgedAt')}
        value={at.local}
        side={at.side}
        required
        error={fieldError(e, 'at')}
        onChange={(local, side) => setAt({ local, side })}
      />
      <Field label={t('exchange.acknowledgedBy')} error={fieldError(e, 'by')}>
        {(p) => <input {...p} value={by} onChange={(ev) => setBy(ev.target.value)} />}
      </Field>
      <FormRefusal error={e} />
      <div className="actions">
        <button type="submit" className="primary" disabled={ack.isPending}>
          {t('exchange.acknowledge')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
