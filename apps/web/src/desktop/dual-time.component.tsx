import { useTranslation } from 'react-i18next';
import { formatDualTime } from '../time/dual-time.format';

/** An instant in Vietnam and China time, each labelled (a time that crosses the border). */
export function DualTimeText({ at }: { readonly at: string }) {
  const { t, i18n } = useTranslation();
  const { vn, cn } = formatDualTime(at, i18n.language);
  return (
    <span className="dual-time">
      <span>
        <span className="dual-time-zone">{t('time.vn')}:</span> {vn}
      </span>
      <span>
        <span className="dual-time-zone">{t('time.cn')}:</span> {cn}
      </span>
    </span>
  );
}
