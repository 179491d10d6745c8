import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { WriteAnswer } from '../desktop.views';
import { Field, FormRefusal, fieldError, vietnamInstant, vietnamLocalNow } from '../forms.component';
import { SUPPORT_KINDS } from './support.values';

interface Props {
  readonly personId: string;
  readonly personLabel: string;
  readonly onDone: (written: WriteAnswer) => void;
  readonly onCancel: () => void;
}

/**
 * Records essential support given to a victim: what, by which unit, when. The note is free text
 * about the person, so the service seals it with the person's key; the form says so.
 */
export function SupportForm({ personId, personLabel, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [kind, setKind] = useState<(typeof SUPPORT_KINDS)[number]>('accommodation');
  const [provider, setProvider] = useState('');
  const [note, setNote] = useState('');
  const [occurred, setOccurred] = useState(vietnamLocalNow());
  const [key] = useState(() => crypto.randomUUID());
  const record = useMutation({
    mutationFn: () =>
      answer<WriteAnswer>(
        api.POST('/api/v1/persons/{id}/support', {
          params: { path: { id: personId } },
          headers: { 'Idempotency-Key': key },
          body: {
            kind,
            provider: provider.trim(),
            occurredAt: vietnamInstant(occurred),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      ),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  const e = record.error;
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('support.heading', { person: personLabel })}</h3>
      <Field label={t('support.kind')} error={fieldError(e, 'kind')}>
        {(p) => (
          <select {...p} value={kind} onChange={(ev) => setKind(ev.target.value as typeof kind)}>
            {SUPPORT_KINDS.map((code) => (
              <option key={code} value={code}>
                {t(`support.kinds.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('support.provider')} hint={t('support.providerHint')} error={fieldError(e, 'provider')}>
        {(p) => (
          <input {...p} required maxLength={120} value={provider} onChange={(ev) => setProvider(ev.target.value)} />
        )}
      </Field>
      <Field label={t('support.occurredAt')} hint={t('form.zoneVn')} error={fieldError(e, 'occurredAt')}>
        {(p) => (
          <input
            {...p}
            type="datetime-local"
            required
            value={occurred}
            onChange={(ev) => setOccurred(ev.target.value)}
          />
        )}
      </Field>
      <Field label={t('support.note')} hint={t('support.noteHint')} error={fieldError(e, 'note')}>
        {(p) => <textarea {...p} rows={3} maxLength={2000} value={note} onChange={(ev) => setNote(ev.target.value)} />}
      </Field>
      <FormRefusal error={e} />
      <div className="actions">
        <button type="submit" disabled={record.isPending}>
          {t('support.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
