import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import { Refusal } from '../../shell/refusal.component';
import type { CaseIntegrity } from '../desktop.views';
import { codeText } from '../forms.component';

/** The integrity check of a case (every hash chain it is made of), said in words. */
export function IntegrityPanel({ caseId }: { readonly caseId: string }) {
  const { t, i18n } = useTranslation();
  const check = useQuery({
    queryKey: ['case', caseId, 'integrity'],
    enabled: false,
    queryFn: () => answer<CaseIntegrity>(api.GET('/api/v1/cases/{id}/integrity', { params: { path: { id: caseId } } })),
  });
  const result = check.data;
  return (
    <section aria-labelledby="integrity-heading" className="section">
      <h2 id="integrity-heading">{t('integrity.heading')}</h2>
      <button type="button" onClick={() => void check.refetch()} disabled={check.isFetching}>
        {t('integrity.run')}
      </button>
      {check.error && <Refusal error={check.error} />}
      {result && (
        <div role="status" className={result.valid ? 'notice ok' : 'refusal'}>
          {result.valid ? (
            <p>{t('integrity.valid', { events: result.events, streams: result.streams })}</p>
          ) : (
            <p>
              {t('integrity.broken', {
                problem: codeText(t, i18n, 'integrityProblem', result.brokenAt?.problem ?? 'unknown'),
                revision: result.brokenAt?.revision ?? '—',
                stream: result.brokenAt?.streamId ?? '—',
              })}
            </p>
          )}
          <p className="small">{codeText(t, i18n, 'checkpointStatus', result.checkpoint.status)}</p>
        </div>
      )}
    </section>
  );
}
