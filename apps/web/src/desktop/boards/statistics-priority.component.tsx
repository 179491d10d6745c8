import { useTranslation } from 'react-i18next';

type Figure = number | string;
interface Hours {
  readonly median: number | null;
  readonly p90: number | null;
}
interface PriorityFigures {
  readonly messages: {
    readonly sent: Figure;
    readonly answered: Figure;
    readonly replyHours: Hours;
    readonly overdue: Figure;
  };
  readonly verifications: {
    readonly requested: Figure;
    readonly answered: Figure;
    readonly replyHours: Hours;
    readonly answeredLate: Figure;
  };
}
export interface PrioritiesFigures {
  readonly urgent: PriorityFigures;
  readonly normal: PriorityFigures;
}

const hours = (h: number | null): string => (h === null ? '—' : String(h));
const ORDER = ['urgent', 'normal'] as const;

/**
 * Reply times per priority (issue 11), each measured against its own limit: one table for the
 * letters that wait for a reply, one for verification requests. Counts under 11 arrive as "<11".
 */
export function PriorityTables({ figures }: { readonly figures: PrioritiesFigures }) {
  const { t } = useTranslation();
  const rows = (of: 'messages' | 'verifications') =>
    ORDER.map((p) => {
      const f = figures[p];
      const [count, answered, reply, late] =
        of === 'messages'
          ? [f.messages.sent, f.messages.answered, f.messages.replyHours, f.messages.overdue]
          : [
              f.verifications.requested,
              f.verifications.answered,
              f.verifications.replyHours,
              f.verifications.answeredLate,
            ];
      return (
        <tr key={p}>
          <th scope="row">{t(`priority.${p}`)}</th>
          <td className="num">{count}</td>
          <td className="num">{answered}</td>
          <td className="num">{hours(reply.median)}</td>
          <td className="num">{hours(reply.p90)}</td>
          <td className="num">{late}</td>
        </tr>
      );
    });
  return (
    <section className="section" aria-labelledby="stats-priorities">
      <h2 id="stats-priorities">{t('stats.priorities.heading')}</h2>
      {(['messages', 'verifications'] as const).map((of) => (
        <table key={of} className="data compact">
          <caption>{t(`stats.priorities.${of}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.priorities.priority')}</th>
              <th scope="col">{t('stats.priorities.count')}</th>
              <th scope="col">{t('stats.priorities.answered')}</th>
              <th scope="col">{t('stats.priorities.median')}</th>
              <th scope="col">{t('stats.priorities.p90')}</th>
              <th scope="col">{t('stats.priorities.late')}</th>
            </tr>
          </thead>
          <tbody>{rows(of)}</tbody>
        </table>
      ))}
    </section>
  );
}
