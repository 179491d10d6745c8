import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import { Refusal } from '../../shell/refusal.component';
import { Link } from '../../shell/router';
import { DualTimeText } from '../dual-time.component';
import type { AuditEntry, Page } from '../desktop.views';
import { codeText, vietnamInstant } from '../forms.component';

interface Filter {
  subjectId: string;
  actor: string;
  from: string;
  to: string;
}
const EMPTY: Filter = { subjectId: '', actor: '', from: '', to: '' };

/** The audit log: who read or did what, filterable by subject (person, case), user and time (Vietnam time). */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const log = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      answer<Page<AuditEntry>>(
        api.GET('/api/v1/audit', {
          params: {
            query: {
              ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
              ...(filter.actor ? { actor: filter.actor } : {}),
              ...(filter.from ? { from: vietnamInstant(filter.from) } : {}),
              ...(filter.to ? { to: vietnamInstant(filter.to) } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
              limit: 50,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...draft, subjectId: draft.subjectId.trim(), actor: draft.actor.trim() });
  };
  const set = (change: Partial<Filter>) => setDraft((d) => ({ ...d, ...change }));
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <h1>{t('nav.audit')}</h1>
      <form className="toolbar" onSubmit={submit} aria-label={t('audit.filter')}>
        <div className="field">
          <label htmlFor="audit-subject">{t('audit.subject')}</label>
          <input id="audit-subject" value={draft.subjectId} onChange={(e) => set({ subjectId: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t('audit.actor')}</label>
          <input id="audit-actor" value={draft.actor} onChange={(e) => set({ actor: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <input
            id="audit-from"
            type="datetime-local"
            value={draft.from}
            onChange={(e) => set({ from: e.target.value })}
            aria-describedby="audit-zone"
          />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('audit.to')}</label>
          <input
            id="audit-to"
            type="datetime-local"
            value={draft.to}
            onChange={(e) => set({ to: e.target.value })}
            aria-describedby="audit-zone"
          />
        </div>
        <button type="submit">{t('cases.find')}</button>
        <span id="audit-zone" className="field-hint">
          {t('form.zoneVn')}
        </span>
      </form>
      {log.error && <Refusal error={log.error} />}
      {log.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('audit.none')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.subject')}</th>
              <th scope="col">{t('audit.purpose')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.position}>
                <td>
                  <DualTimeText at={entry.at} />
                </td>
                <td>{codeText(t, i18n, 'auditType', entry.type)}</td>
                <td>
                  {entry.actor.userId}
                  <span className="small muted"> · {entry.actor.unitId}</span>
                </td>
                <td>
                  {entry.subject ? (
                    <>
                      {codeText(t, i18n, 'subjectKind', entry.subject.kind)} <code>{entry.subject.id}</code>
                    </>
                  ) : (
                    '—'
                  )}
                  {entry.caseId && (
                    <>
                      {' '}
                      <Link to={`/cases/${entry.caseId}`}>{t('deadlines.openCase')}</Link>
                    </>
                  )}
                </td>
                <td>{entry.purpose ? codeText(t, i18n, 'auditPurpose', entry.purpose) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.hasNextPage && (
        <p>
          <button type="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {t('form.more')}
          </button>
        </p>
      )}
    </>
  );
}
