import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRefusal } from '../api/api.refusal';
import { Refusal } from '../shell/refusal.component';
import { Field } from './gate-field.component';
import { text, vnNow, zoned } from './gate-form.values';
import type { GatePerson } from './gate.views';
import { enqueue, type OutboxItem } from './outbox';

const KINDS = ['provincial_police', 'social_protection', 'health', 'family', 'other'] as const;

/** After the confirmation: a received person handed on to a unit (through the outbox, like the confirmation). */
export function TransferForm({
  handoverId,
  persons,
}: {
  readonly handoverId: string;
  readonly persons: readonly GatePerson[];
}) {
  const { t } = useTranslation();
  const [done, setDone] = useState<OutboxItem>();
  useEffect(() => setDone(undefined), [persons.length]);
  if (persons.length === 0) return null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const personId = text(form, 'personId');
    const body = { personId, toUnit: text(form, 'toUnit'), at: zoned(text(form, 'at')), toKind: text(form, 'toKind') };
    setDone(await enqueue('transfer', handoverId, body, personId));
    element.reset();
  };
  const errors = new Map<string, true>(done?.refusal?.fieldErrors.map((e) => [e.field, true]));
  return (
    <form className="gate-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('gate.transfer.heading')}</h2>
      <Field label={t('gate.transfer.person')} name="personId" errors={errors}>
        <select name="personId" required>
          {persons.map((p) => (
            <option key={p.id} value={p.id}>
              {p.identity?.fullName ?? p.id}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('gate.transfer.toUnit')} name="toUnit" errors={errors}>
        <input name="toUnit" required />
      </Field>
      <Field label={t('gate.transfer.toKind')} name="toKind" errors={errors}>
        <select name="toKind" defaultValue="social_protection">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`gate.transfer.kind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={`${t('gate.transfer.at')} (${t('time.vn')}, UTC+7)`} name="at" errors={errors}>
        <input type="datetime-local" name="at" required defaultValue={vnNow()} />
      </Field>
      {done?.refusal && <Refusal error={new ApiRefusal(done.refusal.status, done.refusal.code)} />}
      <button type="submit" className="primary">
        {t('gate.transfer.submit')}
      </button>
    </form>
  );
}
