import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeView } from '../api/api.views';
import { AppHeader } from '../shell/app-header.component';
import { Link, usePathname } from '../shell/router';
import { DESKTOP_SCREENS, screensFor } from './desktop-nav.model';
import { createDesktopQueries } from './desktop-queries';
import { AuditPage } from './boards/audit.page';
import { DeadlinesPage } from './boards/deadlines.page';
import { StatisticsPage } from './boards/statistics.page';
import { CaseListPage } from './cases/case-list.page';
import { CasePage } from './cases/case.page';
import { MinutesPage } from './handovers/minutes.page';
import { CampaignsPage } from './meetings/campaigns.page';
import { MeetingPage } from './meetings/meeting.page';
import { MeetingsPage } from './meetings/meetings.page';
import { ReportPage } from './reports/report.page';
import { ReportsPage } from './reports/reports.page';
import { HomePage } from './home.page';
import { PlaceholderPage } from './placeholder.page';
import { ReferencePage } from './reference/reference.page';
import { UsersPage } from './users/users.page';
import './desktop.css';

/**
 * The signed-in desktop: header, the navigation the person's `may` allows, and the screen for the
 * path. Screens to come replace PlaceholderPage in `screenFor` (see docs/web.md); they read with
 * TanStack Query (useQuery) from the client provided here.
 */
export function DesktopApp({ me }: { readonly me: MeView }) {
  const [queries] = useState(createDesktopQueries);
  return (
    <QueryClientProvider client={queries}>
      <DesktopShell me={me} />
    </QueryClientProvider>
  );
}

function DesktopShell({ me }: { readonly me: MeView }) {
  const { t } = useTranslation();
  const path = usePathname();
  const allowed = screensFor(me);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After an in-app navigation, move focus to the new screen so keyboard and screen-reader
  // users start reading it, as they would after a full page load.
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [path]);

  return (
    <div className="desktop">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader title={t('app.tagline')} />
      <div className="desktop-body">
        <nav className="desktop-nav" aria-label={t('nav.label')}>
          <ul>
            <li>
              <Link to="/">{t('nav.home')}</Link>
            </li>
            {allowed.map((screen) => (
              <li key={screen.path}>
                <Link to={screen.path}>{t(screen.label)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" ref={main} tabIndex={-1} className="desktop-main">
          {screenFor(path, me)}
        </main>
      </div>
    </div>
  );
}

function screenFor(path: string, me: MeView) {
  if (path === '/' || path === '/index.html') return <HomePage me={me} />;
  // Reached from a handover of the case page, not from the menu: a document, not a screen of its own.
  const minutes = /^\/handovers\/([^/]+)\/minutes\/?$/.exec(path);
  if (minutes?.[1]) {
    if (!me.may.includes('handover.read')) return <PlaceholderPage kind="forbidden" />;
    return <MinutesPage key={minutes[1]} id={minutes[1]} me={me} />;
  }
  const screen = DESKTOP_SCREENS.find((s) => path === s.path || path.startsWith(`${s.path}/`));
  if (!screen) return <PlaceholderPage kind="notFound" />;
  if (!screensFor(me).includes(screen)) return <PlaceholderPage kind="forbidden" />;
  const rest = path.slice(screen.path.length).replace(/^\/|\/$/g, '');
  switch (screen.path) {
    case '/cases':
      return rest ? <CasePage key={rest} id={rest} me={me} /> : <CaseListPage me={me} />;
    case '/deadlines':
      return <DeadlinesPage />;
    case '/meetings':
      // Campaigns live under the meetings: they are agreed there, and read by the same people.
      if (rest === 'campaigns') return <CampaignsPage me={me} />;
      return rest ? <MeetingPage key={rest} id={rest} me={me} /> : <MeetingsPage me={me} />;
    case '/reports':
      return rest ? <ReportPage key={rest} id={rest} me={me} /> : <ReportsPage me={me} />;
    case '/statistics':
      return <StatisticsPage />;
    case '/audit':
      return <AuditPage />;
    case '/users':
      return <UsersPage me={me} />;
    case '/reference':
      return <ReferencePage me={me} />;
    default:
      return <PlaceholderPage kind="comingSoon" label={screen.label} />;
  }
}
