import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import type { CaseView, WriteAnswer } from '../desktop.views';
import { AcknowledgeForm } from './acknowledgement.form';
import { MessageForm } from './exchange.forms';
import { ReleasePanel, heldMessages, pendingDrafts, type HeldDraft, type HeldItem } from './release.panel';
import { HandoverActForm, type HandoverAct } from './handover.forms';
import { VerificationActForm, type VerificationAct } from './verification.form';
import { codeText } from '../forms.component';
import { UrgentBadge } from './priority.field';
import { PriorityForm } from './priority.form';
import { Link } from '../../shell/router';
import { MessageDuplicatesPanel, namingMessages, type NamingMessage } from './message-duplicates.panel';

type Kind = 'exchange' | 'verification' | 'handover';

function useStatus(kind: Kind, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [kind, id],
    enabled,
    queryFn: () => {
      const params = { params: { path: { id } } };
      const call =
        kind === 'exchange'
          ? // Only the status: opening every thread's messages would record a read of personal data each time.
            api.GET('/api/v1/exchanges/{id}', { params: { path: { id }, query: { content: 'none' } } })
          : kind === 'verification'
            ? api.GET('/api/v1/verification-requests/{id}', params)
            : api.GET('/api/v1/handovers/{id}', params);
      // An exchange's answer also lists its messages (content masked): drafts held for release show below.
      // A verification request held for release says so in `release`.
      return answer<{
        status?: string;
        revision?: string;
        messages?: readonly HeldDraft[];
        requestedAt?: { at: string };
        release?: HeldItem['release'] | null;
        priority?: string;
      }>(call);
    },
  });
}

const HANDOVER_ACTS: readonly HandoverAct[] = ['schedule', 'postpone', 'cancel'];
const EXCHANGE_ACTS = ['message', 'acknowledge'] as const;
type ExchangeAct = (typeof EXCHANGE_ACTS)[number];
const VERIFICATION_ACTS: readonly VerificationAct[] = ['extend', 'answer', 'withdraw'];
type Act = HandoverAct | ExchangeAct | VerificationAct | 'priority';
type ActLabel =
  `exchange.${ExchangeAct}` | `verification.${VerificationAct}` | `handover.${HandoverAct}` | 'priority.change';

/** Each kind's acts with the key of their button's words. */
const ACTS: Record<Kind, readonly (readonly [Act, ActLabel])[]> = {
  exchange: [...EXCHANGE_ACTS.map((a) => [a, `exchange.${a}`] as const), ['priority', 'priority.change']],
  verification: [...VERIFICATION_ACTS.map((a) => [a, `verification.${a}`] as const), ['priority', 'priority.change']],
  handover: HANDOVER_ACTS.map((a) => [a, `handover.${a}`] as const),
};

/** A verification request still a draft was not sent: it can only be withdrawn, not extended or answered. */
const actsFor = (kind: Kind, status: string | undefined) =>
  kind === 'verification' && status === 'draft'
    ? ACTS.verification.filter(([a]) => a === 'withdraw' || a === 'priority')
    : ACTS[kind];

function LinkedRow({
  kind,
  id,
  enabled,
  acts,
  me,
  onWritten,
}: {
  readonly kind: Kind;
  readonly id: string;
  readonly enabled: boolean;
  readonly acts: boolean;
  readonly me: MeView;
  readonly onWritten: (written: WriteAnswer) => void;
}) {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const [act, setAct] = useState<Act | null>(null);
  const status = useStatus(kind, id, enabled);
  const held = heldOf(kind, id, status.data);
  // Incoming messages that name persons as data: candidates for those who may read names anyway.
  const naming =
    kind === 'exchange' && me.may.includes('person.duplicates') && me.may.includes('person.read_personal')
      ? namingMessages(status.data?.messages as readonly NamingMessage[] | undefined)
      : [];
  const group = kind === 'handover' ? 'handoverStatus' : kind === 'exchange' ? 'exchangeStatus' : 'verificationStatus';
  const done = (written: WriteAnswer) => {
    setAct(null);
    void queries.invalidateQueries({ queryKey: [kind, id] });
    onWritten(written);
  };
  const reload = () => {
    setAct(null);
    void queries.invalidateQueries({ queryKey: [kind, id] });
  };
  return (
    <>
      <tr>
        <td>{t(`linked.${kind}`)}</td>
        <td>
          <code>{id}</code>
        </td>
        <td>
          {status.data?.status
            ? codeText(t, i18n, group, status.data.status)
            : status.error
              ? t('linked.unknown')
              : enabled
                ? '…'
                : '—'}
          <UrgentBadge priority={status.data?.priority} />
        </td>
        <td>
          {kind === 'handover' && enabled && (
            <p>
              <Link to={`/handovers/${id}/minutes`}>{t('minutes.open')}</Link>
            </p>
          )}
          {acts && (
            <div className="row-actions">
              {actsFor(kind, status.data?.status).map(([a, label]) => (
                <button key={a} type="button" aria-expanded={act === a} onClick={() => setAct(act === a ? null : a)}>
                  {t(label)}
                </button>
              ))}
            </div>
          )}
        </td>
      </tr>
      {acts && held.length > 0 && (
        <tr>
          <td colSpan={4}>
            <ReleasePanel items={held} me={me} onDone={done} />
          </td>
        </tr>
      )}
      {naming.map(({ message, number }) => (
        <tr key={message.messageId}>
          <td colSpan={4}>
            <MessageDuplicatesPanel exchangeId={id} message={message} number={number} />
          </td>
        </tr>
      ))}
      {act && (
        <tr>
          <td colSpan={4}>
            {act === 'message' && <MessageForm exchangeId={id} onDone={done} onCancel={() => setAct(null)} />}
            {act === 'acknowledge' && <AcknowledgeForm exchangeId={id} onDone={done} onCancel={() => setAct(null)} />}
            {act === 'priority' && (kind === 'exchange' || kind === 'verification') && (
              <PriorityForm
                kind={kind}
                id={id}
                current={status.data?.priority === 'urgent' ? 'urgent' : 'normal'}
                onDone={done}
                onCancel={() => setAct(null)}
              />
            )}
            {(act === 'extend' || act === 'answer' || act === 'withdraw') && (
              <VerificationActForm
                key={act}
                act={act}
                id={id}
                revision={status.data?.revision}
                onDone={done}
                onReload={reload}
                onCancel={() => setAct(null)}
              />
            )}
            {(act === 'schedule' || act === 'postpone' || act === 'cancel') && (
              <HandoverActForm
                key={act}
                act={act}
                id={id}
                revision={status.data?.revision}
                onDone={done}
                onReload={reload}
                onCancel={() => setAct(null)}
              />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

/** What of a linked record waits for a second officer's release: a thread's drafts, or the request itself. */
function heldOf(
  kind: Kind,
  id: string,
  data:
    { messages?: readonly HeldDraft[]; requestedAt?: { at: string }; release?: HeldItem['release'] | null } | undefined,
): HeldItem[] {
  if (kind === 'exchange') return heldMessages(id, pendingDrafts(data?.messages));
  const release = kind === 'verification' ? data?.release : null;
  if (!release || release.state === 'released' || !data?.requestedAt) return [];
  return [{ target: { kind: 'verification', verificationId: id }, writtenAt: data.requestedAt.at, release }];
}

/** The exchanges, verification requests and handovers linked to the case, each with its status. */
export function LinkedRecords({
  view,
  me,
  onWritten,
}: {
  readonly view: CaseView;
  readonly me: MeView;
  readonly onWritten: (written: WriteAnswer) => void;
}) {
  const writes = me.province !== '*';
  const handoverActs = writes && (me.may.includes('handover.schedule') || me.may.includes('handover.cancel'));
  const exchangeActs = writes && me.may.includes('exchange.write');
  const verificationActs = writes && me.may.includes('verification.write');
  const { t } = useTranslation();
  const rows: [Kind, string, boolean][] = [
    ...view.exchangeIds.map((id): [Kind, string, boolean] => ['exchange', id, me.may.includes('exchange.read')]),
    ...view.verificationIds.map((id): [Kind, string, boolean] => [
      'verification',
      id,
      me.may.includes('verification.read'),
    ]),
    ...view.handoverIds.map((id): [Kind, string, boolean] => ['handover', id, me.may.includes('handover.read')]),
  ];
  return (
    <section aria-labelledby="linked-heading" className="section">
      <h2 id="linked-heading">{t('linked.heading')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('linked.none')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('linked.kind')}</th>
              <th scope="col">{t('linked.id')}</th>
              <th scope="col">{t('cases.status')}</th>
              <th scope="col">{t('case.acts')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([kind, id, enabled]) => (
              <LinkedRow
                key={id}
                kind={kind}
                id={id}
                enabled={enabled}
                acts={kind === 'exchange' ? exchangeActs : kind === 'handover' ? handoverActs : verificationActs}
                me={me}
                onWritten={onWritten}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
