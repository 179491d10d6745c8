import { StrictMode, useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { MeView } from '../api/api.views';
import { setUpI18n, type AppStrings } from '../i18n/i18n.setup';
import { SessionProvider, useSession } from '../session/session.context';
import { SignInPage } from './sign-in.page';
import './shell.css';

export type AppVariant = 'desktop' | 'gate';

function SignedInOrNot({ variant, children }: { variant: AppVariant; children: (me: MeView) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const { state } = useSession();

  useEffect(() => {
    document.title = t(`app.documentTitle.${variant}`);
  }, [t, variant, i18n.language]);

  switch (state.status) {
    case 'loading':
      return (
        <p role="status" className="page-loading">
          {t('app.loading')}
        </p>
      );
    case 'signedOut':
      return <SignInPage reason={state.reason} />;
    case 'signedIn':
      // Keyed by person: a new sign-in starts the screens afresh, with nothing of the last one's.
      return <SignedIn key={state.me.userId}>{children(state.me)}</SignedIn>;
  }
}

const SignedIn = ({ children }: { children: ReactNode }) => children;

/**
 * Starts one of the two apps: its strings in the remembered language, the session, then the
 * sign-in page or the signed-in shell that `children` renders for the person who signed in.
 */
export async function startApp(
  variant: AppVariant,
  strings: AppStrings,
  children: (me: MeView) => ReactNode,
): Promise<void> {
  const i18n = await setUpI18n(strings);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SessionProvider>
          <SignedInOrNot variant={variant}>{children}</SignedInOrNot>
        </SessionProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
