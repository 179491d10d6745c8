import { useTranslation } from 'react-i18next';
import { Field, fieldError } from '../forms.component';

/** An attachment as the message records it: its name and the SHA-256 of the file (the file stays with the officer). */
export interface Attachment {
  readonly name: string;
  readonly sha256: string;
}

/** The message's attachments, one row each, and "add one"; `error` is the write's refusal, shown at each field. */
export function AttachmentsFields({
  value,
  onChange,
  error,
}: {
  readonly value: readonly Attachment[];
  readonly onChange: (change: (all: Attachment[]) => Attachment[]) => void;
  readonly error: unknown;
}) {
  const { t } = useTranslation();
  const setAttachment = (i: number, change: Partial<Attachment>) =>
    onChange((all) => all.map((a, j) => (j === i ? { ...a, ...change } : a)));
  return (
    <fieldset>
      <legend>{t('exchange.attachments')}</legend>
      {value.map((a, i) => (
        <div className="row" key={i}>
          <Field
            label={t('exchange.attachmentName', { number: i + 1 })}
            error={fieldError(error, `attachments.${i}.name`, `attachments[${i}].name`)}
          >
            {(p) => (
              <input {...p} required value={a.name} onChange={(ev) => setAttachment(i, { name: ev.target.value })} />
            )}
          </Field>
          <Field
            label={t('exchange.attachmentHash', { number: i + 1 })}
            error={fieldError(error, `attachments.${i}.sha256`, `attachments[${i}].sha256`)}
          >
            {(p) => (
              <input
                {...p}
                required
                size={66}
                pattern="[0-9a-fA-F]{64}"
                value={a.sha256}
                onChange={(ev) => setAttachment(i, { sha256: ev.target.value.trim() })}
              />
            )}
          </Field>
        </div>
      ))}
      <button type="button" onClick={() => onChange((all) => [...all, { name: '', sha256: '' }])}>
        {t('exchange.addAttachment')}
      </button>
    </fieldset>
  );
}
