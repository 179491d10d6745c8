import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import { useCounterparts, useGates } from '../reference.queries';
import { nameIn } from '../../shell/labels.format';
import type { CaseView, WriteAnswer } from '../desktop.views';
import { Field, FormRefusal, fieldError, vietnamLocalNow } from '../forms.component';
import { ZonedTimeField, zonedInstant, type Side } from '../zoned-time.field';

interface Done {
  readonly onDone: (written: WriteAnswer) => void;
  readonly onReload: () => void;
  readonly onCancel: () => void;
}

function GateSelect({ value, onChange, error }: { value: string; onChange: (code: string) => void; error?: unknown }) {
  const { t, i18n } = useTranslation();
  const gates = useGates();
  return (
    <Field label={t('handover.gate')} error={error}>
      {(p) => (
        <select {...p} required value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('form.choose')}</option>
          {(gates.data ?? []).map((g) => (
            <option key={g.code} value={g.code}>
              {nameIn(i18n.language, g.name)} – {nameIn(i18n.language, g.counterpartGate)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Propose a handover at a gate of the register, for persons of the case. */
export function ProposeHandoverForm({ view, onDone, onReload, onCancel }: { readonly view: CaseView } & Done) {
  const { t, i18n } = useTranslation();
  const counterparts = useCounterparts();
  const [gate, setGate] = useState('');
  const [counterpart, setCounterpart] = useState('');
  const [proposedBy, setProposedBy] = useState<'vn' | 'cn'>('vn');
  const [personIds, setPersonIds] = useState<string[]>(view.persons.map((p) => p.id));
  const [at, setAt] = useState<{ local: string; side: Side }>({ local: vietnamLocalNow(), side: 'vn' });
  const propose = useMutation({
    mutationFn: () =>
      answer<WriteAnswer>(
        api.POST('/api/v1/handovers', {
          headers: { 'Idempotency-Key': crypto.randomUUID() },
          body: {
            caseId: view.id,
            gate,
            counterpart,
            proposedBy,
            personIds,
            proposedAt: zonedInstant(at.local, at.side),
          },
        }),
      ),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    propose.mutate();
  };
  const e = propose.error;
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="propose-handover">
      <h3 id="propose-handover">{t('handover.propose')}</h3>
      <div className="row">
        <GateSelect value={gate} onChange={setGate} error={fieldError(e, 'gate')} />
        <Field label={t('handover.counterpart')} error={fieldError(e, 'counterpart')}>
          {(p) => (
            <select {...p} required value={counterpart} onChange={(ev) => setCounterpart(ev.target.value)}>
              <option value="">{t('form.choose')}</option>
              {(counterparts.data ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {nameIn(i18n.language, c.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('handover.proposedBy')} error={fieldError(e, 'proposedBy')}>
          {(p) => (
            <select {...p} value={proposedBy} onChange={(ev) => setProposedBy(ev.target.value as 'vn' | 'cn')}>
              <option value="vn">{t('owedBy.us')}</option>
              <option value="cn">{t('owedBy.counterpart')}</option>
            </select>
          )}
        </Field>
      </div>
      <fieldset>
        <legend>{t('handover.persons')}</legend>
        {view.persons.length === 0 && <p className="muted">{t('case.noPersons')}</p>}
        {view.persons.map((person) => (
          <div className="check" key={person.id}>
            <input
              id={`handover-person-${person.id}`}
              type="checkbox"
              checked={personIds.includes(person.id)}
              onChange={(ev) =>
                setPersonIds((all) => (ev.target.checked ? [...all, person.id] : all.filter((x) => x !== person.id)))
              }
            />
            <label htmlFor={`handover-person-${person.id}`}>
              {person.fullName ?? t('person.masked')} · {t(`personRole.${person.role}`)}
            </label>
          </div>
        ))}
        {fieldError(e, 'personIds') && <span className="field-error">{t('form.fieldInvalid')}</span>}
      </fieldset>
      <ZonedTimeField
        label={t('handover.proposedAt')}
        value={at.local}
        side={at.side}
        required
        error={fieldError(e, 'proposedAt')}
        onChange={(local, side) => setAt({ local, side })}
      />
      <FormRefusal error={e} onReload={onReload} />
      <div className="actions">
        <button type="submit" className="primary" disabled={propose.isPending}>
          {t('handover.propose')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

export type HandoverAct = 'schedule' | 'postpone' | 'cancel';

/** Schedule, postpone or cancel a handover, with If-Match on the revision just read. */
export function HandoverActForm({
  act,
  id,
  revision,
  onDone,
  onReload,
  onCancel,
}: { readonly act: HandoverAct; readonly id: string; readonly revision: string | undefined } & Done) {
  const { t } = useTranslation();
  const [gate, setGate] = useState('');
  const [reason, setReason] = useState('');
  const [at, setAt] = useState<{ local: string; side: Side }>({ local: '', side: 'cn' });
  const params = { path: { id } };
  const headers = revision ? { 'If-Match': `"${revision}"` } : {};
  const run = useMutation({
    mutationFn: (): Promise<WriteAnswer> => {
      const when = at.local ? zonedInstant(at.local, at.side) : undefined;
      switch (act) {
        case 'schedule':
          return answer(
            api.POST('/api/v1/handovers/{id}/schedule', { params, headers, body: { gate, scheduledAt: when ?? '' } }),
          );
        case 'postpone':
          return answer(
            api.POST('/api/v1/handovers/{id}/postponement', {
              params,
              headers,
              body: { reason, ...(when ? { newScheduledAt: when } : {}) },
            }),
          );
        case 'cancel':
          return answer(api.POST('/api/v1/handovers/{id}/cancellation', { params, headers, body: { reason } }));
      }
    },
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate();
  };
  const e = run.error;
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby={`handover-${act}`}>
      <h3 id={`handover-${act}`}>{t(`handover.${act}`)}</h3>
      {act === 'schedule' && <GateSelect value={gate} onChange={setGate} error={fieldError(e, 'gate')} />}
      {act !== 'cancel' && (
        <ZonedTimeField
          label={act === 'schedule' ? t('handover.scheduledAt') : t('handover.newScheduledAt')}
          value={at.local}
          side={at.side}
          required={act === 'schedule'}
          error={fieldError(e, 'scheduledAt', 'newScheduledAt')}
          onChange={(local, side) => setAt({ local, side })}
        />
      )}
      {act !== 'schedule' && (
        <Field label={t('caseField.reason')} error={fieldError(e, 'reason')}>
          {(p) => <textarea {...p} required rows={2} value={reason} onChange={(ev) => setReason(ev.target.value)} />}
        </Field>
      )}
      <FormRefusal error={e} onReload={onReload} />
      <div className="actions">
        <button type="submit" className="primary" disabled={run.isPending}>
          {t(`handover.${act}`)}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
