import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import type { components } from '../../api/schema';
import { Refusal } from '../../shell/refusal.component';
import { Link, navigate } from '../../shell/router';
import { provinceName } from '../../shell/labels.format';
import { FormActions, useFormWrite } from '../form-write.component';
import { Field, fieldError } from '../forms.component';
import type { ReportRow } from './report.views';

const thisYear = (): number => new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();

/** The reports to the steering committee of a year, and opening the report of a period. */
export function ReportsPage({ me }: { readonly me: MeView }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear);
  const list = useQuery({
    queryKey: ['reports', year],
    queryFn: () => answer<{ items: ReportRow[] }>(api.GET('/api/v1/reports', { params: { query: { year } } })),
  });
  return (
    <>
      <h1>{t('reportDoc.heading')}</h1>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="reports-year">{t('reportDoc.year')}</label>
          <select id="reports-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[0, 1, 2].map((back) => (
              <option key={back} value={thisYear() - back}>
                {thisYear() - back}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.error && <Refusal error={list.error} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p className="muted">{t('reportDoc.none')}</p>
        ) : (
          <table className="data reports">
            <caption className="visually-hidden">{t('reportDoc.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reportDoc.period')}</th>
                <th scope="col">{t('reportDoc.province')}</th>
                <th scope="col">{t('reportDoc.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={r.reportId}>
                  <td>
                    <Link to={`/reports/${r.reportId}`}>{r.period}</Link>
                  </td>
                  <td>{provinceName(t, r.province)}</td>
                  <td>{t(`reportDoc.stage.${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {me.province !== '*' && me.may.includes('report.write') && <OpenReport province={me.province} />}
    </>
  );
}

type Province = components['schemas']['OpenReportDto']['province'];

function OpenReport({ province }: { readonly province: string }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [period, setPeriod] = useState('');
  const write = useFormWrite(
    (headers) => answer(api.POST('/api/v1/reports', { body: { province: province as Province, period }, headers })),
    (written) => {
      void queries.invalidateQueries({ queryKey: ['reports'] });
      navigate(`/reports/${written.id}`);
    },
  );
  return (
    <section aria-labelledby="open-report" className="section">
      <h2 id="open-report">{t('reportDoc.open')}</h2>
      <form onSubmit={write.submit} noValidate>
        <Field label={t('reportDoc.period')} hint={t('reportDoc.periodHint')} error={fieldError(write.error, 'period')}>
          {(props) => <input {...props} value={period} onChange={(e) => setPeriod(e.target.value)} required />}
        </Field>
        <FormActions
          error={write.error}
          pending={write.pending}
          label={t('reportDoc.openAction')}
          onCancel={() => setPeriod('')}
        />
      </form>
    </section>
  );
}
