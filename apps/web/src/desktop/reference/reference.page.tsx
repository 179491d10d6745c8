import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeView, Names } from '../../api/api.views';
import { Refusal } from '../../shell/refusal.component';
import { nameIn, provinceName } from '../../shell/labels.format';
import { codeText, Field } from '../forms.component';
import { useCounterparts, useGates } from '../reference.queries';
import { ProjectionsPanel } from './projections.panel';

/** The names in the other two scripts, shown under the one of the screen's language. */
function otherNames(language: string, names: Names): string {
  const shown = nameIn(language, names);
  return [names.vi, names.zh, names.en].filter((n) => n !== shown).join(' · ');
}

function NameCell({ names }: { readonly names: Names }) {
  const { i18n } = useTranslation();
  return (
    <>
      {nameIn(i18n.language, names)}
      <span className="other-names">{otherNames(i18n.language, names)}</span>
    </>
  );
}

/** A calendar day of the register (no time, so no zone to show). */
function dayText(language: string, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/**
 * The reference register (border gates with their Chinese pair, counterpart units) as the api
 * serves it, filterable by province; and, for those who operate the service, the read models.
 */
export function ReferencePage({ me }: { readonly me: MeView }) {
  const { t, i18n } = useTranslation();
  const gates = useGates();
  const counterparts = useCounterparts();
  const [province, setProvince] = useState('');
  const provinces = [
    ...new Set([...(gates.data ?? []).map((g) => g.province), ...(counterparts.data ?? []).map((c) => c.province)]),
  ];
  const shownGates = (gates.data ?? []).filter((g) => !province || g.province === province);
  const shownCounterparts = (counterparts.data ?? []).filter((c) => !province || c.province === province);
  return (
    <>
      <h1>{t('register.heading')}</h1>
      <p className="lead">{t('register.maintained')}</p>
      <div className="toolbar">
        <Field label={t('register.province')}>
          {(p) => (
            <select {...p} value={province} onChange={(ev) => setProvince(ev.target.value)}>
              <option value="">{t('register.allProvinces')}</option>
              {provinces.map((slug) => (
                <option key={slug} value={slug}>
                  {provinceName(t, slug)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <section aria-labelledby="register-gates" className="section">
        <h2 id="register-gates">{t('register.gates')}</h2>
        {gates.error && <Refusal error={gates.error} />}
        {gates.data && (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('register.gateVn')}</th>
                <th scope="col">{t('register.gateCn')}</th>
                <th scope="col">{t('register.province')}</th>
                <th scope="col">{t('register.kind')}</th>
                <th scope="col">{t('register.validFrom')}</th>
              </tr>
            </thead>
            <tbody>
              {shownGates.map((g) => (
                <tr key={g.code}>
                  <td>
                    <NameCell names={g.name} />
                  </td>
                  <td>
                    <NameCell names={g.counterpartGate} />
                  </td>
                  <td>{provinceName(t, g.province)}</td>
                  <td>{codeText(t, i18n, 'register.gateKind', g.kind)}</td>
                  <td>{dayText(i18n.language, g.validFrom)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="register-counterparts" className="section">
        <h2 id="register-counterparts">{t('register.counterparts')}</h2>
        {counterparts.error && <Refusal error={counterparts.error} />}
        {counterparts.data && (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('register.unit')}</th>
                <th scope="col">{t('register.province')}</th>
                <th scope="col">{t('register.chineseProvince')}</th>
                <th scope="col">{t('register.kind')}</th>
                <th scope="col">{t('register.validFrom')}</th>
              </tr>
            </thead>
            <tbody>
              {shownCounterparts.map((c) => (
                <tr key={c.code}>
                  <td>
                    <NameCell names={c.name} />
                  </td>
                  <td>{provinceName(t, c.province)}</td>
                  <td>{codeText(t, i18n, 'register.chineseProvinceName', c.chineseProvince)}</td>
                  <td>{codeText(t, i18n, 'register.unitKind', c.kind)}</td>
                  <td>{dayText(i18n.language, c.validFrom)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {me.may.includes('ops.read') && <ProjectionsPanel mayRebuild={me.may.includes('reference.admin')} />}
    </>
  );
}
