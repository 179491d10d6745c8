import { memo, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DualTimeText } from '../dual-time.component';
import type { TimelineEntry } from '../desktop.views';

/**
 * Entries drawn at first and added by each "show more": a case of 2,000 entries took about a
 * second to draw whole, and a reader starts from the top (docs/performance.md).
 */
export const TIMELINE_BATCH = 200;

/** The caption of a timeline entry in the chosen language (the api gives vi, zh and en). */
export function summaryIn(language: string, entry: TimelineEntry): string {
  if (language.startsWith('zh')) return entry.summary.zh;
  if (language === 'en') return entry.summary.en;
  return entry.summary.vi;
}

/**
 * Memoised: the case page renders again whenever a form opens or closes, and the entries (the
 * query's data) keep their identity until the timeline itself is read again.
 */
export const Timeline = memo(function Timeline({ entries }: { readonly entries: readonly TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const listId = useId();
  const list = useRef<HTMLOListElement>(null);
  const [shown, setShown] = useState(TIMELINE_BATCH);
  // The first entry a "show more" added, to take the focus: the button may be gone with the last batch.
  const [focusAt, setFocusAt] = useState<number | null>(null);
  useEffect(() => {
    if (focusAt === null) return;
    list.current?.querySelectorAll<HTMLElement>(':scope > li')[focusAt]?.focus();
    setFocusAt(null);
  }, [focusAt]);

  if (entries.length === 0) return <p className="muted">{t('case.noEvents')}</p>;
  const visible = entries.slice(0, shown);
  const remaining = entries.length - visible.length;
  const more = () => {
    setFocusAt(visible.length);
    setShown(visible.length + TIMELINE_BATCH);
  };
  return (
    <>
      <ol className="timeline" id={listId} ref={list}>
        {visible.map((entry) => (
          <li key={entry.position} tabIndex={-1}>
            <p className="timeline-summary">{summaryIn(i18n.language, entry)}</p>
            <DualTimeText at={entry.at} />
            <p className="small muted">{t('case.by', { user: entry.actor.userId, unit: entry.actor.unitId })}</p>
          </li>
        ))}
      </ol>
      {remaining > 0 && (
        <p className="timeline-more">
          <span className="small muted">{t('case.shown', { shown: visible.length, total: entries.length })}</span>{' '}
          <button type="button" aria-controls={listId} onClick={more}>
            {t('case.showMore', { number: remaining })}
          </button>
        </p>
      )}
    </>
  );
});
