import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BorderTime, GateHandoverItem } from '../api/api.views';
import { handoverStatusName } from '../shell/labels.format';
import { Link } from '../shell/router';
import { formatDualTime } from '../time/dual-time.format';

/** One handover in the guard's list: where, when on both sides' clocks, how many people, with whom. */
export function HandoverCard({
  item,
  gateName,
  counterpartName,
}: {
  readonly item: GateHandoverItem;
  readonly gateName: string;
  readonly counterpartName: string;
}) {
  const { t } = useTranslation();
  const heading = useId();
  return (
    <article className="handover-card" aria-labelledby={heading}>
      <div className="handover-card-top">
        <h3 id={heading}>
          <Link to={`/gate/handovers/${item.id}`}>{gateName}</Link>
        </h3>
        <span className={`status status-${item.status}`}>{handoverStatusName(t, item.status)}</span>
      </div>
      {item.scheduledAt ? <DualTime time={item.scheduledAt} /> : <p className="muted">{t('gate.unscheduled')}</p>}
      <p className="handover-card-meta">
        <span>{t('gate.persons', { number: item.persons })}</span>
        <span>
          {t('gate.counterpart')}: {counterpartName}
        </span>
      </p>
    </article>
  );
}

/** An instant that crosses the border, on both sides' clocks, labelled. */
export function DualTime({ time }: { readonly time: BorderTime }) {
  const { t, i18n } = useTranslation();
  const when = formatDualTime(time.at, i18n.language);
  return (
    <dl className="dual-time">
      <div>
        <dt>{t('time.vn')}</dt>
        <dd>
          <time dateTime={time.local.vn}>{when.vn}</time>
        </dd>
      </div>
      <div>
        <dt>{t('time.cn')}</dt>
        <dd>
          <time dateTime={time.local.cn}>{when.cn}</time>
        </dd>
      </div>
    </dl>
  );
}
