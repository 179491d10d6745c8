import { PriorityField, type Priority } from './priority.field';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import { useCounterparts } from '../reference.queries';
import { nameIn } from '../../shell/labels.format';
import type { MeView } from '../../api/api.views';
import type { CaseView, WriteAnswer } from '../desktop.views';
import { Field, FormRefusal, fieldError, vietnamLocalNow } from '../forms.component';
import { ZonedTimeField, zonedInstant, type Side } from '../zoned-time.field';
import {
  DisclosureFields,
  NO_DISCLOSURE,
  consentStanding,
  disclosureBody,
  type DisclosureValue,
} from './disclosure.fields';

const SUBJECTS = ['identity', 'nationality', 'residence', 'victim_status'] as const;
type Subject = (typeof SUBJECTS)[number];

/** Raise a verification request to (or log one from) the counterpart, about the case or one of its persons. */
export function VerificationForm(props: {
  readonly view: CaseView;
  readonly me: MeView;
  readonly onDone: (written: WriteAnswer) => void;
  readonly onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const counterparts = useCounterparts();
  const [counterpart, setCounterpart] = useState('');
  const [direction, setDirection] = useState<'outgoing' | 'incoming'>('outgoing');
  const [subject, setSubject] = useState<Subject>('identity');
  const [personId, setPersonId] = useState('');
  const [questions, setQuestions] = useState('');
  const [occurred, setOccurred] = useState<{ local: string; side: Side }>({ local: vietnamLocalNow(), side: 'vn' });
  const [due, setDue] = useState<{ local: string; side: Side }>({ local: '', side: 'vn' });
  const [disclosure, setDisclosure] = useState<DisclosureValue>(NO_DISCLOSURE);
  const [priority, setPriority] = useState<Priority>('normal');
  // Asking the other side to verify a person sends them who the person is.
  const sendsPerson = direction === 'outgoing' && personId !== '';
  const person = props.view.persons.find((p) => p.id === personId);
  const raise = useMutation({
    mutationFn: () =>
      answer<WriteAnswer>(
        api.POST('/api/v1/verification-requests', {
          headers: { 'Idempotency-Key': crypto.randomUUID() },
          body: {
            caseId: props.view.id,
            counterpart,
            direction,
            subject,
            questions,
            occurredAt: zonedInstant(occurred.local, occurred.side),
            priority,
            // Left empty, the service applies the priority's reply limit.
            ...(due.local ? { dueAt: zonedInstant(due.local, due.side) } : {}),
            ...(personId ? { personId } : {}),
            ...(sendsPerson ? { disclosure: disclosureBody(disclosure) } : {}),
          },
        }),
      ),
    onSuccess: props.onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    raise.mutate();
  };
  const e = raise.error;
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="raise-verification">
      <h3 id="raise-verification">{t('verification.raise')}</h3>
      <div className="row">
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
        <Field label={t('verification.direction')} error={fieldError(e, 'direction')}>
          {(p) => (
            <select
              {...p}
              value={direction}
              onChange={(ev) => setDirection(ev.target.value as 'outgoing' | 'incoming')}
            >
              <option value="outgoing">{t('verification.outgoing')}</option>
              <option value="incoming">{t('verification.incoming')}</option>
            </select>
          )}
        </Field>
        <PriorityField value={priority} onChange={setPriority} error={e} />
        <Field label={t('verification.subject')} error={fieldError(e, 'subject')}>
          {(p) => (
            <select {...p} value={subject} onChange={(ev) => setSubject(ev.target.value as Subject)}>
              {SUBJECTS.map((s) => (
                <option key={s} value={s}>
                  {t(`verificationSubject.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('verification.person')} error={fieldError(e, 'personId')}>
          {(p) => (
            <select {...p} value={personId} onChange={(ev) => setPersonId(ev.target.value)}>
              <option value="">{t('verification.wholeCase')}</option>
              {props.view.persons.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.fullName ?? t('person.masked')}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {sendsPerson && (
        <DisclosureFields
          value={disclosure}
          onChange={setDisclosure}
          standing={consentStanding(person?.consents ?? [], 'identity_verification', counterpart)}
          // The override is the domain's rule for supervisors (the api refuses it to anyone else).
          mayOverride={props.me.roles.includes('supervisor')}
          error={e}
        />
      )}
      <Field label={t('verification.questions')} error={fieldError(e, 'questions')}>
        {(p) => (
          <textarea {...p} required rows={3} value={questions} onChange={(ev) => setQuestions(ev.target.value)} />
        )}
      </Field>
      <ZonedTimeField
        label={t('verification.occurredAt')}
        value={occurred.local}
        side={occurred.side}
        required
        error={fieldError(e, 'occurredAt')}
        onChange={(local, side) => setOccurred({ local, side })}
      />
      <ZonedTimeField
        label={t('verification.dueAt')}
        value={due.local}
        side={due.side}
        error={fieldError(e, 'dueAt')}
        onChange={(local, side) => setDue({ local, side })}
      />
      <p className="field-hint">{t('priority.dueHint')}</p>
      <FormRefusal error={e} />
      <div className="actions">
        <button type="submit" className="primary" disabled={raise.isPending}>
          {t('verification.raise')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

export type VerificationAct = 'extend' | 'answer' | 'withdraw';
const RESULTS = ['confirmed', 'not_confirmed', 'inconclusive'] as const;
type Result = (typeof RESULTS)[number];

/** Extend, answer or withdraw a verification request, with If-Match on the revision just read. */
export function VerificationActForm(props: {
  readonly act: VerificationAct;
  readonly id: string;
  readonly revision: string | undefined;
  readonly onDone: (written: WriteAnswer) => void;
  readonly onReload: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result>('confirmed');
  const [at, setAt] = useState<{ local: string; side: Side }>({
    local: props.act === 'answer' ? vietnamLocalNow() : '',
    side: 'vn',
  });
  const params = { path: { id: props.id } };
  const headers = props.revision ? { 'If-Match': `"${props.revision}"` } : {};
  const run = useMutation({
    mutationFn: (): Promise<WriteAnswer> => {
      const when = zonedInstant(at.local, at.side);
      switch (props.act) {
        case 'extend':
          return answer(
            api.POST('/api/v1/verification-requests/{id}/extensions', {
              params,
              headers,
              body: { newDueAt: when, reason: text },
            }),
          );
        case 'answer':
          return answer(
            api.POST('/api/v1/verification-requests/{id}/answers', {
              params,
              headers,
              body: { answeredAt: when, details: text, result },
            }),
          );
        case 'withdraw':
          return answer(
            api.POST('/api/v1/verification-requests/{id}/withdrawal', { params, headers, body: { reason: text } }),
          );
      }
    },
    onSuccess: props.onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate();
  };
  const e = run.error;
  const heading = t(`verification.${props.act}`);
  return (
    <form className="panel form" onSubmit={submit} aria-label={heading}>
      <h3>{heading}</h3>
      {props.act === 'answer' && (
        <Field label={t('verification.result')} error={fieldError(e, 'result')}>
          {(p) => (
            <select {...p} value={result} onChange={(ev) => setResult(ev.target.value as Result)}>
              {RESULTS.map((r) => (
                <option key={r} value={r}>
                  {t(`verificationResult.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {props.act !== 'withdraw' && (
        <ZonedTimeField
          label={props.act === 'extend' ? t('verification.newDueAt') : t('verification.answeredAt')}
          value={at.local}
          side={at.side}
          required
          error={fieldError(e, 'newDueAt', 'answeredAt')}
          onChange={(local, side) => setAt({ local, side })}
        />
      )}
      <Field
        label={props.act === 'answer' ? t('verification.details') : t('caseField.reason')}
        error={fieldError(e, 'details', 'reason')}
      >
        {(p) => <textarea {...p} required rows={2} value={text} onChange={(ev) => setText(ev.target.value)} />}
      </Field>
      <FormRefusal error={e} onReload={props.onReload} />
      <div className="actions">
        <button type="submit" className="primary" disabled={run.isPending}>
          {heading}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
