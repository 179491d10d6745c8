import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { components } from '../../api/schema';
import { DuplicateCandidatesList } from './duplicate-candidates.component';

type PossibleDuplicates = components['schemas']['PossibleDuplicatesDto'];

/** What the panel needs of a message in the thread's answer (content masked). */
export interface NamingMessage {
  readonly messageId: string;
  readonly direction: string;
  readonly personsNamed?: number;
}

/**
 * For an incoming counterpart message that names persons as data (issue 12): the persons already
 * recorded in the thread's provinces that the officer may see whose names match. Asked only when
 * the officer chooses to, since the server opens the message's names to search and records that
 * read. Each candidate is a link to its case, with the evidence in the counterpart's own names.
 */
export function MessageDuplicatesPanel(props: {
  readonly exchangeId: string;
  readonly message: NamingMessage;
  readonly number: number;
}) {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  const { exchangeId, message } = props;
  const found = useQuery({
    queryKey: ['exchange', exchangeId, 'message', message.messageId, 'possible-duplicates'],
    enabled: asked,
    queryFn: () =>
      answer<PossibleDuplicates>(
        api.GET('/api/v1/exchanges/{id}/messages/{messageId}/possible-duplicates', {
          params: { path: { id: exchangeId, messageId: message.messageId } },
        }),
      ),
  });
  const headingId = `named-${message.messageId}`;
  return (
    <section aria-labelledby={headingId} className="notice">
      <h4 id={headingId}>{t('duplicates.inMessage', { number: props.number, count: message.personsNamed ?? 0 })}</h4>
      {!asked && (
        <button type="button" onClick={() => setAsked(true)}>
          {t('duplicates.lookUp')}
        </button>
      )}
      <div role="status" aria-live="polite" aria-atomic="true">
        {asked && (
          <DuplicateCandidatesList
            fetching={found.isFetching}
            error={found.error}
            answer={found.data}
            words={{
              checking: t('duplicates.checkingThread'),
              unavailable: t('duplicates.unavailableThread'),
              none: t('duplicates.noneInThread'),
              found: (count) => t('duplicates.foundInThread', { count }),
            }}
          />
        )}
      </div>
    </section>
  );
}

/** The incoming messages of a thread that name persons as data, in thread order with their number. */
export const namingMessages = (messages: readonly NamingMessage[] | undefined) =>
  (messages ?? [])
    .map((m, i) => ({ message: m, number: i + 1 }))
    .filter(({ message }) => message.direction === 'incoming' && (message.personsNamed ?? 0) > 0);
