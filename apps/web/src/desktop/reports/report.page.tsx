import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { Refusal } from '../../shell/refusal.component';
import { provinceName } from '../../shell/labels.format';
import { DualTimeText } from '../dual-time.component';
import { FormActions, useFormWrite } from '../form-write.component';
import { Field, fieldError } from '../forms.component';
import { REPORT_SECTIONS, type ReportDetail, type ReportSection } from './report.views';

const percent = (rate: number | null | undefined): string =>
  typeof rate === 'number' ? `${(rate * 100).toFixed(1)} %` : '–';

/** One report: its figures, the four narrative parts, approval, submission, the two documents. */
export function ReportPage({ id, me }: { readonly id: string; readonly me: MeView }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['report', id],
    queryFn: () => answer<ReportDetail>(api.GET('/api/v1/reports/{id}', { params: { path: { id } } })),
  });
  const r = report.data;
  const open = r !== undefined && r.status !== 'submitted';
  return (
    <>
      <h1>{t('reportDoc.title', { period: r?.period.code ?? '', province: r ? provinceName(t, r.province) : '' })}</h1>
      {report.error && <Refusal error={report.error} />}
      {r && (
        <>
          <dl className="facts">
            <dt>{t('reportDoc.status')}</dt>
            <dd>{t(`reportDoc.stage.${r.status}`)}</dd>
            <dt>{t('reportDoc.dueAt')}</dt>
            <dd>{r.dueAt ? <DualTimeText at={r.dueAt} /> : '—'}</dd>
          </dl>
          <div className="toolbar">
            <a className="button" href={`/api/v1/reports/${encodeURIComponent(id)}.xlsx`} download>
              {t('reportDoc.xlsx')}
            </a>
            <a className="button" href={`/api/v1/reports/${encodeURIComponent(id)}.docx`} download>
              {t('reportDoc.docx')}
            </a>
          </div>
          <Figures report={r} />
          {REPORT_SECTIONS.map((section) => (
            <Narrative key={section} id={id} section={section} text={r.narrative[section] ?? ''} editable={open} />
          ))}
          {r.status === 'draft' && me.may.includes('report.approve') && <Approve id={id} />}
          {r.status === 'approved' && me.may.includes('report.submit') && <Submit id={id} />}
        </>
      )}
    </>
  );
}

function Figures({ report }: { readonly report: ReportDetail }) {
  const { t } = useTranslation();
  const s = report.figures.statistics.reports;
  return (
    <section aria-labelledby="report-figures" className="section">
      <h2 id="report-figures">{report.status === 'submitted' ? t('reportDoc.frozen') : t('reportDoc.live')}</h2>
      <table className="data">
        <caption className="visually-hidden">{t('reportDoc.figures')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('reportDoc.received')}</th>
            <td>{s?.received ?? '–'}</td>
          </tr>
          <tr>
            <th scope="row">{t('reportDoc.classifiedRate')}</th>
            <td>{percent(s?.classifiedRate)}</td>
          </tr>
          <tr>
            <th scope="row">{t('reportDoc.resolvedRate')}</th>
            <td>{percent(s?.resolvedRate)}</td>
          </tr>
          <tr>
            <th scope="row">{t('reportDoc.unclassified')}</th>
            <td>{report.figures.pending.unclassified.length}</td>
          </tr>
          <tr>
            <th scope="row">{t('reportDoc.unresolved')}</th>
            <td>{report.figures.pending.unresolved.length}</td>
          </tr>
        </tbody>
      </table>
      {report.differences &&
        (report.differences.changed ? (
          <div role="status" className="notice">
            <p>{t('reportDoc.differences')}</p>
            <ul>
              {report.differences.figures.map((d) => (
                <li key={d.metric}>
                  {t('reportDoc.difference', { metric: d.metric, submitted: String(d.submitted), now: String(d.now) })}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="muted">{t('reportDoc.noDifferences')}</p>
        ))}
    </section>
  );
}

function useReportWrite(call: Parameters<typeof useFormWrite>[0], id: string) {
  const queries = useQueryClient();
  return useFormWrite(call, () => void queries.invalidateQueries({ queryKey: ['report', id] }));
}

function Narrative({
  id,
  section,
  text,
  editable,
}: {
  readonly id: string;
  readonly section: ReportSection;
  readonly text: string;
  readonly editable: boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(text);
  const write = useReportWrite(
    (headers) =>
      answer(
        api.POST('/api/v1/reports/{id}/narrative', {
          params: { path: { id } },
          body: { section, text: draft },
          headers,
        }),
      ),
    id,
  );
  return (
    <section aria-labelledby={`narrative-${section}`} className="section">
      <h2 id={`narrative-${section}`}>{t(`reportDoc.section.${section}`)}</h2>
      {editable ? (
        <form onSubmit={write.submit} noValidate>
          <Field label={t(`reportDoc.section.${section}`)} error={fieldError(write.error, 'text')}>
            {(props) => <textarea {...props} rows={5} value={draft} onChange={(e) => setDraft(e.target.value)} />}
          </Field>
          <FormActions
            error={write.error}
            pending={write.pending}
            label={t('reportDoc.save')}
            onCancel={() => setDraft(text)}
          />
        </form>
      ) : (
        <p className="prose">{text}</p>
      )}
    </section>
  );
}

function Approve({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const write = useReportWrite(
    (headers) => answer(api.POST('/api/v1/reports/{id}/approval', { params: { path: { id } }, headers })),
    id,
  );
  return (
    <form onSubmit={write.submit} className="section">
      <FormActions error={write.error} pending={write.pending} label={t('reportDoc.approve')} onCancel={() => {}} />
    </form>
  );
}

function Submit({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState({ number: '', place: '', recipients: '', name: '', title: '' });
  const set = (key: keyof typeof doc) => (e: { target: { value: string } }) =>
    setDoc({ ...doc, [key]: e.target.value });
  const write = useReportWrite(
    (headers) =>
      answer(
        api.POST('/api/v1/reports/{id}/submission', {
          params: { path: { id } },
          body: {
            number: doc.number,
            place: doc.place,
            recipients: doc.recipients
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
            signer: { name: doc.name, title: doc.title },
          },
          headers,
        }),
      ),
    id,
  );
  return (
    <section aria-labelledby="report-submit" className="section">
      <h2 id="report-submit">{t('reportDoc.submit')}</h2>
      <form onSubmit={write.submit} noValidate>
        <Field label={t('reportDoc.number')} error={fieldError(write.error, 'number')}>
          {(props) => <input {...props} value={doc.number} onChange={set('number')} />}
        </Field>
        <Field label={t('reportDoc.place')} error={fieldError(write.error, 'place')}>
          {(props) => <input {...props} value={doc.place} onChange={set('place')} />}
        </Field>
        <Field
          label={t('reportDoc.recipients')}
          hint={t('reportDoc.recipientsHint')}
          error={fieldError(write.error, 'recipients')}
        >
          {(props) => <textarea {...props} rows={3} value={doc.recipients} onChange={set('recipients')} />}
        </Field>
        <Field label={t('reportDoc.signerTitle')} error={fieldError(write.error, 'signer')}>
          {(props) => <input {...props} value={doc.title} onChange={set('title')} />}
        </Field>
        <Field label={t('reportDoc.signerName')} error={fieldError(write.error, 'signer')}>
          {(props) => <input {...props} value={doc.name} onChange={set('name')} />}
        </Field>
        <FormActions
          error={write.error}
          pending={write.pending}
          label={t('reportDoc.submitAction')}
          onCancel={() => setDoc({ number: '', place: '', recipients: '', name: '', title: '' })}
        />
      </form>
    </section>
  );
}
