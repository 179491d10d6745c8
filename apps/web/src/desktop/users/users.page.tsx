import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView, Role } from '../../api/api.views';
import { Refusal } from '../../shell/refusal.component';
import { provinceName, roleName, unitWithCode } from '../../shell/labels.format';
import type { Page, UserItem, WriteAnswer } from '../desktop.views';
import { Field, FormRefusal, fieldError } from '../forms.component';

const ROLES: readonly Role[] = ['liaison_officer', 'border_guard', 'supervisor', 'auditor', 'admin'];
const PROVINCES = [
  'lang-son',
  'quang-ninh',
  'cao-bang',
  'tuyen-quang',
  'lao-cai',
  'lai-chau',
  'dien-bien',
  '*',
] as const;
const gatesOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((g) => g.trim().toUpperCase())
    .filter(Boolean);

/** Accounts: list, add, disable / enable, grant / revoke roles, gates. A password is only ever typed, never shown. */
export function UsersPage({ me }: { readonly me: MeView }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const admin = me.may.includes('user.admin');
  const users = useQuery({ queryKey: ['users'], queryFn: () => answer<Page<UserItem>>(api.GET('/api/v1/users')) });
  return (
    <>
      <div className="page-head">
        <h1>{t('nav.users')}</h1>
        {admin && (
          <button type="button" className="primary" aria-expanded={adding} onClick={() => setAdding((v) => !v)}>
            {t('users.add')}
          </button>
        )}
      </div>
      {adding && <AddUserForm onDone={() => setAdding(false)} />}
      {users.error && <Refusal error={users.error} />}
      {users.data && (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('users.username')}</th>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('session.roles')}</th>
              <th scope="col">{t('session.unit')}</th>
              <th scope="col">{t('session.province')}</th>
              <th scope="col">{t('session.gates')}</th>
              <th scope="col">{t('users.state')}</th>
              {admin && <th scope="col">{t('users.manage')}</th>}
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((u) => (
              <UserRow key={u.id} user={u} admin={admin} self={u.username === me.userId} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function UserRow({ user, admin, self }: { readonly user: UserItem; readonly admin: boolean; readonly self: boolean }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [role, setRole] = useState<Role>('liaison_officer');
  const [gates, setGates] = useState(user.gates.join(', '));
  const path = { params: { path: { id: user.username } } };
  const change = useMutation({
    mutationFn: (act: 'disable' | 'enable' | 'grant' | 'revoke' | 'gates'): Promise<WriteAnswer> => {
      switch (act) {
        case 'disable':
          return answer(api.POST('/api/v1/users/{id}/disable', { ...path, body: {} }));
        case 'enable':
          return answer(api.POST('/api/v1/users/{id}/enable', path));
        case 'grant':
          return answer(api.POST('/api/v1/users/{id}/roles', { ...path, body: { grant: [role] } }));
        case 'revoke':
          return answer(api.POST('/api/v1/users/{id}/roles', { ...path, body: { revoke: [role] } }));
        case 'gates':
          return answer(api.PUT('/api/v1/users/{id}/gates', { ...path, body: { gates: gatesOf(gates) } }));
      }
    },
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['users'] }),
  });
  const { t: tt } = useTranslation();
  return (
    <tr>
      <td>{user.username}</td>
      <td>{user.name}</td>
      <td>{user.roles.map((r) => roleName(tt, r as Role)).join(', ')}</td>
      <td>{unitWithCode(t, user.unit)}</td>
      <td>{provinceName(t, user.province)}</td>
      <td>{user.gates.join(', ') || '—'}</td>
      <td>{user.disabled ? t('users.disabled') : t('users.active')}</td>
      {admin && (
        <td>
          <div className="row-actions">
            {!self &&
              (user.disabled ? (
                <button type="button" onClick={() => change.mutate('enable')}>
                  {t('users.enable')}
                </button>
              ) : (
                <button type="button" onClick={() => change.mutate('disable')}>
                  {t('users.disable')}
                </button>
              ))}
            <label className="visually-hidden" htmlFor={`role-${user.id}`}>
              {t('users.roleFor', { user: user.username })}
            </label>
            <select id={`role-${user.id}`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleName(t, r)}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => change.mutate('grant')}>
              {t('users.grant')}
            </button>
            <button type="button" onClick={() => change.mutate('revoke')}>
              {t('users.revoke')}
            </button>
            {user.roles.includes('border_guard') && (
              <>
                <label className="visually-hidden" htmlFor={`gates-${user.id}`}>
                  {t('users.gatesFor', { user: user.username })}
                </label>
                <input id={`gates-${user.id}`} size={12} value={gates} onChange={(e) => setGates(e.target.value)} />
                <button type="button" onClick={() => change.mutate('gates')}>
                  {t('users.saveGates')}
                </button>
              </>
            )}
          </div>
          {change.error ? <Refusal error={change.error} /> : null}
        </td>
      )}
    </tr>
  );
}

function AddUserForm({ onDone }: { readonly onDone: () => void }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [form, setForm] = useState({ username: '', name: '', unit: '', province: 'lang-son', gates: '', password: '' });
  const [roles, setRoles] = useState<Role[]>(['liaison_officer']);
  const set = (change: Partial<typeof form>) => setForm((f) => ({ ...f, ...change }));
  const add = useMutation({
    mutationFn: () =>
      answer<WriteAnswer>(
        api.POST('/api/v1/users', {
          body: {
            username: form.username.trim(),
            name: form.name,
            unit: form.unit.trim(),
            province: form.province,
            roles,
            gates: gatesOf(form.gates),
            password: form.password,
          },
        }),
      ),
    onSuccess: async () => {
      setForm((f) => ({ ...f, password: '' }));
      await queries.invalidateQueries({ queryKey: ['users'] });
      onDone();
    },
    // The password never stays on screen after a refusal either.
    onError: () => setForm((f) => ({ ...f, password: '' })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const e = add.error;
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="add-user" autoComplete="off">
      <h2 id="add-user">{t('users.add')}</h2>
      <div className="row">
        <Field label={t('users.username')} error={fieldError(e, 'username')}>
          {(p) => <input {...p} required value={form.username} onChange={(ev) => set({ username: ev.target.value })} />}
        </Field>
        <Field label={t('users.name')} error={fieldError(e, 'name')}>
          {(p) => <input {...p} required value={form.name} onChange={(ev) => set({ name: ev.target.value })} />}
        </Field>
      </div>
      <fieldset>
        <legend>{t('session.roles')}</legend>
        {ROLES.map((r) => (
          <div className="check" key={r}>
            <input
              id={`new-role-${r}`}
              type="checkbox"
              checked={roles.includes(r)}
              onChange={(ev) => setRoles((all) => (ev.target.checked ? [...all, r] : all.filter((x) => x !== r)))}
            />
            <label htmlFor={`new-role-${r}`}>{roleName(t, r)}</label>
          </div>
        ))}
        {fieldError(e, 'roles') && <span className="field-error">{t('form.fieldInvalid')}</span>}
      </fieldset>
      <div className="row">
        <Field label={t('session.unit')} hint={t('users.unitHint')} error={fieldError(e, 'unit')}>
          {(p) => <input {...p} required value={form.unit} onChange={(ev) => set({ unit: ev.target.value })} />}
        </Field>
        <Field label={t('session.province')} error={fieldError(e, 'province')}>
          {(p) => (
            <select {...p} value={form.province} onChange={(ev) => set({ province: ev.target.value })}>
              {PROVINCES.map((pr) => (
                <option key={pr} value={pr}>
                  {provinceName(t, pr)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('session.gates')} hint={t('users.gatesHint')} error={fieldError(e, 'gates')}>
          {(p) => <input {...p} value={form.gates} onChange={(ev) => set({ gates: ev.target.value })} />}
        </Field>
      </div>
      <Field label={t('signIn.password')} hint={t('users.passwordHint')} error={fieldError(e, 'password')}>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={form.password}
            onChange={(ev) => set({ password: ev.target.value })}
          />
        )}
      </Field>
      <FormRefusal error={e} />
      <div className="actions">
        <button type="submit" className="primary" disabled={add.isPending}>
          {t('users.addSubmit')}
        </button>
        <button type="button" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
