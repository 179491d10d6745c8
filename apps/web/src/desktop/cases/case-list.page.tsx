import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { Refusal } from '../../shell/refusal.component';
import { Link } from '../../shell/router';
import { DualTimeText } from '../dual-time.component';
import { CASE_STATUSES, type CaseListItem, type CaseStatus, type Page } from '../desktop.views';
import { afterLastWrite } from '../read-your-writes';
import { ReceiveReportForm } from './receive-report.form';

/** The cases of the person's province: search by text or a person's name in any script, filter by status, page on. */
export function CaseListPage({ me }: { readonly me: MeView }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [receiving, setReceiving] = useState(false);
  const cases = useInfiniteQuery({
    queryKey: ['cases', q, status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      answer<Page<CaseListItem>>(
        api.GET('/api/v1/cases', {
          params: {
            query: {
              ...(q ? { q } : {}),
              ...(status ? { status } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
              limit: 25,
            },
          },
          headers: afterLastWrite(),
        }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
  };
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <div className="page-head">
        <h1>{t('nav.cases')}</h1>
        {me.may.includes('case.create') && me.province !== '*' && (
          <button type="button" className="primary" onClick={() => setReceiving((v) => !v)} aria-expanded={receiving}>
            {t('cases.receive')}
          </button>
        )}
      </div>
      {receiving && <ReceiveReportForm me={me} onDone={() => setReceiving(false)} />}
      <form className="toolbar" role="search" onSubmit={search}>
        <div className="field">
          <label htmlFor="case-q">{t('cases.search')}</label>
          <input
            id="case-q"
            type="search"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            aria-describedby="case-q-hint"
          />
          <span id="case-q-hint" className="field-hint">
            {t('cases.searchHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="case-status">{t('cases.status')}</label>
          <select id="case-status" value={status} onChange={(e) => setStatus(e.target.value as CaseStatus | '')}>
            <option value="">{t('cases.allStatuses')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`caseStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('cases.find')}</button>
      </form>
      {cases.error && <Refusal error={cases.error} />}
      {cases.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('cases.none')}</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t('nav.cases')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.summary')}</th>
              <th scope="col">{t('cases.status')}</th>
              <th scope="col">{t('cases.channel')}</th>
              <th scope="col">{t('cases.receivedAt')}</th>
              <th scope="col">{t('cases.counts')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/cases/${c.id}`}>{c.summary}</Link>
                </td>
                <td>
                  <span className={`badge badge-${c.status}`}>{t(`caseStatus.${c.status}`)}</span>
                </td>
                <td>{t(`channel.${c.channel}`)}</td>
                <td>
                  <DualTimeText at={c.receivedAt.at} />
                </td>
                <td>
                  {t('cases.countsText', {
                    persons: c.counts.persons,
                    exchanges: c.counts.exchanges,
                    verifications: c.counts.verifications,
                    handovers: c.counts.handovers,
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cases.hasNextPage && (
        <p>
          <button type="button" onClick={() => void cases.fetchNextPage()} disabled={cases.isFetchingNextPage}>
            {t('form.more')}
          </button>
        </p>
      )}
    </>
  );
}
