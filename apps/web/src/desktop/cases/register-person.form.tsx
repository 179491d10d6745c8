import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import { PERSON_ROLES, type PersonRole, type WriteAnswer } from '../desktop.views';
import { Field, FormRefusal, fieldError } from '../forms.component';
import { PossibleDuplicatesPanel } from './possible-duplicates.panel';

const SCRIPTS = ['zh-Hans', 'vi-Latn', 'zh-Latn-pinyin', 'en-Latn'] as const;
const SEXES = ['female', 'male', 'other', 'unknown'] as const;
type Sex = (typeof SEXES)[number];

interface Variant {
  script: string;
  value: string;
}
interface Document {
  kind: string;
  number: string;
}

/** Register a person in a case: role, full name, name variants with their script, sex, date of birth, documents. */
export function RegisterPersonForm(props: {
  readonly caseId: string;
  readonly revision: string;
  readonly onDone: (written: WriteAnswer) => void;
  readonly onReload: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<PersonRole>('presumed_victim');
  const [fullName, setFullName] = useState('');
  const [variants, setVariants] = useState<Variant[]>([{ script: 'zh-Hans', value: '' }]);
  const [sex, setSex] = useState<Sex | ''>('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [documents, setDocuments] = useState<Document[]>([]);
  const register = useMutation({
    mutationFn: () =>
      answer<WriteAnswer>(
        api.POST('/api/v1/cases/{id}/persons', {
          params: { path: { id: props.caseId } },
          headers: { 'Idempotency-Key': crypto.randomUUID() },
          body: {
            role,
            fullName,
            nameVariants: variants.filter((v) => v.value.trim() !== ''),
            documents: documents.filter((d) => d.number.trim() !== ''),
            ...(sex ? { sex } : {}),
            ...(dateOfBirth ? { dateOfBirth } : {}),
          },
        }),
      ),
    onSuccess: props.onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  const e = register.error;
  const setVariant = (i: number, change: Partial<Variant>) =>
    setVariants((all) => all.map((v, j) => (j === i ? { ...v, ...change } : v)));
  const setDocument = (i: number, change: Partial<Document>) =>
    setDocuments((all) => all.map((d, j) => (j === i ? { ...d, ...change } : d)));
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="register-person">
      <h3 id="register-person">{t('person.register')}</h3>
      <Field label={t('person.role')} error={fieldError(e, 'role')}>
        {(p) => (
          <select {...p} value={role} onChange={(ev) => setRole(ev.target.value as PersonRole)}>
            {PERSON_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`personRole.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('person.fullName')} error={fieldError(e, 'fullName')}>
        {(p) => <input {...p} required value={fullName} onChange={(ev) => setFullName(ev.target.value)} />}
      </Field>
      <fieldset>
        <legend>{t('person.variants')}</legend>
        {variants.map((v, i) => (
          <div className="row" key={i}>
            <Field
              label={t('person.variantValue', { number: i + 1 })}
              error={fieldError(e, `nameVariants.${i}`, `nameVariants[${i}]`)}
            >
              {(p) => <input {...p} value={v.value} onChange={(ev) => setVariant(i, { value: ev.target.value })} />}
            </Field>
            <Field label={t('person.script', { number: i + 1 })}>
              {(p) => (
                <select {...p} value={v.script} onChange={(ev) => setVariant(i, { script: ev.target.value })}>
                  {SCRIPTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`script.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        ))}
        <button type="button" onClick={() => setVariants((all) => [...all, { script: 'vi-Latn', value: '' }])}>
          {t('person.addVariant')}
        </button>
      </fieldset>
      <PossibleDuplicatesPanel caseId={props.caseId} names={[fullName, ...variants.map((v) => v.value)]} />
      <div className="row">
        <Field label={t('person.sex')} error={fieldError(e, 'sex')}>
          {(p) => (
            <select {...p} value={sex} onChange={(ev) => setSex(ev.target.value as Sex | '')}>
              <option value="">{t('form.notStated')}</option>
              {SEXES.map((s) => (
                <option key={s} value={s}>
                  {t(`sex.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('person.dateOfBirth')} hint={t('person.dateOfBirthHint')} error={fieldError(e, 'dateOfBirth')}>
          {(p) => (
            <input
              {...p}
              value={dateOfBirth}
              inputMode="numeric"
              placeholder="2004-05-17"
              onChange={(ev) => setDateOfBirth(ev.target.value)}
            />
          )}
        </Field>
      </div>
      <fieldset>
        <legend>{t('person.documents')}</legend>
        {documents.map((d, i) => (
          <div className="row" key={i}>
            <Field
              label={t('person.documentKind', { number: i + 1 })}
              error={fieldError(e, `documents.${i}.kind`, `documents[${i}].kind`)}
            >
              {(p) => (
                <select {...p} value={d.kind} onChange={(ev) => setDocument(i, { kind: ev.target.value })}>
                  {['national_id', 'passport', 'birth_certificate', 'other'].map((k) => (
                    <option key={k} value={k}>
                      {t(`documentKind.${k}` as 'documentKind.passport')}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t('person.documentNumber', { number: i + 1 })}
              error={fieldError(e, `documents.${i}.number`, `documents[${i}].number`)}
            >
              {(p) => <input {...p} value={d.number} onChange={(ev) => setDocument(i, { number: ev.target.value })} />}
            </Field>
          </div>
        ))}
        <button type="button" onClick={() => setDocuments((all) => [...all, { kind: 'national_id', number: '' }])}>
          {t('person.addDocument')}
        </button>
      </fieldset>
      <FormRefusal error={e} onReload={props.onReload} />
      <div className="actions">
        <button type="submit" className="primary" disabled={register.isPending}>
          {t('person.registerSubmit')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
