import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { WriteAnswer } from '../desktop.views';
import { FormActions, VietnamTimeField, useFormWrite } from '../form-write.component';
import { Field, fieldError, vietnamInstant, vietnamLocalNow } from '../forms.component';
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
  const write = useFormWrite(
    (headers) =>
      answer<WriteAnswer>(
        api.POST('/api/v1/persons/{id}/support', {
          params: { path: { id: personId } },
          headers,
          body: {
            kind,
            provider: provider.trim(),
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
      <VietnamTimeField label={t('support.occurredAt')} value={occurred} onChange={setOccurred} error={e} />
      <Field label={t('support.note')} hint={t('support.noteHint')} error={fieldError(e, 'note')}>
        {(p) => <textarea {...p} rows={3} maxLength={2000} value={note} onChange={(ev) => setNote(ev.target.value)} />}
      </Field>
      <FormActions error={e} pending={write.pending} label={t('support.submit')} onCancel={onCancel} />
    </form>
  );
}
