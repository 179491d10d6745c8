import { useQuery } from '@tanstack/react-query';
import { memo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import { Refusal } from '../../shell/refusal.component';
import { DualTimeText } from '../dual-time.component';
import type { CaseHistory, TimelineEntry } from '../desktop.views';
import { vietnamInstant, vietnamLocalNow } from '../forms.component';
import { Timeline } from './timeline.component';

/**
 * The case as it stood at an instant: a date-time (Vietnam time) or a step back / forward through its recorded events.
 * Memoised like the timeline: opening a form on the case page need not sort 2,000 instants again.
 */
export const ReplayPanel = memo(function ReplayPanel({
  caseId,
  entries,
}: {
  readonly caseId: string;
  readonly entries: readonly TimelineEntry[];
}) {
  const { t } = useTranslation();
  const steps = [...new Set(entries.map((e) => e.recordedAt))].sort();
  const [asOf, setAsOf] = useState<string | null>(null);
  const [input, setInput] = useState(() => vietnamLocalNow(new Date(steps.at(-1) ?? Date.now())));
  const history = useQuery({
    queryKey: ['case', caseId, 'history', asOf],
    enabled: asOf !== null,
    queryFn: () =>
      answer<CaseHistory>(
        api.GET('/api/v1/cases/{id}/history', { params: { path: { id: caseId }, query: { asOf: asOf ?? '' } } }),
      ),
  });
  const index = asOf === null ? -1 : steps.filter((s) => s <= asOf).length - 1;
  const go = (i: number) => {
    const at = steps[Math.max(0, Math.min(steps.length - 1, i))];
    if (at) setAsOf(at);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsOf(vietnamInstant(input));
  };
  const state = history.data?.state;
  return (
    <section aria-labelledby="replay-heading" className="section">
      <h2 id="replay-heading">{t('replay.heading')}</h2>
      <form className="toolbar" onSubmit={submit}>
        <div className="field">
          <label htmlFor="replay-at">{t('replay.asOf')}</label>
          <input
            id="replay-at"
            type="datetime-local"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            aria-describedby="replay-zone"
          />
          <span id="replay-zone" className="field-hint">
            {t('form.zoneVn')}
          </span>
        </div>
        <button type="submit">{t('replay.show')}</button>
        <button
          type="button"
          onClick={() => go(index <= 0 ? 0 : index - 1)}
          disabled={steps.length === 0 || index === 0}
        >
          {t('replay.back')}
        </button>
        <button type="button" onClick={() => go(index + 1)} disabled={steps.length === 0 || index >= steps.length - 1}>
          {t('replay.forward')}
        </button>
      </form>
      {history.error && <Refusal error={history.error} />}
      {history.data && state && (
        <div className="panel" aria-live="polite">
          <p>
            <strong>{t('replay.stoodAt')}</strong> <DualTimeText at={history.data.asOf.at} />
          </p>
          <p>{t('replay.step', { number: index + 1, total: steps.length })}</p>
          <dl className="facts">
            <div>
              <dt>{t('cases.status')}</dt>
              <dd>{t(`caseStatus.${state.status}`)}</dd>
            </div>
            <div>
              <dt>{t('case.classification')}</dt>
              <dd>{state.classification ? t(`classification.${state.classification}`) : t('case.notClassified')}</dd>
            </div>
            <div>
              <dt>{t('case.persons')}</dt>
              <dd>{state.persons.length}</dd>
            </div>
            <div>
              <dt>{t('case.revision')}</dt>
              <dd>{state.revision}</dd>
            </div>
          </dl>
          <Timeline entries={history.data.timeline} />
        </div>
      )}
    </section>
  );
});
