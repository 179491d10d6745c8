import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../api/api.client';
import { useRead } from '../api/use-read';
import { useMe } from '../session/session.context';
import { handoverStatusName, nameIn } from '../shell/labels.format';
import { Refusal } from '../shell/refusal.component';
import { Link } from '../shell/router';
import type { GatePerson, HandoverDetail } from './gate.views';
import { DualTime } from './handover-card.component';
import { ConfirmForm } from './handover-confirm.form';
import { TransferForm } from './handover-transfer.form';
import { OutboxList, useOutbox } from './outbox.component';
import { PersonCard } from './person-card.component';

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
