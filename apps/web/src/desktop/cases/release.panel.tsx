import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import type { WriteAnswer } from '../desktop.views';
import { DualTimeText } from '../dual-time.component';
import { Field, FormRefusal, codeText, fieldError } from '../forms.component';

/** What the thread's status read (content not opened) says of a draft held for release. */
export interface HeldDraft {
  readonly messageId: string;
  readonly loggedAt: { readonly at: string };
  readonly release: {
    readonly state: 'awaiting_release' | 'returned' | 'withdrawn' | 'released';
    readonly author: string;
    readonly returned: { readonly by: string; readonly at: { readonly at: string } } | null;
  } | null;
}

/** The drafts of a thread still waiting on someone: the colleague who releases, or the author. */
export const pendingDrafts = (messages: readonly HeldDraft[] | undefined): HeldDraft[] =>
  (messages ?? []).filter((m) => m.release !== null && m.release.state !== 'released');

/** What is held: a message of a thread, or a verification request (the same rule, other routes). */
export type ReleaseTarget =
  | { readonly kind: 'message'; readonly exchangeId: string; readonly messageId: string }
  | { readonly kind: 'verification'; readonly verificationId: string };

/** One held item as the panel shows it. */
export interface HeldItem {
  readonly target: ReleaseTarget;
  readonly writtenAt: string;
  readonly release: NonNullable<HeldDraft['release']>;
}

/** A thread's pending drafts as held items. */
export const heldMessages = (exchangeId: string, drafts: readonly HeldDraft[]): HeldItem[] =>
  drafts.flatMap((d) =>
    d.release
      ? [
          {
            target: { kind: 'message', exchangeId, messageId: d.messageId },
            writtenAt: d.loggedAt.at,
            release: d.release,
          },
        ]
      : [],
  );

type Act = 'release' | 'withdraw' | 'resubmit';

/** The route of each act for each kind of held item. */
function post(target: ReleaseTarget, which: Act | 'return', comment = '') {
  if (target.kind === 'verification') {
    const path = { params: { path: { id: target.verificationId } } };
    if (which === 'return')
      return api.POST('/api/v1/verification-requests/{id}/return', { ...path, body: { comment } });
    if (which === 'release') return api.POST('/api/v1/verification-requests/{id}/release', path);
    if (which === 'withdraw') return api.POST('/api/v1/verification-requests/{id}/recall', path);
    return api.POST('/api/v1/verification-requests/{id}/resubmit', path);
  }
  const path = { params: { path: { id: target.exchangeId, messageId: target.messageId } } };
  if (which === 'return')
    return api.POST('/api/v1/exchanges/{id}/messages/{messageId}/return', { ...path, body: { comment } });
  if (which === 'release') return api.POST('/api/v1/exchanges/{id}/messages/{messageId}/release', path);
  if (which === 'withdraw') return api.POST('/api/v1/exchanges/{id}/messages/{messageId}/withdraw', path);
  return api.POST('/api/v1/exchanges/{id}/messages/{messageId}/resubmit', path);
}

const keyOf = (target: ReleaseTarget): string => (target.kind === 'message' ? target.messageId : target.verificationId);

/**
 * Second-officer release of held drafts (issue 10): a thread's messages or a verification request.
 * Another officer of the unit releases (which sends it now) or returns it with a comment; its
 * author is told, in words, that they cannot release it, and may withdraw the request or ask again
 * after a return.
 */
export function ReleasePanel({
  items,
  me,
  onDone,
}: {
  readonly items: readonly HeldItem[];
  readonly me: MeView;
  readonly onDone: (written: WriteAnswer) => void;
}) {
  const { t } = useTranslation();
  const heading =
    items[0]?.target.kind === 'verification' ? t('verificationRelease.heading') : t('exchange.release.heading');
  return (
    <section className="panel" aria-label={heading}>
      <h3>{heading}</h3>
      <ul className="plain">
        {items.map((item) => (
          <DraftItem key={keyOf(item.target)} item={item} me={me} onDone={onDone} />
        ))}
      </ul>
    </section>
  );
}

function DraftItem({
  item,
  me,
  onDone,
}: {
  readonly item: HeldItem;
  readonly me: MeView;
  readonly onDone: (written: WriteAnswer) => void;
}) {
  const { t, i18n } = useTranslation();
  const [returning, setReturning] = useState(false);
  const { target, release } = item;
  const act = useMutation({
    mutationFn: (which: Act) => answer<WriteAnswer>(post(target, which)),
    onSuccess: onDone,
  });
  const verification = target.kind === 'verification';
  const mine = release.author === me.userId;
  const awaiting = release.state === 'awaiting_release';
  const colleague = !mine && awaiting && me.may.includes(verification ? 'verification.release' : 'exchange.release');
  return (
    <li className="release-draft">
      <p>
        <strong>{codeText(t, i18n, 'exchange.release', release.state)}</strong> —{' '}
        {t('exchange.release.writtenBy', { author: release.author })} · <DualTimeText at={item.writtenAt} />
      </p>
      {release.returned && release.state === 'returned' && (
        <p>{t('exchange.release.returnedBy', { by: release.returned.by })}</p>
      )}
      {mine && awaiting && (
        <p className="field-hint">
          {verification ? t('verificationRelease.notYours') : t('exchange.release.notYours')}
        </p>
      )}
      <div className="row-actions">
        {colleague && (
          <>
            <button type="button" className="primary" disabled={act.isPending} onClick={() => act.mutate('release')}>
              {t('exchange.release.release')}
            </button>
            <button type="button" aria-expanded={returning} onClick={() => setReturning(!returning)}>
              {t('exchange.release.return')}
            </button>
          </>
        )}
        {mine && awaiting && (
          <button type="button" disabled={act.isPending} onClick={() => act.mutate('withdraw')}>
            {t('exchange.release.withdraw')}
          </button>
        )}
        {mine && !awaiting && (
          <button type="button" disabled={act.isPending} onClick={() => act.mutate('resubmit')}>
            {t('exchange.release.resubmit')}
          </button>
        )}
      </div>
      <FormRefusal error={act.error} />
      {returning && (
        <ReturnForm
          target={target}
          onDone={(w) => {
            setReturning(false);
            onDone(w);
          }}
        />
      )}
    </li>
  );
}

/** The comment says what to change; it may name a person, so the service seals it. */
function ReturnForm({
  target,
  onDone,
}: {
  readonly target: ReleaseTarget;
  readonly onDone: (written: WriteAnswer) => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const send = useMutation({
    mutationFn: () => answer<WriteAnswer>(post(target, 'return', comment)),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t('exchange.release.return')}>
      <Field label={t('exchange.release.comment')} error={fieldError(send.error, 'comment')}>
        {(p) => <textarea {...p} required rows={3} value={comment} onChange={(ev) => setComment(ev.target.value)} />}
      </Field>
      <FormRefusal error={send.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={send.isPending}>
          {t('exchange.release.confirmReturn')}
        </button>
      </div>
    </form>
  );
}
