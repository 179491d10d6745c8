import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import { Refusal } from '../../shell/refusal.component';
import { Link } from '../../shell/router';
import { DualTimeText } from '../dual-time.component';
import type { AwaitingReleaseItem, DeadlineBoard, DeadlineItem } from '../desktop.views';
import { codeText } from '../forms.component';
import { UrgentBadge } from '../cases/priority.field';
import { AgreedActions, ReportsDue } from './board-extras.component';

/** What is owed and when: overdue first, then due soon. */
export function DeadlinesPage() {
  const { t } = useTranslation();
  const board = useQuery({
    queryKey: ['deadlines'],
    queryFn: () => answer<DeadlineBoard>(api.GET('/api/v1/deadlines')),
  });
  return (
    <>
      <h1>{t('nav.deadlines')}</h1>
      {board.error && <Refusal error={board.error} />}
      {board.data && (
        <>
          <DeadlineTable
            id="overdue"
            title={t('deadlines.overdue', { number: board.data.overdue.length })}
            items={board.data.overdue}
          />
          <DeadlineTable
            id="due-soon"
            title={t('deadlines.dueSoon', { number: board.data.dueSoon.length })}
            items={board.data.dueSoon}
          />
          <ReleaseQueue items={board.data.awaitingRelease} />
          {board.data.agreedActions && (
            <AgreedActions overdue={board.data.agreedActions.overdue} dueSoon={board.data.agreedActions.dueSoon} />
          )}
          {board.data.reports && <ReportsDue items={board.data.reports} />}
        </>
      )}
    </>
  );
}

function DeadlineTable({
  id,
  title,
  items,
}: {
  readonly id: string;
  readonly title: string;
  readonly items: readonly DeadlineItem[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('deadlines.none')}</p>
      ) : (
        <table className={`data deadlines-${id}`}>
          <thead>
            <tr>
              <th scope="col">{t('deadlines.kind')}</th>
              <th scope="col">{t('deadlines.case')}</th>
              <th scope="col">{t('deadlines.dueAt')}</th>
              <th scope="col">{t('deadlines.owedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.kind}-${item.id}`}>
                <td>
                  {codeText(t, i18n, 'deadlineKind', item.kind)}
                  <UrgentBadge priority={item.priority ?? undefined} />
                </td>
                <td>{item.caseId ? <Link to={`/cases/${item.caseId}`}>{t('deadlines.openCase')}</Link> : '—'}</td>
                <td>
                  <DualTimeText at={item.dueAt} />
                </td>
                <td>{codeText(t, i18n, 'owedBy', item.owedBy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Messages and verification requests of the unit held for a second officer's release, the longest waiting first. */
function ReleaseQueue({ items }: { readonly items: readonly AwaitingReleaseItem[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="awaiting-release" className="section">
      <h2 id="awaiting-release">{t('releaseQueue.heading', { number: items.length })}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('deadlines.none')}</p>
      ) : (
        <table className="data deadlines-awaiting-release">
          <thead>
            <tr>
              <th scope="col">{t('releaseQueue.kind')}</th>
              <th scope="col">{t('exchange.release.author')}</th>
              <th scope="col">{t('deadlines.case')}</th>
              <th scope="col">{t('exchange.release.since')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.messageId ?? item.verificationId}>
                <td>{t(`releaseQueue.${item.kind}`)}</td>
                <td>{item.author}</td>
                <td>{item.caseId ? <Link to={`/cases/${item.caseId}`}>{t('deadlines.openCase')}</Link> : '—'}</td>
                <td>
                  <DualTimeText at={item.since} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
