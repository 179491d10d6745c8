import { useTranslation } from 'react-i18next';
import { DualTimeText } from '../dual-time.component';
import { fieldError } from '../forms.component';
import { ZonedTimeField, zonedInstant, type Side } from '../zoned-time.field';

export interface BorderTime {
  readonly local: string;
  readonly side: Side;
}

/** The ISO-8601 instant of a clock reading, or null while the field is incomplete. */
export function borderInstant(value: BorderTime): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value.local)) return null;
  const instant = zonedInstant(value.local, value.side);
  return Number.isNaN(new Date(instant).getTime()) ? null : instant;
}

/**
 * A meeting's times are agreed across the border: typed on either side's clock, and read back on
 * both as soon as they are complete, so nobody has to do the one-hour sum before saving.
 */
export function BorderTimeField({
  label,
  value,
  onChange,
  error,
  field,
}: {
  readonly label: string;
  readonly value: BorderTime;
  readonly onChange: (value: BorderTime) => void;
  readonly error: unknown;
  /** The body field whose refusal shows here. */
  readonly field: string;
}) {
  const { t } = useTranslation();
  const instant = borderInstant(value);
  return (
    <div className="border-time">
      <ZonedTimeField
        label={label}
        value={value.local}
        side={value.side}
        required
        error={fieldError(error, field)}
        onChange={(local, side) => onChange({ local, side })}
      />
      <p className="muted" aria-live="polite">
        {instant ? (
          <>
            {t('meetingForm.bothClocks')} <DualTimeText at={instant} />
          </>
        ) : null}
      </p>
    </div>
  );
}
