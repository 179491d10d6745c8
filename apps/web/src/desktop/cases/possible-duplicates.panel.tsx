import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { components } from '../../api/schema';
import { DuplicateCandidatesList } from './duplicate-candidates.component';

type PossibleDuplicates = components['schemas']['PossibleDuplicatesDto'];

/** Wait this long after the last keystroke before asking: one request per pause, not per letter. */
const DEBOUNCE_MS = 400;
/** The api takes at most this many names, each at most 200 characters. */
const MAX_NAMES = 21;
const MAX_NAME = 200;

function useSettled<T>(value: T, key: string): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // The key stands for the value: an array rebuilt on each render must not restart the wait.
  }, [key]);
  return settled;
}

/**
 * While the officer types a name, the persons already in other cases of this case's province
 * whose names match (issue 12): each with a link to its case and why it matched, in the officer's
 * own names only — the candidate's name is seen only by opening the person, which is audited.
 * A live region, so a screen reader hears the result without leaving the field.
 */
export function PossibleDuplicatesPanel(props: { readonly caseId: string; readonly names: readonly string[] }) {
  const { t } = useTranslation();
  const typed = [...new Set(props.names.map((n) => n.trim()).filter((n) => n !== '' && n.length <= MAX_NAME))].slice(
    0,
    MAX_NAMES,
  );
  const names = useSettled(typed, typed.join('\u0000'));
  const found = useQuery({
    queryKey: ['case', props.caseId, 'possible-duplicates', names],
    enabled: names.length > 0,
    queryFn: () =>
      answer<PossibleDuplicates>(
        api.GET('/api/v1/cases/{id}/possible-duplicates', {
          params: { path: { id: props.caseId }, query: { name: [...names] } },
        }),
      ),
  });
  return (
    // The live region is there from the start: a region added together with its news is not announced.
    <div role="status" aria-live="polite" aria-atomic="true" className={names.length > 0 ? 'notice' : undefined}>
      {names.length > 0 && <h4>{t('duplicates.heading')}</h4>}
      {names.length > 0 && (
        <DuplicateCandidatesList
          fetching={found.isFetching}
          error={found.error}
          answer={found.data}
          words={{
            checking: t('duplicates.checking'),
            unavailable: t('duplicates.unavailable'),
            none: t('duplicates.none'),
            found: (count) => t('duplicates.found', { count }),
          }}
        />
      )}
    </div>
  );
}
