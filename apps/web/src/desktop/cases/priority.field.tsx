import { useTranslation } from 'react-i18next';
import { Field, fieldError } from '../forms.component';

export const PRIORITIES = ['normal', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Urgent or normal (issue 11): an urgent request is due by its own, shorter reply limit. */
export function PriorityField({
  value,
  onChange,
  error,
}: {
  readonly value: Priority;
  readonly onChange: (value: Priority) => void;
  readonly error?: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t('priority.label')} error={fieldError(error, 'priority')}>
      {(p) => (
        <select {...p} value={value} onChange={(ev) => onChange(ev.target.value as Priority)}>
          {PRIORITIES.map((v) => (
            <option key={v} value={v}>
              {t(`priority.${v}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** "Khẩn" beside the status of an urgent record; nothing for a normal one. */
export function UrgentBadge({ priority }: { readonly priority: string | undefined }) {
  const { t } = useTranslation();
  return priority === 'urgent' ? <strong className="badge badge-urgent">{t('priority.urgentBadge')}</strong> : null;
}
