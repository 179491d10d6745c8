import { useTranslation } from 'react-i18next';
import { Field } from './forms.component';

export type Side = 'vn' | 'cn';
export const OFFSET: Record<Side, string> = { vn: '+07:00', cn: '+08:00' };

/** A clock value (datetime-local) read in the chosen side's zone, as ISO-8601 with that offset. */
export const zonedInstant = (local: string, side: Side): string =>
  `${local.length === 16 ? `${local}:00` : local}${OFFSET[side]}`;

/** A date-time input with the zone it is read in beside it: Vietnam or China time. */
export function ZonedTimeField(props: {
  readonly label: string;
  readonly value: string;
  readonly side: Side;
  readonly onChange: (value: string, side: Side) => void;
  readonly error?: unknown;
  readonly required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <Field label={props.label} error={props.error}>
        {(p) => (
          <input
            {...p}
            type="datetime-local"
            required={props.required}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value, props.side)}
          />
        )}
      </Field>
      <Field label={t('form.zone')}>
        {(p) => (
          <select {...p} value={props.side} onChange={(e) => props.onChange(props.value, e.target.value as Side)}>
            <option value="vn">{t('form.zoneVn')}</option>
            <option value="cn">{t('form.zoneCn')}</option>
          </select>
        )}
      </Field>
    </div>
  );
}
