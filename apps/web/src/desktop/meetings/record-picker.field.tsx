import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { nameIn } from '../../shell/labels.format';
import { vietnamDay } from '../../time/dual-time.format';
import { Field, fieldError } from '../forms.component';
import { afterLastWrite } from '../read-your-writes';
import { useCounterpartName, useGates } from '../reference.queries';
import {
  RECORD_KINDS,
  recordChoices,
  type ActionLinks,
  type ChoiceGroup,
  type RecentCase,
  type RecentHandover,
  type RecordKind,
} from './record-choices';

/** The option that opens the typed-id fallback: a record older than the lists, or a person or exchange. */
export const TYPED = 'typed';
const GROUPS: readonly ChoiceGroup[] = ['linked', 'cases', 'handovers'];
const DAY = 86_400_000;
/** How far back the handover list is read: a quarter, the span a meeting's follow-up usually takes. */
const HANDOVER_DAYS_BACK = 90;

/**
 * The province's recent cases and handovers, from the lists the person may already read (the
 * api scopes both to the province; a list the role may not read is simply not asked for).
 */
function useRecentRecords(me: MeView) {
  const cases = useQuery({
    queryKey: ['record-picker', 'cases'],
    enabled: me.may.includes('case.list'),
    queryFn: () =>
      answer<{ items: RecentCase[] }>(
        api.GET('/api/v1/cases', { params: { query: { limit: 25 } }, headers: afterLastWrite() }),
      ),
  });
  const handovers = useQuery({
    queryKey: ['record-picker', 'handovers'],
    enabled: me.may.includes('handover.list'),
    queryFn: () => {
      const now = Date.now();
      const from = vietnamDay(new Date(now - HANDOVER_DAYS_BACK * DAY));
      const to = vietnamDay(new Date(now + 30 * DAY));
      return answer<{ items: RecentHandover[] }>(
        api.GET('/api/v1/handovers', { params: { query: { from, to, limit: 50 } }, headers: afterLastWrite() }),
      );
    },
  });
  return { cases: cases.data?.items ?? [], handovers: handovers.data?.items ?? [] };
}

interface Props {
  readonly me: MeView;
  readonly links: ActionLinks;
  /** `kind:id` of a listed record, or TYPED. */
  readonly choice: string;
  readonly onChoice: (value: string) => void;
  readonly typedKind: RecordKind;
  readonly onTypedKind: (kind: RecordKind) => void;
  readonly typedId: string;
  readonly onTypedId: (id: string) => void;
  readonly error: unknown;
}

/** Picks the record that shows an action done; typing its id stays possible for what no list shows. */
export function RecordPickerField(props: Props) {
  const { t, i18n } = useTranslation();
  const recent = useRecentRecords(props.me);
  const gates = useGates();
  const counterpartName = useCounterpartName();
  const choices = recordChoices(props.links, recent.cases, recent.handovers, {
    kind: (k) => t(`meetingRecord.${k}`),
    day: (at) =>
      new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${vietnamDay(at)}T00:00:00Z`),
      ),
    // A boundary marker, or a gate while the register loads, is shown by its code.
    gate: (code) => {
      const gate = gates.data?.find((g) => g.code === code);
      return gate ? nameIn(i18n.language, gate.name) : code;
    },
    counterpart: counterpartName,
  });
  const e = props.error;
  return (
    <>
      <Field label={t('actionForm.recordKind')} hint={t('recordPicker.hint')} error={fieldError(e, 'fulfilledBy')}>
        {(p) => (
          <select {...p} required value={props.choice} onChange={(ev) => props.onChoice(ev.target.value)}>
            <option value="">{t('form.choose')}</option>
            {GROUPS.map((group) => {
              const inGroup = choices.filter((c) => c.group === group);
              return inGroup.length === 0 ? null : (
                <optgroup key={group} label={t(`recordPicker.groups.${group}`)}>
                  {inGroup.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.text}
                    </option>
                  ))}
                </optgroup>
              );
            })}
            <option value={TYPED}>{t('recordPicker.typed')}</option>
          </select>
        )}
      </Field>
      {props.choice === TYPED && (
        <div className="row">
          <Field label={t('recordPicker.typedKind')} error={fieldError(e, 'fulfilledBy.kind')}>
            {(p) => (
              <select
                {...p}
                value={props.typedKind}
                onChange={(ev) => props.onTypedKind(ev.target.value as RecordKind)}
              >
                {RECORD_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`meetingRecord.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('actionForm.recordId')}
            hint={t('actionForm.recordIdHint')}
            error={fieldError(e, 'fulfilledBy.id')}
          >
            {(p) => <input {...p} required value={props.typedId} onChange={(ev) => props.onTypedId(ev.target.value)} />}
          </Field>
        </div>
      )}
    </>
  );
}
