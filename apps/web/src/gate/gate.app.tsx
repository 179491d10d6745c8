import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeView } from '../api/api.views';
import { useCounterparts, useGates } from '../api/reference.data';
import { AppHeader } from '../shell/app-header.component';
import { nameIn } from '../shell/labels.format';
import { Refusal } from '../shell/refusal.component';
import { usePathname } from '../shell/router';
import { vietnamDay } from '../time/dual-time.format';
import { HANDOVER_GROUPS, groupOf, useGateHandovers } from './gate-handovers.read';
import { HandoverCard } from './handover-card.component';
import { HandoverPage } from './handover.page';
import { forgetPersons, forgetSignedIn } from './gate-cache';
import { OutboxList, useOutbox } from './outbox.component';
import { startOutbox, whenSent } from './outbox';
import './gate.css';

/**
 * The border guard's phone: the handovers at their gates, today and upcoming first. No component
 * library here: the whole app must stay within 100 KB of gzipped script for a slow link.
 */
export function GateApp({ me }: { readonly me: MeView }) {
  const { t, i18n } = useTranslation();
  const gates = useGates();
  const gateName = (code: string) => {
    const gate = gates.data?.find((g) => g.code === code);
    return gate ? nameIn(i18n.language, gate.name) : code;
  };
  const myGates = me.gates.map(gateName).join(', ');
  const path = usePathname();
  const handoverId = /^\/gate\/handovers\/([0-9a-f-]{36})$/i.exec(path)?.[1];

  useEffect(() => {
    whenSent((item) => {
      if (item.kind === 'confirmation') void forgetPersons(item.handoverId);
    });
    const stop = startOutbox(me.userId);
    // Signed out or the session ended: nothing read as this person stays in the cache.
    return () => {
      stop();
      void forgetSignedIn();
    };
  }, [me.userId]);

  return (
    <div className="gate">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {/* No subtitle: on a phone the page's own heading says where you are. */}
      <AppHeader gates={myGates || undefined} />
      <main id="main" className="gate-main">
        {handoverId ? (
          <HandoverPage key={handoverId} id={handoverId} />
        ) : me.may.includes('handover.list') ? (
          <>
            <h1>{t('gate.heading')}</h1>
            <Outbox userId={me.userId} />
            {me.roles.includes('border_guard') && me.gates.length === 0 && <p>{t('gate.noGates')}</p>}
            <HandoverList gateName={gateName} />
          </>
        ) : (
          <>
            <h1>{t('gate.heading')}</h1>
            <p>
              {t('gate.notForRole')} <a href="/">{t('gate.desktopLink')}</a>
            </p>
          </>
        )}
      </main>
    </div>
  );
}

/** This guard's writes only: another account's items on a shared phone are theirs to see and send. */
const Outbox = ({ userId }: { readonly userId: string }) => (
  <OutboxList items={useOutbox().filter((i) => i.userId === userId)} />
);

function HandoverList({ gateName }: { readonly gateName: (code: string) => string }) {
  const { t, i18n } = useTranslation();
  const handovers = useGateHandovers();
  const counterparts = useCounterparts();
  const ids = useId();
  const counterpartName = (code: string) => {
    const unit = counterparts.data?.find((c) => c.code === code);
    return unit ? nameIn(i18n.language, unit.name) : code;
  };

  const items = handovers.items;
  if (items === undefined) {
    if (handovers.error === undefined)
      return (
        <p role="status" className="muted">
          {t('app.loading')}
        </p>
      );
    return (
      <>
        <Refusal error={handovers.error} />
        <button type="button" onClick={handovers.reload}>
          {t('common.retry')}
        </button>
      </>
    );
  }

  const today = vietnamDay(new Date());
  return (
    <>
      <div className="gate-toolbar">
        <button type="button" onClick={handovers.reload} disabled={handovers.loading}>
          {t('gate.refresh')}
        </button>
      </div>
      {handovers.error !== undefined && <Refusal error={handovers.error} />}
      {items.length === 0 && <p>{t('gate.empty')}</p>}
      {HANDOVER_GROUPS.map((group) => {
        const rows = items.filter((item) => groupOf(item, today) === group);
        if (rows.length === 0) return null;
        return (
          <section key={group} aria-labelledby={`${ids}-${group}`} className="handover-group">
            <h2 id={`${ids}-${group}`}>{t(`gate.group.${group}`)}</h2>
            <ul className="handover-list">
              {rows.map((item) => (
                <li key={item.id}>
                  <HandoverCard
                    item={item}
                    gateName={gateName(item.gate)}
                    counterpartName={counterpartName(item.counterpart)}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {handovers.hasMore && (
        <button type="button" onClick={handovers.loadMore} disabled={handovers.loading}>
          {t('gate.more')}
        </button>
      )}
    </>
  );
}
