import { useTranslation } from 'react-i18next';
import { Link } from '../shell/router';
import type { DesktopScreen } from './desktop-nav.model';

type Props =
  { readonly kind: 'comingSoon'; readonly label: DesktopScreen['label'] } | { readonly kind: 'notFound' | 'forbidden' };

/** A screen that is not there (yet): coming soon, no such path, or not for this person. */
export function PlaceholderPage(props: Props) {
  const { t } = useTranslation();
  switch (props.kind) {
    case 'comingSoon':
      return (
        <>
          <h1>{t(props.label)}</h1>
          <p className="muted">{t('placeholder.body')}</p>
        </>
      );
    case 'notFound':
      return (
        <>
          <h1>{t('notFound.heading')}</h1>
          <p>
            <Link to="/">{t('notFound.back')}</Link>
          </p>
        </>
      );
    case 'forbidden':
      return (
        <>
          <h1>{t('forbidden.heading')}</h1>
          <p>
            <Link to="/">{t('notFound.back')}</Link>
          </p>
        </>
      );
  }
}
