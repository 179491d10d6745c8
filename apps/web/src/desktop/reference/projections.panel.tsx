import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import { refusalText } from '../../api/refusal.text';
import { Refusal } from '../../shell/refusal.component';
import type { ProjectionStatus } from '../desktop.views';
import { codeText } from '../forms.component';

/** Polling while a rebuild runs: often enough to see it end, rare enough to cost nothing. */
const POLL_MS = 1000;

/**
 * The read models' state in words, and a rebuild for an administrator. A rebuild answers 202 at
 * once; the row says "rebuilding" from then until the status shows a newer generation served.
 */
export function ProjectionsPanel({ mayRebuild }: { readonly mayRebuild: boolean }) {
  const { t, i18n } = useTranslation();
  // name → the generation served when the rebuild was asked for
  const [asked, setAsked] = useState<Readonly<Record<string, number | null>>>({});
  const [done, setDone] = useState<string | null>(null);
  const waiting = Object.keys(asked).length > 0;
  const status = useQuery({
    queryKey: ['admin', 'projections'],
    refetchInterval: (query) => (waiting || query.state.data?.projections.some((p) => p.rebuilding) ? POLL_MS : false),
    queryFn: async () => {
      const body = await answer<{ readonly projections: readonly ProjectionStatus[] }>(
        api.GET('/api/v1/admin/projections'),
      );
      const finished = body.projections.filter(
        (p) => p.name in asked && p.rebuilding === null && p.generation !== asked[p.name],
      );
      if (finished.length > 0) {
        setAsked((all) => Object.fromEntries(Object.entries(all).filter(([n]) => !finished.some((f) => f.name === n))));
        setDone(finished.map((f) => f.name).join(', '));
      }
      return body;
    },
  });
  const rebuild = useMutation({
    mutationFn: (name: string) =>
      answer<{ name: string; status: string }>(
        api.POST('/api/v1/admin/projections/{name}/rebuild', { params: { path: { name } } }),
      ),
    onSuccess: (_answer, name) => {
      setDone(null);
      const generation = status.data?.projections.find((p) => p.name === name)?.generation ?? null;
      setAsked((all) => ({ ...all, [name]: generation }));
    },
  });
  const projectionName = (name: string) => codeText(t, i18n, 'register.projection', name);
  return (
    <section aria-labelledby="projections-heading" className="section">
      <h2 id="projections-heading">{t('register.projections')}</h2>
      <p className="muted">{t('register.projectionsExplained')}</p>
      {status.error && <Refusal error={status.error} />}
      {rebuild.error ? (
        <p role="alert" className="refusal">
          {refusalText(i18n, rebuild.error)}
        </p>
      ) : null}
      <p role="status" className={done ? 'notice' : 'visually-hidden'}>
        {done ? t('register.rebuilt', { name: done.split(', ').map(projectionName).join(', ') }) : ''}
      </p>
      {status.data && (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('register.projectionName')}</th>
              <th scope="col">{t('register.projectionStatus')}</th>
              <th scope="col" className="num">
                {t('register.lag')}
              </th>
              <th scope="col" className="num">
                {t('register.failures')}
              </th>
              {mayRebuild && <th scope="col">{t('case.acts')}</th>}
            </tr>
          </thead>
          <tbody>
            {status.data.projections.map((p) => {
              const rebuilding = p.rebuilding !== null || p.name in asked;
              return (
                <tr key={p.name}>
                  <th scope="row">{projectionName(p.name)}</th>
                  <td>{rebuilding ? t('register.state.rebuilding') : codeText(t, i18n, 'register.state', p.status)}</td>
                  <td className="num">{t('register.events', { number: p.lag })}</td>
                  <td className="num">{p.failures}</td>
                  {mayRebuild && (
                    <td>
                      <button
                        type="button"
                        aria-label={t('register.rebuildOne', { name: projectionName(p.name) })}
                        disabled={rebuilding || rebuild.isPending}
                        onClick={() => rebuild.mutate(p.name)}
                      >
                        {t('register.rebuild')}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
