import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeView } from '../../api/api.views';
import { unitName } from '../../shell/labels.format';
import { DualTimeText } from '../dual-time.component';
import { codeText } from '../forms.component';
import { ActionStepForm, type ActionStep } from './action-step.forms';
import { AgreeActionForm } from './action.forms';
import type { MeetingAction, MeetingDetail } from './meeting.views';
import { useCounterpartName } from '../reference.queries';

type Open = { readonly form: 'agree' } | { readonly form: ActionStep; readonly actionId: string } | null;
const STEPS: readonly ActionStep[] = ['done', 'drop', 'due'];

/**
 * The actions agreed at a meeting and how far each has gone; for an officer of the meeting's
 * province, the forms that record a new one and move an open one on (one form open at a time).
 */
export function MeetingActionsSection({ meeting: m, me }: { readonly meeting: MeetingDetail; readonly me: MeView }) {
  const { t } = useTranslation();
  const counterpartName = useCounterpartName();
  // An officer stays as their user name; a unit of ours is named, like the counterpart beside it.
  const ownerText = (owner: MeetingAction['owner']) => (owner.kind === 'unit' ? unitName(t, owner.id) : owner.id);
  const [open, setOpen] = useState<Open>(null);
  // National readers only read; an officer writes for their own province only (the api says the same).
  const writes = me.may.includes('meeting.write') && me.province === m.province;
  const close = () => setOpen(null);
  const acting = open && open.form !== 'agree' ? m.actions.find((a) => a.id === open.actionId) : undefined;
  return (
    <section aria-labelledby="actions" className="section">
      <div className="page-head">
        <h2 id="actions">{t('meeting.actions')}</h2>
        {writes && (
          <button
            type="button"
            className="primary"
            aria-expanded={open?.form === 'agree'}
            onClick={() => setOpen(open?.form === 'agree' ? null : { form: 'agree' })}
          >
            {t('actionForm.agree')}
          </button>
        )}
      </div>
      {open?.form === 'agree' && <AgreeActionForm meeting={m} me={me} onClose={close} />}
      <p className="meeting-progress">
        {t('meeting.progressLine', {
          agreed: m.progress.agreed,
          onTime: m.progress.doneOnTime,
          late: m.progress.doneLate,
          open: m.progress.open,
          overdue: m.progress.overdue,
          dropped: m.progress.dropped,
        })}
      </p>
      {m.actions.length === 0 ? (
        <p className="muted">{t('meeting.noActions')}</p>
      ) : (
        <table className="data meeting-actions">
          <thead>
            <tr>
              <th scope="col">{t('meeting.what')}</th>
              <th scope="col">{t('meeting.owner')}</th>
              <th scope="col">{t('meeting.counterpart')}</th>
              <th scope="col">{t('meeting.dueAt')}</th>
              <th scope="col">{t('meeting.state')}</th>
              {writes && <th scope="col">{t('actionForm.acts')}</th>}
            </tr>
          </thead>
          <tbody>
            {m.actions.map((a) => (
              <tr key={a.id}>
                <td>{a.what}</td>
                <td>{ownerText(a.owner)}</td>
                <td>{counterpartName(a.counterpart.code)}</td>
                <td>
                  <DualTimeText at={a.dueAt.at} />
                </td>
                <td>
                  <ActionState action={a} />
                </td>
                {writes && (
                  <td>
                    {a.status === 'open' && (
                      <div className="row-actions">
                        {STEPS.map((step) => (
                          <button
                            key={step}
                            type="button"
                            aria-expanded={open?.form === step && acting?.id === a.id}
                            // The visible word is short; the name says which action it acts on.
                            aria-label={`${t(`actionForm.steps.${step}`)}: ${a.what}`}
                            onClick={() => setOpen({ form: step, actionId: a.id })}
                          >
                            {t(`actionForm.steps.${step}`)}
                          </button>
                        ))}
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && open.form !== 'agree' && acting && (
        <ActionStepForm
          key={`${open.form}-${acting.id}`}
          step={open.form}
          me={me}
          meeting={m}
          action={acting}
          onClose={close}
        />
      )}
    </section>
  );
}

function ActionState({ action }: { readonly action: MeetingAction }) {
  const { t, i18n } = useTranslation();
  if (action.done) {
    const kind = codeText(t, i18n, 'meetingRecord', action.done.fulfilledBy.kind);
    return <>{t(action.done.late ? 'meeting.doneLate' : 'meeting.doneOnTime', { kind })}</>;
  }
  if (action.dropped) return <>{t('meeting.droppedBecause', { reason: action.dropped.reason })}</>;
  return <strong>{t(action.overdue ? 'meeting.overdue' : 'meeting.open')}</strong>;
}
