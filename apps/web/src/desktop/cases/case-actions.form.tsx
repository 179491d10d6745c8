import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { CASE_CLASSIFICATIONS, type CaseClassification, type CaseView, type WriteAnswer } from '../desktop.views';
import { Field, FormRefusal, fieldError } from '../forms.component';

export type CaseAction = 'classify' | 'open' | 'resolve' | 'close' | 'reopen';

/** The acts on a case that its status allows (the api has the last word and its refusal is shown). */
export function actionsFor(view: CaseView, me: MeView): readonly CaseAction[] {
  const may = (act: string) => me.may.includes(act) && me.province !== '*';
  const s = view.status;
  const all: [CaseAction, boolean][] = [
    ['classify', may('case.classify') && s !== 'resolved' && s !== 'closed'],
    ['open', may('case.open') && s === 'received'],
    ['resolve', may('case.resolve') && (s === 'open' || s === 'reopened')],
    ['close', may('case.close') && s !== 'closed' && s !== 'received'],
    ['reopen', may('case.reopen') && (s === 'resolved' || s === 'closed')],
  ];
  return all.filter(([, ok]) => ok).map(([a]) => a);
}

interface Props {
  readonly action: CaseAction;
  readonly view: CaseView;
  readonly me: MeView;
  readonly onDone: (written: WriteAnswer) => void;
  readonly onReload: () => void;
  readonly onCancel: () => void;
}

/** One act on a case, sent with If-Match on the revision the page shows: a stale edit is a 412 that offers to reload. */
export function CaseActionForm({ action, view, me, onDone, onReload, onCancel }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [classification, setClassification] = useState<CaseClassification>(
    view.classification ?? 'trafficking_suspected',
  );
  const [override, setOverride] = useState(false);
  const supervisor = me.roles.includes('supervisor');
  const params = { path: { id: view.id } };
  const headers = { 'If-Match': `"${view.revision}"` };
  const act = useMutation({
    mutationFn: (): Promise<WriteAnswer> => {
      switch (action) {
        case 'classify':
          return answer(
            api.POST('/api/v1/cases/{id}/classification', {
              params,
              headers,
              body: { classification, ...(text ? { note: text } : {}) },
            }),
          );
        case 'open':
          return answer(api.POST('/api/v1/cases/{id}/open', { params, headers, body: text ? { reason: text } : {} }));
        case 'resolve':
          return answer(api.POST('/api/v1/cases/{id}/resolution', { params, headers, body: { resolution: text } }));
        case 'close':
          return answer(
            api.POST('/api/v1/cases/{id}/close', {
              params,
              headers,
              body: { reason: text, ...(supervisor && override ? { override: true } : {}) },
            }),
          );
        case 'reopen':
          return answer(api.POST('/api/v1/cases/{id}/reopen', { params, headers, body: { reason: text } }));
      }
    },
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    act.mutate();
  };
  const e = act.error;
  const textField = { classify: 'note', open: 'reason', resolve: 'resolution', close: 'reason', reopen: 'reason' }[
    action
  ];
  const textRequired = action === 'resolve' || action === 'close' || action === 'reopen';
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby={`act-${action}`}>
      <h3 id={`act-${action}`}>{t(`caseAction.${action}`)}</h3>
      {action === 'classify' && (
        <Field label={t('case.classification')} error={fieldError(e, 'classification')}>
          {(p) => (
            <select
              {...p}
              value={classification}
              onChange={(ev) => setClassification(ev.target.value as CaseClassification)}
            >
              {CASE_CLASSIFICATIONS.map((c) => (
                <option key={c} value={c}>
                  {t(`classification.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t(`caseField.${textField}` as 'caseField.reason')} error={fieldError(e, textField)}>
        {(p) => (
          <textarea {...p} rows={2} required={textRequired} value={text} onChange={(ev) => setText(ev.target.value)} />
        )}
      </Field>
      {action === 'close' && supervisor && (
        <div className="check">
          <input
            id="close-override"
            type="checkbox"
            checked={override}
            onChange={(ev) => setOverride(ev.target.checked)}
          />
          <label htmlFor="close-override">{t('case.override')}</label>
        </div>
      )}
      <FormRefusal error={e} onReload={onReload} />
      <div className="actions">
        <button type="submit" className="primary" disabled={act.isPending}>
          {t(`caseAction.${action}`)}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
