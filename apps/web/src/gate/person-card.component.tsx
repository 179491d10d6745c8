import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GatePerson } from './gate.views';

/** A person to receive, as the guard's role may see them: names in each script, sex, birth, documents. */
export function PersonCard({ person }: { readonly person: GatePerson }) {
  const { t, i18n } = useTranslation();
  // Codes of open lists: words where we have them, else the code as recorded.
  const word = (group: string, code: string) => {
    const key = `gate.person.${group}.${code}`;
    return i18n.exists(key) ? (i18n.t as (k: string) => string)(key) : code;
  };
  const p = person.identity;
  if (!p) return <p className="handover-card">{t(person.erased ? 'gate.person.erased' : 'gate.person.masked')}</p>;
  const sex = p.sex === 'female' || p.sex === 'male' ? t(`gate.person.sex.${p.sex}`) : null;
  return (
    <article className="handover-card">
      <h3>{p.fullName}</h3>
      <dl className="dual-time">
        {p.nameVariants.map((v) => (
          <Row key={v.script + v.value} label={word('script', v.script)}>
            <span lang={v.script.split('-').slice(0, 2).join('-')}>{v.value}</span>
          </Row>
        ))}
        {sex && <Row label={t('gate.person.sex.label')}>{sex}</Row>}
        {p.dateOfBirth && <Row label={t('gate.person.dateOfBirth')}>{p.dateOfBirth}</Row>}
        {p.documents.map((d) => (
          <Row key={d.kind + d.number} label={word('document', d.kind)}>
            {d.number}
          </Row>
        ))}
      </dl>
    </article>
  );
}

const Row = ({ label, children }: { readonly label: string; readonly children: ReactNode }) => (
  <div>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);
