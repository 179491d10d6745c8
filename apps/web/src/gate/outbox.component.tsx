import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRefusal } from '../api/api.refusal';
import { Refusal } from '../shell/refusal.component';
import { formatDualTime } from '../time/dual-time.format';
import { discard, onOutboxChange, outboxItems, retry, type OutboxItem } from './outbox';

/** The outbox as it stands, re-read on every change. */
export function useOutbox(): readonly OutboxItem[] {
  const [items, setItems] = useState<readonly OutboxItem[]>([]);
  useEffect(() => {
    let current = true;
    const read = () => void outboxItems().then((all) => current && setItems(all));
    read();
    const stop = onOutboxChange(read);
    return () => {
      current = false;
      stop();
    };
  }, []);
  return items;
}

/** Each write of the gate and where it stands: waiting to be sent, sent at …, or needing the guard. */
export function OutboxList({
  items,
  nameOf,
}: {
  readonly items: readonly OutboxItem[];
  readonly nameOf?: (personId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="outbox" className="outbox">
      <h2 id="outbox">{t('gate.outbox.heading')}</h2>
      <ul className="handover-list">
        {items.map((item) => (
          <li key={item.key} className={`handover-card outbox-${item.state}`}>
            <p className="handover-card-top">
              <span>
                {t(`gate.outbox.kind.${item.kind}`)}
                {item.personId && nameOf ? `: ${nameOf(item.personId)}` : ''}
              </span>
              <strong className={`status status-${item.state}`}>
                {item.state === 'sent'
                  ? t('gate.outbox.sent', { time: formatDualTime(item.sentAt ?? item.createdAt, i18n.language).vn })
                  : t(`gate.outbox.${item.state}`)}
              </strong>
            </p>
            {item.refusal && (
              <>
                <Refusal error={new ApiRefusal(item.refusal.status, item.refusal.code)} />
                <p className="gate-toolbar">
                  {item.kind === 'transfer' && (
                    <button type="button" onClick={() => void retry(item)}>
                      {t('gate.outbox.retry')}
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => {
                      if (window.confirm(t('gate.outbox.discardConfirm'))) void discard(item);
                    }}
                  >
                    {t('gate.outbox.discard')}
                  </button>
                </p>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
