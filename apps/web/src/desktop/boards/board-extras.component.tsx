import { useTranslation } from 'react-i18next';
import { Link } from '../../shell/router';
import { DualTimeText } from '../dual-time.component';
import { codeText } from '../forms.component';
import type { AgreedActionItem, ReportDueItem } from '../desktop.views';

/** Actions agreed at meetings with the counterpart that are overdue or due soon (issue 11). */
export function AgreedActions({
  overdue,
  dueSoon,
}: {
  readonly overdue: readonly AgreedActionItem[];
  readonly dueSoon: readonly AgreedActionItem[];
}) {
  const { t } = useTranslation();
  const items = [...overdue.map((a) => ({ ...a, late: true })), ...dueSoon.map((a) => ({ ...a, late: false }))];
  return (
    <section aria-labelledby="agreed-actions" className="section">
      <h2 id="agreed-actions">{t('deadlines.agreedActions', { number: items.length })}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('deadlines.none')}</p>
      ) : (
        <table className="data deadlines-agreed-actions">
          <thead>
            <tr>
              <th scope="col">{t('deadlines.owner')}</th>
              <th scope="col">{t('deadlines.dueAt')}</th>
              <th scope="col">{t('meeting.heldAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.actionId}>
                <td>
                  {a.owner.id}
                  {a.late && <strong className="badge badge-urgent">{t('deadlines.overdueMark')}</strong>}
                </td>
                <td>
                  <DualTimeText at={a.dueAt} />
                </td>
                <td>
                  <Link to={`/meetings/${a.meetingId}`}>{t('deadlines.openMeeting')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Reports to the steering committee still owed, overdue first (issue 11). */
export function ReportsDue({ items }: { readonly items: readonly ReportDueItem[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="reports-due" className="section">
      <h2 id="reports-due">{t('deadlines.reportsDue', { number: items.length })}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('deadlines.none')}</p>
      ) : (
        <table className="data deadlines-reports">
          <thead>
            <tr>
              <th scope="col">{t('deadlines.period')}</th>
              <th scope="col">{t('reportDoc.province')}</th>
              <th scope="col">{t('reportDoc.status')}</th>
              <th scope="col">{t('deadlines.dueAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.reportId}>
                <td>
                  <Link to={`/reports/${r.reportId}`}>{r.period}</Link>
                  {r.overdue && <strong className="badge badge-urgent">{t('deadlines.overdueMark')}</strong>}
                </td>
                <td>{codeText(t, i18n, 'province', r.province)}</td>
                <td>{codeText(t, i18n, 'reportDoc.stage', r.status)}</td>
                <td>
                  <DualTimeText at={r.dueAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
