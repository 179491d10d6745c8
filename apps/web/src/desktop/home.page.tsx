import { useTranslation } from 'react-i18next';
import type { MeView } from '../api/api.views';
import { provinceName, roleName, unitWithCode } from '../shell/labels.format';
import { screensFor, usesGateApp } from './desktop-nav.model';

/** Where the desktop opens: who you are signed in as, and where to go from here. */
export function HomePage({ me }: { readonly me: MeView }) {
  const { t } = useTranslation();
  const screens = screensFor(me);
  return (
    <>
      <h1>{t('home.heading', { name: me.name ?? me.userId })}</h1>
      <dl className="facts">
        <div>
          <dt>{t('session.roles')}</dt>
          <dd>{me.roles.map((role) => roleName(t, role)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('session.province')}</dt>
          <dd>{provinceName(t, me.province)}</dd>
        </div>
        <div>
          <dt>{t('session.unit')}</dt>
          <dd>{unitWithCode(t, me.unit)}</dd>
        </div>
      </dl>
      <p>{screens.length > 0 ? t('home.intro') : t('home.noScreens')}</p>
      {usesGateApp(me) && (
        <p>
          {t('home.gateHint')} <a href="/gate">{t('nav.gateApp')}</a>
        </p>
      )}
    </>
  );
}
