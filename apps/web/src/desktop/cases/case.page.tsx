import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { Refusal } from '../../shell/refusal.component';
import { provinceName } from '../../shell/labels.format';
import { Link } from '../../shell/router';
import { DualTimeText } from '../dual-time.component';
import type { CaseView, TimelineEntry, WriteAnswer } from '../desktop.views';
import { rememberWrite } from '../read-your-writes';
import { Timeline } from './timeline.component';
import { CaseActionForm, actionsFor, type CaseAction } from './case-actions.form';
import { MessageForm } from './exchange.forms';
import { ProposeHandoverForm } from './handover.forms';
import { IntegrityPanel } from './integrity.panel';
import { LinkedRecords } from './linked-records.component';
import { PersonRow } from './person-row.component';
import { RegisterPersonForm } from './register-person.form';
import { ReplayPanel } from './replay.panel';
import { VerificationForm } from './verification.form';

/** Reads wait for the read models to reach the write just made (X-Min-Position). */
const after = (position: string | undefined) => (position ? { 'X-Min-Position': position } : {});

/** A case: its status and facts, timeline, persons, linked records, and the acts the person may do on it. */
export function CasePage({ id, me }: { readonly id: string; readonly me: MeView }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [position, setPosition] = useState(
    () => new URLSearchParams(window.location.search).get('minPosition') ?? undefined,
  );
  const [acting, setActing] = useState<CaseAction | 'person' | 'handover' | 'verification' | 'exchange' | null>(null);
  const view = useQuery({
    queryKey: ['case', id],
    queryFn: () =>
      answer<CaseView>(api.GET('/api/v1/cases/{id}', { params: { path: { id } }, headers: after(position) })),
  });
  const timeline = useQuery({
    queryKey: ['case', id, 'timeline'],
    queryFn: () =>
      answer<{ readonly entries: readonly TimelineEntry[] }>(
        api.GET('/api/v1/cases/{id}/timeline', { params: { path: { id } }, headers: after(position) }),
      ).then((body) => body.entries),
  });
  const reload = () => {
    setActing(null);
    void queries.invalidateQueries({ queryKey: ['case', id] });
  };
  const written = (answer: WriteAnswer) => {
    setPosition(answer.position);
    rememberWrite(answer.position);
    setActing(null);
    // The new position goes with the next reads (state updates before the refetch is scheduled).
    setTimeout(() => void queries.invalidateQueries({ queryKey: ['case', id] }), 0);
    void queries.invalidateQueries({ queryKey: ['cases'] });
  };

  if (view.error) return <Refusal error={view.error} />;
  if (!view.data) return <p className="muted">{t('app.loading')}</p>;
  const c = view.data;
  const actions = actionsFor(c, me);
  const writable = me.province !== '*' && c.status !== 'closed';
  const mayRegister = writable && me.may.includes('person.register');
  const mayPropose = writable && me.may.includes('handover.propose');
  const mayVerify = writable && me.may.includes('verification.write');
  const mayExchange = writable && me.may.includes('exchange.write');
  const toggle = (what: typeof acting) => setActing(acting === what ? null : what);
  return (
    <>
      <p>
        <Link to="/cases">{t('case.back')}</Link>
      </p>
      <div className="page-head">
        <h1>{t('case.heading')}</h1>
        <span className={`badge badge-${c.status}`} aria-hidden="true">
          {t(`caseStatus.${c.status}`)}
        </span>
      </div>
      <p className="lead">{c.summary}</p>
      <dl className="facts">
        <div>
          <dt>{t('cases.status')}</dt>
          <dd>{t(`caseStatus.${c.status}`)}</dd>
        </div>
        <div>
          <dt>{t('cases.channel')}</dt>
          <dd>{t(`channel.${c.channel}`)}</dd>
        </div>
        <div>
          <dt>{t('case.classification')}</dt>
          <dd>{c.classification ? t(`classification.${c.classification}`) : t('case.notClassified')}</dd>
        </div>
        <div>
          <dt>{t('session.province')}</dt>
          <dd>{provinceName(t, c.province)}</dd>
        </div>
        <div>
          <dt>{t('case.receivingUnit')}</dt>
          <dd>{c.receivingUnit}</dd>
        </div>
        <div>
          <dt>{t('cases.receivedAt')}</dt>
          <dd>
            <DualTimeText at={c.receivedAt.at} />
          </dd>
        </div>
        <div>
          <dt>{t('case.revision')}</dt>
          <dd>{c.revision}</dd>
        </div>
      </dl>

      {(actions.length > 0 || mayRegister || mayPropose || mayVerify || mayExchange) && (
        <section aria-labelledby="acts-heading" className="section">
          <h2 id="acts-heading">{t('case.acts')}</h2>
          <div className="actions">
            {actions.map((a) => (
              <button
                key={a}
                type="button"
                aria-expanded={acting === a}
                onClick={() => setActing(acting === a ? null : a)}
              >
                {t(`caseAction.${a}`)}
              </button>
            ))}
            {mayRegister && (
              <button
                type="button"
                aria-expanded={acting === 'person'}
                onClick={() => setActing(acting === 'person' ? null : 'person')}
              >
                {t('person.register')}
              </button>
            )}
            {mayExchange && (
              <button type="button" aria-expanded={acting === 'exchange'} onClick={() => toggle('exchange')}>
                {t('exchange.open')}
              </button>
            )}
            {mayVerify && (
              <button type="button" aria-expanded={acting === 'verification'} onClick={() => toggle('verification')}>
                {t('verification.raise')}
              </button>
            )}
            {mayPropose && (
              <button type="button" aria-expanded={acting === 'handover'} onClick={() => toggle('handover')}>
                {t('handover.propose')}
              </button>
            )}
          </div>
          {acting === 'person' && (
            <RegisterPersonForm
              caseId={c.id}
              revision={c.revision}
              onDone={written}
              onReload={reload}
              onCancel={() => setActing(null)}
            />
          )}
          {acting === 'exchange' && (
            <MessageForm
              caseId={c.id}
              persons={c.persons}
              mayOverride={me.roles.includes('supervisor')}
              onDone={written}
              onCancel={() => setActing(null)}
            />
          )}
          {acting === 'verification' && (
            <VerificationForm view={c} me={me} onDone={written} onCancel={() => setActing(null)} />
          )}
          {acting === 'handover' && (
            <ProposeHandoverForm view={c} onDone={written} onReload={reload} onCancel={() => setActing(null)} />
          )}
          {acting &&
            acting !== 'person' &&
            acting !== 'verification' &&
            acting !== 'handover' &&
            acting !== 'exchange' && (
              <CaseActionForm
                key={acting}
                action={acting}
                view={c}
                me={me}
                onDone={written}
                onReload={reload}
                onCancel={() => setActing(null)}
              />
            )}
        </section>
      )}

      <section aria-labelledby="persons-heading" className="section">
        <h2 id="persons-heading">{t('case.persons')}</h2>
        {c.persons.length === 0 ? (
          <p className="muted">{t('case.noPersons')}</p>
        ) : (
          <ul className="plain">
            {c.persons.map((p) => (
              <PersonRow key={p.id} person={p} me={me} onWritten={written} />
            ))}
          </ul>
        )}
      </section>

      <LinkedRecords view={c} me={me} onWritten={written} />

      <section aria-labelledby="timeline-heading" className="section">
        <h2 id="timeline-heading">{t('case.timeline')}</h2>
        {timeline.error && <Refusal error={timeline.error} />}
        {timeline.data && <Timeline entries={timeline.data} />}
      </section>

      {me.may.includes('case.history') && timeline.data && <ReplayPanel caseId={c.id} entries={timeline.data} />}
      {me.may.includes('integrity.read') && <IntegrityPanel caseId={c.id} />}
    </>
  );
}
