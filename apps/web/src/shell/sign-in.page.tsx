import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, type SignedOutReason } from '../session/session.context';
import { LanguageSwitcher } from './language-switcher.component';
import { Refusal } from './refusal.component';

/**
 * One sign-in page for both apps. Field labels and the button are stable handles ("Tên đăng
 * nhập", "Mật khẩu", "Đăng nhập" in Vietnamese). A refusal keeps the user name and clears the
 * password, and says why in words.
 */
export function SignInPage({ reason }: { readonly reason?: SignedOutReason }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const ids = { username: useId(), password: useId(), heading: useId() };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    try {
      await signIn(username.trim(), password);
    } catch (error) {
      setRefusal(error);
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <div className="sign-in-page">
      <header className="sign-in-top">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitcher />
      </header>
      <main id="main" className="sign-in-main">
        <section className="sign-in-card" aria-labelledby={ids.heading}>
          <h1 id={ids.heading}>{t('signIn.heading')}</h1>
          <p className="muted">{t('app.tagline')}</p>
          {reason && !refusal && (
            <p role="status" className="notice">
              {reason === 'sessionEnded' ? t('signIn.sessionEnded') : t('signIn.signedOut')}
            </p>
          )}
          <form className="sign-in-form" onSubmit={(event) => void submit(event)}>
            <label htmlFor={ids.username}>{t('signIn.username')}</label>
            <input
              id={ids.username}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
            <label htmlFor={ids.password}>{t('signIn.password')}</label>
            <input
              id={ids.password}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            {refusal !== null && <Refusal error={refusal} />}
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('signIn.submitting') : t('signIn.submit')}
            </button>
          </form>
          <p className="muted small">{t('signIn.intro')}</p>
        </section>
      </main>
    </div>
  );
}
