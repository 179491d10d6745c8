import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { WriteAnswer } from '../desktop.views';
import { FormActions, useFormWrite } from '../form-write.component';
import { Field, fieldError } from '../forms.component';

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
  const write = useFormWrite(
    (headers) =>
      answer<WriteAnswer>(
        heldFor === null
          ? api.POST('/api/v1/persons/{id}/legal-hold', {
              params: { path: { id: personId } },
              headers,
              body: { proceedingsRef: text },
            })
          : api.POST('/api/v1/persons/{id}/legal-hold/release', {
              params: { path: { id: personId } },
              headers,
              body: { reason: text },
            }),
      ),
    onDone,
  );
  const e = write.error;
  const placing = heldFor === null;
  return (
    <form className="panel form" onSubmit={write.submit} aria-labelledby={headingId}>
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
      <FormActions
        error={e}
        pending={write.pending}
        label={placing ? t('hold.place') : t('hold.release')}
        onCancel={onCancel}
      />
    </form>
  );
}
