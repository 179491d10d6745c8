import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** An input with its label, the zone when it is a time, and the api's refusal of it next to it. */
export function Field({
  label,
  name,
  errors,
  children,
}: {
  readonly label: string;
  readonly name: string;
  readonly errors: Map<string, true>;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{label}</span>
      {children}
      {errors.has(name) && (
        <span role="alert" className="refusal">
          {t('gate.form.invalid')}
        </span>
      )}
    </label>
  );
}
