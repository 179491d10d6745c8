import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../api/api.client';
import { ApiRefusal } from '../api/api.refusal';
import { useRead } from '../api/use-read';
import { useMe } from '../session/session.context';
import { handoverStatusName, nameIn } from '../shell/labels.format';
import { Refusal } from '../shell/refusal.component';
import { Link } from '../shell/router';
import type { GatePerson, HandoverDetail } from './gate.views';
import { DualTime } from './handover-card.component';
import { OutboxList, useOutbox } from './outbox.component';
import { enqueue, retry, type OutboxItem } from './outbox';

/** The gate's local time is Vietnam's, all year UTC+7: inputs say so and send this offset. */
const VN = '+07:00';
const vnNow = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16);
const zoned = (local: string) => `${local}:00${VN}`;

const loadHandover = (id: string) =>
  answer<HandoverDetail>(api.GET('/api/v1/handovers/{id}', { params: { path: { id } } }));
const loadPerson = (id: string) => answer<GatePerson>(api.GET('/api/v1/persons/{id}', { params: { path: { id } } }));

/** A handover at the guard's gate: where, when, with whom, who is to be received, and the forms of the gate. */
export function HandoverPage({ id }: { readonly id: string }) {
  const { t, i18n } = useTranslation();
  const handover = useRead(`handover/${id}`, () => loadHandover(id));
  const persons = useRead(`handover/${id}/persons`, async () =>
    Promise.all((await loadHandover(id)).personIds.map(loadPerson)),
  );
  const me = useMe();
  const outbox = useOutbox().filter((i) => i.handoverId === id && i.userId === me.userId);
  // Once a write of this handover has gone through, show the handover as the server now has it.
  const sent = outbox.filter((i) => i.state === 'sent').length;
  const { reload } = handover;
  useEffect(() => {
    if (sent > 0) reload();
  }, [sent, reload]);
  const h = handover.data;
  if (!h)
    return (
      <>
        <BackLink />
        {handover.error === undefined ? <p role="status">{t('app.loading')}</p> : <Refusal error={handover.error} />}
      </>
    );

  const names = (n: { code: string; name: { vi: string; zh: string; en: string } | null }) =>
    n.name ? nameIn(i18n.language, n.name) : n.code;
  const mine = outbox.filter((i) => i.kind === 'confirmation');
  // A refused confirmation comes back to the form, filled as it was sent; one waiting or sent does not.
  const attention = mine.find((i) => i.state === 'attention') ?? null;
  const confirmed =
    ['conducted', 'minutes_signed', 'closed'].includes(h.status) || mine.some((i) => i.state !== 'attention');
  const people = persons.data ?? [];
  const nameOf = (personId: string) => people.find((p) => p.id === personId)?.identity?.fullName ?? personId;

  return (
    <>
      <BackLink />
      <h1>{names({ code: h.gate.code, name: h.gate.name })}</h1>
      <p>
        <span className={`status status-${h.status}`}>{handoverStatusName(t, h.status)}</span>
      </p>
      <h2>{t('gate.handover.scheduledAt')}</h2>
      {h.scheduledAt ? <DualTime time={h.scheduledAt} /> : <p className="muted">{t('gate.unscheduled')}</p>}
      <p>
        {t('gate.counterpart')}: {names(h.counterpart)}
      </p>
      <OutboxList items={outbox} nameOf={nameOf} />
      <h2>{t('gate.handover.persons')}</h2>
      {persons.error !== undefined && <Refusal error={persons.error} />}
      <ul className="handover-list">
        {people.map((p) => (
          <li key={p.id}>
            <PersonCard person={p} />
          </li>
        ))}
      </ul>
      {!confirmed ? (
        // Only a scheduled handover can be confirmed (proposed, postponed or cancelled ones cannot).
        h.status === 'scheduled' &&
        people.length === h.personIds.length && (
          <ConfirmForm key={attention?.key} handoverId={id} persons={people} failed={attention} />
        )
      ) : (
        <TransferForm
          handoverId={id}
          persons={people.filter(
            (p) =>
              !h.transfers.some((x) => x.personId === p.id) &&
              (h.received.length === 0 || h.received.some((r) => r.personId === p.id)),
          )}
        />
      )}
    </>
  );
}

const BackLink = () => {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/gate">{t('gate.handover.back')}</Link>
    </p>
  );
};

function PersonCard({ person }: { readonly person: GatePerson }) {
  const { t, i18n } = useTranslation();
  // Codes of open lists: words where we have them, else the code as recorded.
  const word = (group: string, code: string) => {
    const key = `gate.person.${group}.${code}`;
    return i18n.exists(key) ? (i18n.t as (k: string) => string)(key) : code;
  };
  const p = person.identity;
  if (!p) return <p className="handover-card">{t(person.erased ? 'gate.person.erased' : 'gate.person.masked')}</p>;
  const sex = p.sex === 'female' || p.sex === 'male' ? t(`gate.person.sex.${p.sex}`) : null;
  return (
    <article className="handover-card">
      <h3>{p.fullName}</h3>
      <dl className="dual-time">
        {p.nameVariants.map((v) => (
          <Row key={v.script + v.value} label={word('script', v.script)}>
            <span lang={v.script.split('-').slice(0, 2).join('-')}>{v.value}</span>
          </Row>
        ))}
        {sex && <Row label={t('gate.person.sex.label')}>{sex}</Row>}
        {p.dateOfBirth && <Row label={t('gate.person.dateOfBirth')}>{p.dateOfBirth}</Row>}
        {p.documents.map((d) => (
          <Row key={d.kind + d.number} label={word('document', d.kind)}>
            {d.number}
          </Row>
        ))}
      </dl>
    </article>
  );
}

const Row = ({ label, children }: { readonly label: string; readonly children: ReactNode }) => (
  <div>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);

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

/** An input with its label, the zone when it is a time, and the api's refusal of it next to it. */
function Field({
  label,
  name,
  errors,
  children,
}: {
  readonly label: string;
  readonly name: string;
  readonly errors: Map<string, true>;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{label}</span>
      {children}
      {errors.has(name) && (
        <span role="alert" className="refusal">
          {t('gate.form.invalid')}
        </span>
      )}
    </label>
  );
}

const value = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim() : '';
};
const lines = (form: FormData, name: string) =>
  value(form, name)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const text = value;
const fromZoned = (iso: string | undefined) => iso?.slice(0, 16) ?? vnNow();

function ConfirmForm({
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

const KINDS = ['provincial_police', 'social_protection', 'health', 'family', 'other'] as const;

function TransferForm({
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
