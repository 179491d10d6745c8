import type { UseQueryResult } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Bi, Blank } from './minutes-paper.component';
import { DOCUMENT_LABELS, MINUTES_LABELS as L, SEX_LABELS } from './minutes.labels';
import type { MinutesHandover, MinutesPerson } from './minutes.views';

function PersonName({ person, shown }: { readonly person: MinutesPerson | undefined; readonly shown: boolean }) {
  if (!shown || !person) return <Bi label={L.masked} />;
  if (person.erased || !person.personal) return <Bi label={L.erased} />;
  const chinese = person.personal.nameVariants.find((v) => v.script === 'zh-Hans' || v.script === 'zh-Hant');
  return (
    <>
      <span lang="vi" className="person-name">
        {person.personal.fullName}
      </span>
      {chinese && (
        <span lang="zh-Hans" className="bi-zh person-name">
          {' '}
          {chinese.value}
        </span>
      )}
    </>
  );
}

/** A document kind the form knows in both languages; any other as the register wrote it. */
function DocumentKind({ kind }: { readonly kind: string }) {
  const label = DOCUMENT_LABELS[kind];
  return label ? <Bi label={label} /> : <>{kind}</>;
}

/**
 * The persons of the handover, one row each: who they are as far as this reader may see, and what
 * the gate recorded (received with the health check, or not received with the reason), or boxes to
 * tick by hand before the confirmation. `persons` holds the reads of `h.personIds`, in that order.
 */
export function MinutesPersons({
  h,
  persons,
  mayReadPersons,
}: {
  readonly h: MinutesHandover;
  readonly persons: readonly UseQueryResult<MinutesPerson>[];
  readonly mayReadPersons: boolean;
}) {
  const outcomeOf = (personId: string) => {
    const received = h.received.find((p) => p.personId === personId);
    if (received) return { received: true as const, ...received };
    const not = h.notReceived.find((p) => p.personId === personId);
    return not ? { received: false as const, ...not } : null;
  };
  return (
    <>
      <h2 className="minutes-section">
        <Bi label={L.persons} />
      </h2>
      <table className="minutes-persons">
        <thead>
          <tr>
            {[L.no, L.name, L.sex, L.born, L.documents, L.outcome, L.health].map((label) => (
              <th scope="col" key={label.vi}>
                <Bi label={label} stacked />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {h.personIds.map((personId, i) => {
            const person = persons[i]?.data;
            const shown = mayReadPersons && !!person?.personal;
            const outcome = outcomeOf(personId);
            const sex = shown && person?.personal?.sex ? SEX_LABELS[person.personal.sex] : undefined;
            return (
              <tr key={personId}>
                <td>{i + 1}</td>
                <td>
                  <PersonName person={person} shown={mayReadPersons && !persons[i]?.error} />
                </td>
                <td>{sex ? <Bi label={sex} /> : shown ? '—' : <Blank />}</td>
                <td>{shown ? (person?.personal?.dateOfBirth ?? '—') : <Blank />}</td>
                <td>
                  {shown
                    ? (person?.personal?.documents ?? []).map((d) => (
                        <Fragment key={`${d.kind}${d.number}`}>
                          <DocumentKind kind={d.kind} /> {d.number}
                          <br />
                        </Fragment>
                      ))
                    : null}
                </td>
                <td>
                  {outcome === null ? (
                    <span className="paper-times">
                      <span>☐ {<Bi label={L.received} />}</span>
                      <span>☐ {<Bi label={L.notReceived} />}</span>
                    </span>
                  ) : outcome.received ? (
                    <Bi label={L.received} />
                  ) : (
                    <span className="paper-times">
                      <Bi label={L.notReceived} />
                      <span>
                        <Bi label={L.reason} />:{' '}
                        {outcome.masked ? (
                          <Bi label={L.masked} />
                        ) : outcome.erased ? (
                          <Bi label={L.erased} />
                        ) : (
                          outcome.reason
                        )}
                      </span>
                    </span>
                  )}
                </td>
                <td>
                  {outcome === null ? (
                    <Blank />
                  ) : !outcome.received ? (
                    '—'
                  ) : outcome.masked ? (
                    <Bi label={L.masked} />
                  ) : outcome.erased ? (
                    <Bi label={L.erased} />
                  ) : (
                    (outcome.healthCheck ?? '—')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
