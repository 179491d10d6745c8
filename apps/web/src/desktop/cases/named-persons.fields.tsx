import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../desktop.views';
import { DisclosureFields, consentStanding, disclosureBody, type DisclosureValue } from './disclosure.fields';

export interface NamedPersonsValue {
  readonly personIds: readonly string[];
  readonly disclosure: DisclosureValue;
}

/** The body's `persons`: each chosen person with the one basis the officer stated. */
export const namedPersonsBody = (value: NamedPersonsValue) =>
  value.personIds.map((personId) => ({ personId, disclosure: disclosureBody(value.disclosure) }));

const weakest = (standings: readonly ReturnType<typeof consentStanding>[]) =>
  (['withdrawn', 'refused', 'none', 'given'] as const).find((s) => standings.includes(s)) ?? 'given';

/**
 * Which persons of the case an outgoing message names, and on what basis their data leaves. Each
 * person shows where their consent to share case information with this counterpart stands; the
 * basis fields speak for the weakest of the chosen.
 */
export function NamedPersonsFields({
  persons,
  counterpart,
  value,
  onChange,
  mayOverride,
  error,
}: {
  readonly persons: readonly PersonSummary[];
  readonly counterpart: string;
  readonly value: NamedPersonsValue;
  readonly onChange: (value: NamedPersonsValue) => void;
  readonly mayOverride: boolean;
  readonly error: unknown;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  const standingOf = (p: PersonSummary) => consentStanding(p.consents ?? [], 'information_exchange', counterpart);
  const toggle = (id: string, on: boolean) =>
    onChange({ ...value, personIds: on ? [...value.personIds, id] : value.personIds.filter((p) => p !== id) });
  const chosen = persons.filter((p) => value.personIds.includes(p.id));
  return (
    <fieldset>
      <legend>{t('disclosure.named')}</legend>
      {persons.map((p, i) => (
        <div className="check" key={p.id}>
          <input
            id={`${baseId}-${i}`}
            type="checkbox"
            checked={value.personIds.includes(p.id)}
            onChange={(ev) => toggle(p.id, ev.target.checked)}
          />
          <label htmlFor={`${baseId}-${i}`}>
            {p.fullName ?? t('person.masked')}
            <span className="small muted"> · {t(`disclosure.short.${standingOf(p)}`)}</span>
          </label>
        </div>
      ))}
      {chosen.length > 0 && (
        <DisclosureFields
          value={value.disclosure}
          onChange={(disclosure) => onChange({ ...value, disclosure })}
          standing={weakest(chosen.map(standingOf))}
          mayOverride={mayOverride}
          error={error}
          purpose="information_exchange"
        />
      )}
    </fieldset>
  );
}
