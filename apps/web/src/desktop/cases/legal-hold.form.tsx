import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { WriteAnswer } from '../desktop.views';
import { Field, FormRefusal, fieldError } from '../forms.component';

interface Props {
  readonly personId: string;
  readonly personLabel: string;
  /** The proceedings holding the data now, or null when none: the form places or releases. */
  readonly heldFor: string | null;
  readonly onDone: (written: WriteAnswer) => void;
  readonly onCancel: () => void;
}

/**
 * A supervisor places a legal hold for named proceedings (erasure is then refused), or releases it
 * with the reason (the judgment took effect, the procuracy lifted its order). Both are kept in the
 * record with who decided.
 */
export function LegalHoldForm({ personId, personLabel, heldFor, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [text, setText] = useState('');
  const [key] = useState(() => crypto.randomUUID());
  const act = useMutation({
    mutationFn: () =>
      answer<WriteAnswer>(
        heldFor === null
          ? api.POST('/api/v1/persons/{id}/legal-hold', {
              params: { path: { id: personId } },
              headers: { 'Idempotency-Key': key },
              body: { proceedingsRef: text },
            })
          : api.POST('/api/v1/persons/{id}/legal-hold/release', {
              params: { path: { id: personId } },
              headers: { 'Idempotency-Key': key },
              body: { reason: text },
            }),
      ),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    act.mutate();
  };
  const e = act.error;
  const placing = heldFor === null;
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {placing ? t('hold.placeHeading', { person: personLabel }) : t('hold.releaseHeading', { person: personLabel })}
      </h3>
      <p>{placing ? t('hold.placeWhat') : t('hold.releaseWhat', { proceedings: heldFor })}</p>
      <Field
        label={placing ? t('hold.proceedingsRef') : t('hold.reason')}
        hint={placing ? t('hold.proceedingsHint') : t('hold.reasonHint')}
        error={fieldError(e, placing ? 'proceedingsRef' : 'reason')}
      >
        {(p) => <input {...p} required value={text} onChange={(ev) => setText(ev.target.value)} />}
      </Field>
      <FormRefusal error={e} />
      <div className="actions">
        <button type="submit" disabled={act.isPending}>
          {placing ? t('hold.place') : t('hold.release')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
