import { useTranslation } from 'react-i18next';
import { DualTimeText } from '../dual-time.component';
import type { TimelineEntry } from '../desktop.views';

/** The caption of a timeline entry in the chosen language (the api gives vi, zh and en). */
export function summaryIn(language: string, entry: TimelineEntry): string {
  if (language.startsWith('zh')) return entry.summary.zh;
  if (language === 'en') return entry.summary.en;
  return entry.summary.vi;
}

export function Timeline({ entries }: { readonly entries: readonly TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0) return <p className="muted">{t('case.noEvents')}</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.position}>
          <p className="timeline-summary">{summaryIn(i18n.language, entry)}</p>
          <DualTimeText at={entry.at} />
          <p className="small muted">{t('case.by', { user: entry.actor.userId, unit: entry.actor.unitId })}</p>
        </li>
      ))}
    </ol>
  );
}
