import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { Link } from '../../shell/router';

type PossibleDuplicates = components['schemas']['PossibleDuplicatesDto'];
type MatchedName = components['schemas']['MatchedNameDto'];

/** The sentences that differ between where the search runs (this province, or the thread's provinces). */
export interface CandidateWords {
  readonly checking: string;
  readonly unavailable: string;
  readonly none: string;
  readonly found: (count: number) => string;
}

/**
 * Where a search for possible duplicates stands, then its candidates: each a link to its case and
 * the evidence in the searcher's own names (the typed name, or the counterpart's), never the
 * candidate's name, which is seen only by opening the person (an audited read). Drawn inside the
 * caller's live region, so both panels are heard the same way.
 */
export function DuplicateCandidatesList(props: {
  readonly fetching: boolean;
  readonly error: unknown;
  readonly answer: PossibleDuplicates | undefined;
  readonly words: CandidateWords;
}) {
  const { t } = useTranslation();
  const evidence = (m: MatchedName): string =>
    m.reads
      ? t('duplicates.reads', { name: m.name, vietnamese: m.reads.vietnamese, pinyin: m.reads.pinyin })
      : t('duplicates.matches', { name: m.name });
  const items = props.answer?.items ?? [];
  if (props.fetching) return <p className="muted">{props.words.checking}</p>;
  if (props.error) return <p className="muted">{props.words.unavailable}</p>;
  if (items.length === 0) return <p className="muted">{props.words.none}</p>;
  return (
    <>
      <p>{props.words.found(items.length)}</p>
      <ul>
        {items.map((d, i) => (
          <li key={d.personId}>
            <Link to={`/cases/${d.caseId}`}>{t('duplicates.openCase', { number: i + 1 })}</Link>
            <ul className="small">
              {d.matched.map((m) => (
                <li key={m.name}>{evidence(m)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
