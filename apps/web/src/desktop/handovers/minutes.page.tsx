import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { Refusal } from '../../shell/refusal.component';
import { handoverStatusName } from '../../shell/labels.format';
import { Link } from '../../shell/router';
import { Bi, Blank, BothNames, PaperTime, Row, Signatures } from './minutes-paper.component';
import { MinutesPersons } from './minutes-persons.section';
import { MINUTES_LABELS as L } from './minutes.labels';
import type { MinutesHandover, MinutesPerson } from './minutes.views';
import './minutes.css';

/**
 * The handover minutes as the A4 page both sides sign: every label in Vietnamese and Chinese
 * whatever the screen's language, filled from the handover as this reader may read it. Persons'
 * identities come from GET /persons/{id} only for a role that may read them (each read audited by
 * the api); otherwise the paper says they are protected. Before the gate's confirmation it is a
 * draft with blanks to fill in by hand.
 */
export function MinutesPage({ id, me }: { readonly id: string; readonly me: MeView }) {
  const { t } = useTranslation();
  const handover = useQuery({
    queryKey: ['handover', id, 'minutes'],
    queryFn: () => answer<MinutesHandover>(api.GET('/api/v1/handovers/{id}', { params: { path: { id } } })),
  });
  const mayReadPersons = me.may.includes('person.read_personal');
  const personIds = handover.data?.personIds ?? [];
  const persons = useQueries({
    queries: personIds.map((personId) => ({
      queryKey: ['person', personId, 'minutes'],
      enabled: mayReadPersons,
      queryFn: () =>
        answer<MinutesPerson>(
          api.GET('/api/v1/persons/{id}', {
            params: { path: { id: personId }, query: { purpose: 'handover view' } },
          }),
        ),
    })),
  });

  if (handover.error) {
    return (
      <>
        <h1>{t('minutes.heading')}</h1>
        <p>{t('minutes.unavailable')}</p>
        <Refusal error={handover.error} />
        <p>
          <Link to="/cases">{t('minutes.toCases')}</Link>
        </p>
      </>
    );
  }
  const h = handover.data;
  if (!h || (mayReadPersons && persons.some((p) => p.isPending))) return <p className="muted">{t('app.loading')}</p>;

  const draft = h.minutes === null;

  return (
    <>
      <div className="minutes-chrome">
        <p>
          <Link to={`/cases/${h.caseId}`}>{t('minutes.back')}</Link>
        </p>
        <p>
          {t('minutes.status', { status: handoverStatusName(t, h.status) })}
          {draft && ` ${t('minutes.draftNotice')}`}
        </p>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('minutes.print')}
        </button>
      </div>

      <article className="minutes-doc" aria-labelledby="minutes-title">
        {draft && (
          <p className="minutes-draft">
            <Bi label={L.draft} />
          </p>
        )}
        <h1 id="minutes-title" className="minutes-title">
          <span lang="vi">{L.title.vi}</span>
          <span lang="zh-Hans" className="bi-zh">
            {L.title.zh}
          </span>
        </h1>
        <p className="minutes-number">
          <Bi label={L.number} />: {h.minutes ? <strong>{h.minutes.number}</strong> : <Blank wide />}
        </p>

        <dl className="minutes-facts">
          <Row label={L.place}>
            {h.gate.name ? (
              <span className="paper-times">
                <span>
                  <Bi label={L.vnGate} />: <BothNames names={h.gate.name} />
                </span>
                <span>
                  <Bi label={L.cnGate} />: <BothNames names={h.gate.counterpartGate} />
                </span>
              </span>
            ) : (
              <>
                <Bi label={L.boundaryMarker} /> {h.gate.code}
              </>
            )}
          </Row>
          <Row label={h.conductedAt || !h.scheduledAt ? L.conductedAt : L.scheduledAt}>
            <PaperTime at={h.conductedAt ?? h.scheduledAt} />
          </Row>
          <Row label={L.signedAt}>
            <PaperTime at={h.minutes?.signedAt ?? null} />
          </Row>
        </dl>

        <div className="minutes-sides">
          <dl className="minutes-side">
            <dt className="minutes-side-title">
              <Bi label={L.handingSide} />
            </dt>
            <dd>
              <Bi label={L.unit} />: <BothNames names={h.counterpart.name} />
            </dd>
            <dd>
              <Bi label={L.officers} />: {h.cnOfficers.length > 0 ? h.cnOfficers.join('; ') : <Blank wide />}
            </dd>
          </dl>
          <dl className="minutes-side">
            <dt className="minutes-side-title">
              <Bi label={L.receivingSide} />
            </dt>
            <dd>
              <Bi label={L.unit} />:{' '}
              <Bi
                label={{
                  vi: `${L.vnUnit.vi}${h.gate.name ? ` – ${h.gate.name.vi}` : ''}`,
                  zh: `${L.vnUnit.zh}${h.gate.name ? `（${h.gate.name.zh}）` : ''}`,
                }}
              />
            </dd>
            <dd>
              <Bi label={L.officers} />: {h.vnOfficers.length > 0 ? h.vnOfficers.join('; ') : <Blank wide />}
            </dd>
          </dl>
        </div>

        <MinutesPersons h={h} persons={persons} mayReadPersons={mayReadPersons} />

        <p className="minutes-closing">
          <span lang="vi">{L.closing.vi}</span>
          <br />
          <span lang="zh-Hans" className="bi-zh">
            {L.closing.zh}
          </span>
        </p>

        <div className="minutes-signatures">
          <Signatures title={L.handingRep} officers={h.cnOfficers} />
          <Signatures title={L.receivingRep} officers={h.vnOfficers} />
        </div>

        <p className="minutes-record">
          <Bi label={L.record} />: {h.id}
        </p>
      </article>
    </>
  );
}
