import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRefusal } from '../api/api.refusal';
import { Refusal } from '../shell/refusal.component';
import { Field } from './gate-field.component';
import { fromZoned, lines, text, zoned } from './gate-form.values';
import type { GatePerson } from './gate.views';
import { enqueue, retry, type OutboxItem } from './outbox';

/** The body of POST /handovers/{id}/confirmation, as the outbox keeps it. */
interface ConfirmBody {
  conductedAt: string;
  vnOfficers: string[];
  cnOfficers: string[];
  received: { personId: string; healthCheck?: string; notes?: string; statementRef?: string }[];
  notReceived: { personId: string; reason: string }[];
  minutes: { number: string; signedAt: string; languages: ['vi', 'zh']; scanSha256?: string };
}

/** The field a refusal names, in the form's terms: `received.0.notes` of the body is `notes.<personId>` here. */
function fieldErrors(item: OutboxItem | null): Map<string, true> {
  const errors = new Map<string, true>();
  if (!item?.refusal) return errors;
  const body = JSON.parse(item.body) as ConfirmBody;
  for (const e of item.refusal.fieldErrors) {
    const [head, index, leaf] = e.field.replace(/\[(\d+)\]/g, '.$1').split('.');
    const list = head === 'received' ? body.received : head === 'notReceived' ? body.notReceived : null;
    const person = list?.[Number(index)]?.personId;
    const field = [head, index, leaf].filter((part) => part !== undefined && !/^\d+$/.test(part)).join('.');
    errors.set(person ? `${leaf ?? 'status'}.${person}` : field, true);
  }
  return errors;
}

/**
 * The gate's confirmation of a handover: when it took place, the officers of both sides, each person
 * received or not (with the reason), and the signed minutes. It goes to the outbox, not straight to
 * the api, so it survives a lost connection; a refused one comes back here filled as it was sent.
 */
export function ConfirmForm({
  handoverId,
  persons,
  failed,
}: {
  readonly handoverId: string;
  readonly persons: readonly GatePerson[];
  readonly failed: OutboxItem | null;
}) {
  const { t } = useTranslation();
  const last = failed ? (JSON.parse(failed.body) as ConfirmBody) : null;
  const errors = fieldErrors(failed);
  const [busy, setBusy] = useState(false);
  const [notReceived, setNotReceived] = useState(() => new Set(last?.notReceived.map((p) => p.personId)));
  const prior = (personId: string) => last?.received.find((p) => p.personId === personId);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const optional = (name: string, key: string) => (text(form, name) ? { [key]: text(form, name) } : {});
    const body: ConfirmBody = {
      conductedAt: zoned(text(form, 'conductedAt')),
      vnOfficers: lines(form, 'vnOfficers'),
      cnOfficers: lines(form, 'cnOfficers'),
      received: persons
        .filter((p) => !notReceived.has(p.id))
        .map((p) => ({
          personId: p.id,
          ...optional(`healthCheck.${p.id}`, 'healthCheck'),
          ...optional(`notes.${p.id}`, 'notes'),
          ...optional(`statementRef.${p.id}`, 'statementRef'),
        })),
      notReceived: persons
        .filter((p) => notReceived.has(p.id))
        .map((p) => ({ personId: p.id, reason: text(form, `reason.${p.id}`) })),
      minutes: {
        number: text(form, 'minutes.number'),
        signedAt: zoned(text(form, 'minutes.signedAt')),
        languages: ['vi', 'zh'],
        ...optional('minutes.scanSha256', 'scanSha256'),
      },
    };
    setBusy(true);
    try {
      if (failed) await retry(failed, JSON.stringify(body));
      else await enqueue('confirmation', handoverId, body);
    } finally {
      setBusy(false);
    }
  };

  const zone = (label: string) => `${label} (${t('time.vn')}, UTC+7)`;
  return (
    <form className="gate-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('gate.form.heading')}</h2>
      <Field label={zone(t('gate.form.conductedAt'))} name="conductedAt" errors={errors}>
        <input type="datetime-local" name="conductedAt" required defaultValue={fromZoned(last?.conductedAt)} />
      </Field>
      <Field label={t('gate.form.vnOfficers')} name="vnOfficers" errors={errors}>
        <textarea name="vnOfficers" required rows={2} defaultValue={last?.vnOfficers.join('\n')} />
      </Field>
      <Field label={t('gate.form.cnOfficers')} name="cnOfficers" errors={errors}>
        <textarea name="cnOfficers" required rows={2} defaultValue={last?.cnOfficers.join('\n')} />
      </Field>
      <p className="muted">{t('gate.form.onePerLine')}</p>
      {persons.map((p) => {
        const out = notReceived.has(p.id);
        const toggle = (value: boolean) =>
          setNotReceived((s) => {
            const next = new Set(s);
            if (value) next.add(p.id);
            else next.delete(p.id);
            return next;
          });
        return (
          <fieldset key={p.id}>
            <legend>{p.identity?.fullName ?? t('gate.person.masked')}</legend>
            <label className="choice">
              <input type="radio" name={`status.${p.id}`} checked={!out} onChange={() => toggle(false)} />
              {t('gate.form.received')}
            </label>
            <label className="choice">
              <input type="radio" name={`status.${p.id}`} checked={out} onChange={() => toggle(true)} />
              {t('gate.form.notReceived')}
            </label>
            {out ? (
              <Field label={t('gate.form.reason')} name={`reason.${p.id}`} errors={errors}>
                <textarea name={`reason.${p.id}`} required rows={2} />
              </Field>
            ) : (
              <>
                <Field label={t('gate.form.healthCheck')} name={`healthCheck.${p.id}`} errors={errors}>
                  <textarea name={`healthCheck.${p.id}`} rows={2} defaultValue={prior(p.id)?.healthCheck} />
                </Field>
                <Field label={t('gate.form.notes')} name={`notes.${p.id}`} errors={errors}>
                  <textarea name={`notes.${p.id}`} rows={2} defaultValue={prior(p.id)?.notes} />
                </Field>
                <Field label={t('gate.form.statementRef')} name={`statementRef.${p.id}`} errors={errors}>
                  <input name={`statementRef.${p.id}`} defaultValue={prior(p.id)?.statementRef} />
                </Field>
              </>
            )}
          </fieldset>
        );
      })}
      <fieldset>
        <legend>{t('gate.form.minutes')}</legend>
        <Field label={t('gate.form.minutesNumber')} name="minutes.number" errors={errors}>
          <input name="minutes.number" required defaultValue={last?.minutes.number} />
        </Field>
        <Field label={zone(t('gate.form.signedAt'))} name="minutes.signedAt" errors={errors}>
          <input
            type="datetime-local"
            name="minutes.signedAt"
            required
            defaultValue={fromZoned(last?.minutes.signedAt)}
          />
        </Field>
        <Field label={t('gate.form.scan')} name="minutes.scanSha256" errors={errors}>
          <input name="minutes.scanSha256" pattern="[0-9a-fA-F]{64}" defaultValue={last?.minutes.scanSha256} />
        </Field>
        <p className="muted">{t('gate.form.languages')}</p>
      </fieldset>
      {failed?.refusal && <Refusal error={new ApiRefusal(failed.refusal.status, failed.refusal.code)} />}
      <button type="submit" className="primary" disabled={busy}>
        {t(failed ? 'gate.form.resubmit' : 'gate.form.submit')}
      </button>
    </form>
  );
}
