import { useTranslation } from 'react-i18next';
import { Field, fieldError } from '../forms.component';

export type ParticipantSide = 'vn' | 'cn';

export interface ParticipantRow {
  readonly side: ParticipantSide;
  readonly name: string;
  readonly role: string;
}

/** One empty row per side: a meeting needs at least one official of each. */
export const FIRST_PARTICIPANTS: readonly ParticipantRow[] = [
  { side: 'vn', name: '', role: '' },
  { side: 'cn', name: '', role: '' },
];

/**
 * Who sat at the table, one row per official (side, name, position), rows added and removed.
 * Names are officials acting in their public capacity (ADR 0015), typed as on the minutes.
 */
export function ParticipantsFields({
  rows,
  onChange,
  error,
}: {
  readonly rows: readonly ParticipantRow[];
  readonly onChange: (rows: ParticipantRow[]) => void;
  readonly error: unknown;
}) {
  const { t } = useTranslation();
  const change = (i: number, part: Partial<ParticipantRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...part } : r)));
  return (
    <fieldset>
      <legend>{t('meeting.participants')}</legend>
      {rows.map((row, i) => {
        const n = i + 1;
        const err = (part: keyof ParticipantRow) => fieldError(error, `participants.${i}.${part}`);
        return (
          <div className="row participant" key={i}>
            <Field label={t('meetingForm.participantSide', { n })} error={err('side')}>
              {(p) => (
                <select
                  {...p}
                  value={row.side}
                  onChange={(e) => change(i, { side: e.target.value as ParticipantSide })}
                >
                  <option value="vn">{t('meeting.sides.vn')}</option>
                  <option value="cn">{t('meeting.sides.cn')}</option>
                </select>
              )}
            </Field>
            <Field label={t('meetingForm.participantName', { n })} error={err('name')}>
              {(p) => <input {...p} required value={row.name} onChange={(e) => change(i, { name: e.target.value })} />}
            </Field>
            <Field label={t('meetingForm.participantRole', { n })} error={err('role')}>
              {(p) => <input {...p} required value={row.role} onChange={(e) => change(i, { role: e.target.value })} />}
            </Field>
            <button
              type="button"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              disabled={rows.length <= 1}
              aria-label={t('meetingForm.removeParticipant', { n })}
            >
              {t('meetingForm.remove')}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, { side: 'vn', name: '', role: '' }])}>
        {t('meetingForm.addParticipant')}
      </button>
    </fieldset>
  );
}
