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

type Act = 'release' | 'withdraw' | 'resubmit';

/**
 * Second-officer release of one thread's drafts (issue 10). Another officer of the unit releases
 * (which sends the message now) or returns it with a comment; its author is told, in words, that
 * they cannot release it, and may withdraw the request or ask again after a return.
 */
export function ReleasePanel({
  exchangeId,
  drafts,
  me,
  onDone,
}: {
  readonly exchangeId: string;
  readonly drafts: readonly HeldDraft[];
  readonly me: MeView;
  readonly onDone: (written: WriteAnswer) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-label={t('exchange.release.heading')}>
      <h3>{t('exchange.release.heading')}</h3>
      <ul className="plain">
        {drafts.map((d) => (
          <DraftItem key={d.messageId} exchangeId={exchangeId} draft={d} me={me} onDone={onDone} />
        ))}
      </ul>
    </section>
  );
}

function DraftItem({
  exchangeId,
  draft,
  me,
  onDone,
}: {
  readonly exchangeId: string;
  readonly draft: HeldDraft;
  readonly me: MeView;
  readonly onDone: (written: WriteAnswer) => void;
}) {
  const { t, i18n } = useTranslation();
  const [returning, setReturning] = useState(false);
  const path = { params: { path: { id: exchangeId, messageId: draft.messageId } } };
  const act = useMutation({
    mutationFn: (which: Act) =>
      answer<WriteAnswer>(
        which === 'release'
          ? api.POST('/api/v1/exchanges/{id}/messages/{messageId}/release', path)
          : which === 'withdraw'
            ? api.POST('/api/v1/exchanges/{id}/messages/{messageId}/withdraw', path)
            : api.POST('/api/v1/exchanges/{id}/messages/{messageId}/resubmit', path),
      ),
    onSuccess: onDone,
  });
  const release = draft.release;
  if (!release) return null;
  const mine = release.author === me.userId;
  const awaiting = release.state === 'awaiting_release';
  const colleague = !mine && awaiting && me.may.includes('exchange.release');
  return (
    <li className="release-draft">
      <p>
        <strong>{codeText(t, i18n, 'exchange.release', release.state)}</strong> —{' '}
        {t('exchange.release.writtenBy', { author: release.author })} · <DualTimeText at={draft.loggedAt.at} />
      </p>
      {release.returned && release.state === 'returned' && (
        <p>{t('exchange.release.returnedBy', { by: release.returned.by })}</p>
      )}
      {mine && awaiting && <p className="field-hint">{t('exchange.release.notYours')}</p>}
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
          exchangeId={exchangeId}
          messageId={draft.messageId}
          onDone={(w) => {
            setReturning(false);
            onDone(w);
          }}
        />
      )}
    </li>
  );
}

/** The comment says what to change; it may name a person, so the service seals it like the message. */
function ReturnForm({
  exchangeId,
  messageId,
  onDone,
}: {
  readonly exchangeId: string;
  readonly messageId: string;
  readonly onDone: (written: WriteAnswer) => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const send = useMutation({
    mutationFn: () =>
      answer<WriteAnswer>(
        api.POST('/api/v1/exchanges/{id}/messages/{messageId}/return', {
          params: { path: { id: exchangeId, messageId } },
          body: { comment },
        }),
      ),
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
