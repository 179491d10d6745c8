import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useSession } from '../session/session.context';
import { LanguageSwitcher } from './language-switcher.component';
import { provinceName, roleName, unitName } from './labels.format';

/**
 * The bar at the top of every signed-in screen: who is signed in (name, roles, province, unit,
 * and a guard's gates), the language, and signing out. It wraps onto two lines on a phone.
 */
export function AppHeader({ title, gates }: { readonly title?: string; readonly gates?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const [leaving, setLeaving] = useState(false);

  return (
    <header className="app-header">
      <div className="app-header-brand">
        <span className="brand">{t('app.name')}</span>
        {title && <span className="app-header-title">{title}</span>}
      </div>
      <section className="who" aria-label={t('session.account')}>
        <span className="who-name">{me.name ?? me.userId}</span>
        <span className="who-detail">
          <span>{me.roles.map((role) => roleName(t, role)).join(', ')}</span>
          <span aria-hidden="true"> · </span>
          <span>{provinceName(t, me.province)}</span>
          <span aria-hidden="true"> · </span>
          <span title={me.unit}>{unitName(t, me.unit)}</span>
          {gates && (
            <>
              <span aria-hidden="true"> · </span>
              <span>{gates}</span>
            </>
          )}
        </span>
      </section>
      <div className="app-header-tools">
        <LanguageSwitcher />
        <button
          type="button"
          disabled={leaving}
          onClick={() => {
            setLeaving(true);
            void signOut().finally(() => setLeaving(false));
          }}
        >
          {t('session.signOut')}
        </button>
      </div>
    </header>
  );
}
