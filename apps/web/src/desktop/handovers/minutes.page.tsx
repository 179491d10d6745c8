import { useQueries, useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { BorderTime, HandoverStatus, MeView, Names } from '../../api/api.views';
import { Refusal } from '../../shell/refusal.component';
import { handoverStatusName } from '../../shell/labels.format';
import { Link } from '../../shell/router';
import { formatDualTime } from '../../time/dual-time.format';
import { DOCUMENT_LABELS, MINUTES_LABELS as L, SEX_LABELS, type Bilingual } from './minutes.labels';
import './minutes.css';

/** GET /api/v1/handovers/{id} as the minutes use it (libs/handovers handover.view.ts). */
interface MinutesHandover {
  readonly id: string;
  readonly caseId: string;
  readonly status: HandoverStatus;
  readonly counterpart: { readonly code: string; readonly name: Names | null };
  readonly gate: { readonly code: string; readonly name: Names | null; readonly counterpartGate: Names | null };
  readonly personIds: readonly string[];
  readonly scheduledAt: BorderTime | null;
  readonly conductedAt: BorderTime | null;
  readonly vnOfficers: readonly string[];
  readonly cnOfficers: readonly string[];
  readonly received: readonly {
    readonly personId: string;
    readonly healthCheck: string | null;
    readonly masked: boolean;
    readonly erased: boolean;
  }[];
  readonly notReceived: readonly {
    readonly personId: string;
    readonly reason: string | null;
    readonly masked: boolean;
    readonly erased: boolean;
  }[];
  readonly minutes: { readonly number: string; readonly signedAt: BorderTime } | null;
}

/** GET /api/v1/persons/{id} for a desktop role that may read personal data (libs/persons person.view.ts). */
interface MinutesPerson {
  readonly erased: boolean;
  readonly personal: {
    readonly fullName: string;
    readonly nameVariants: readonly { readonly script: string; readonly value: string }[];
    readonly sex: string | null;
    readonly dateOfBirth: string | null;
    readonly documents: readonly { readonly kind: string; readonly number: string }[];
  } | null;
}

/** Digits only, the same for both readers of the paper; the zone is said by the label beside it. */
const PAPER_TIME: Intl.DateTimeFormatOptions = {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** A label of the form in both languages, each tagged so screen readers and fonts pick the right one. */
function Bi({ label, stacked = false }: { readonly label: Bilingual; readonly stacked?: boolean }) {
  return (
    <span className={stacked ? 'bi bi-stacked' : 'bi'}>
      <span lang="vi">{label.vi}</span>
      {stacked ? ' ' : ' / '}
      <span lang="zh-Hans" className="bi-zh">
        {label.zh}
      </span>
    </span>
  );
}

/** A gap to fill in by hand, for what the record does not hold yet. */
const Blank = ({ wide = false }: { readonly wide?: boolean }) => (
  <span className={wide ? 'blank blank-wide' : 'blank'} aria-hidden="true" />
);

function Row({ label, children }: { readonly label: Bilingual; readonly children: ReactNode }) {
  return (
    <div className="minutes-row">
      <dt>
        <Bi label={label} />
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

function PaperTime({ at }: { readonly at: BorderTime | null }) {
  const times = at ? formatDualTime(at.at, 'vi', PAPER_TIME) : null;
  return (
    <span className="paper-times">
      <span>
        <Bi label={L.vnTime} />: {times ? times.vn : <Blank />}
      </span>
      <span>
        <Bi label={L.cnTime} />: {times ? times.cn : <Blank />}
      </span>
    </span>
  );
}

const BothNames = ({ names }: { readonly names: Names | null }) =>
  names ? <Bi label={{ vi: names.vi, zh: names.zh }} /> : <Blank wide />;

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

function Signatures({ title, officers }: { readonly title: Bilingual; readonly officers: readonly string[] }) {
  // Unsigned minutes still need somewhere to write a name: one empty block per side.
  const names: readonly (string | null)[] = officers.length > 0 ? officers : [null];
  return (
    <section className="signature-side">
      <h3>
        <Bi label={title} stacked />
      </h3>
      {names.map((name, i) => (
        <dl className="signature-block" key={`${i}-${name ?? ''}`}>
          <Row label={L.name}>{name ?? <Blank />}</Row>
          <Row label={L.rank}>
            <Blank />
          </Row>
          <Row label={L.signature}>
            <span className="signature-line" aria-hidden="true" />
          </Row>
        </dl>
      ))}
    </section>
  );
}

/**
 * The handover minutes as the A4 page both sides sign: every label in Vietnamese and Chinese
 * whatever the screen's language, filled from the handover as this reader may read it. Persons'
 * identities come from GET /persons/{id} only for a role that may read them (each read audited by
 * the api); otherwise the paper says they are protected. Before the gate's confirmation it is a
 * draft with blanks to fill in by hand.
 */
export function MinutesPage({ id, me }: { readonly id: string; readonly me: MeView }) {
  const { t } = useTranslation();
  const handover = useQuery({
    queryKey: ['handover', id, 'minutes'],
    queryFn: () => answer<MinutesHandover>(api.GET('/api/v1/handovers/{id}', { params: { path: { id } } })),
  });
  const mayReadPersons = me.may.includes('person.read_personal');
  const personIds = handover.data?.personIds ?? [];
  const persons = useQueries({
    queries: personIds.map((personId) => ({
      queryKey: ['person', personId, 'minutes'],
      enabled: mayReadPersons,
      queryFn: () =>
        answer<MinutesPerson>(
          api.GET('/api/v1/persons/{id}', {
            params: { path: { id: personId }, query: { purpose: 'handover view' } },
          }),
        ),
    })),
  });

  if (handover.error) {
    return (
      <>
        <h1>{t('minutes.heading')}</h1>
        <p>{t('minutes.unavailable')}</p>
        <Refusal error={handover.error} />
        <p>
          <Link to="/cases">{t('minutes.toCases')}</Link>
        </p>
      </>
    );
  }
  const h = handover.data;
  if (!h || (mayReadPersons && persons.some((p) => p.isPending))) return <p className="muted">{t('app.loading')}</p>;

  const draft = h.minutes === null;
  const outcomeOf = (personId: string) => {
    const received = h.received.find((p) => p.personId === personId);
    if (received) return { received: true as const, ...received };
    const not = h.notReceived.find((p) => p.personId === personId);
    return not ? { received: false as const, ...not } : null;
  };

  return (
    <>
      <div className="minutes-chrome">
        <p>
          <Link to={`/cases/${h.caseId}`}>{t('minutes.back')}</Link>
        </p>
        <p>
          {t('minutes.status', { status: handoverStatusName(t, h.status) })}
          {draft && ` ${t('minutes.draftNotice')}`}
        </p>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('minutes.print')}
        </button>
      </div>

      <article className="minutes-doc" aria-labelledby="minutes-title">
        {draft && (
          <p className="minutes-draft">
            <Bi label={L.draft} />
          </p>
        )}
        <h1 id="minutes-title" className="minutes-title">
          <span lang="vi">{L.title.vi}</span>
          <span lang="zh-Hans" className="bi-zh">
            {L.title.zh}
          </span>
        </h1>
        <p className="minutes-number">
          <Bi label={L.number} />: {h.minutes ? <strong>{h.minutes.number}</strong> : <Blank wide />}
        </p>

        <dl className="minutes-facts">
          <Row label={L.place}>
            {h.gate.name ? (
              <span className="paper-times">
                <span>
                  <Bi label={L.vnGate} />: <BothNames names={h.gate.name} />
                </span>
                <span>
                  <Bi label={L.cnGate} />: <BothNames names={h.gate.counterpartGate} />
                </span>
              </span>
            ) : (
              <>
                <Bi label={L.boundaryMarker} /> {h.gate.code}
              </>
            )}
          </Row>
          <Row label={h.conductedAt || !h.scheduledAt ? L.conductedAt : L.scheduledAt}>
            <PaperTime at={h.conductedAt ?? h.scheduledAt} />
          </Row>
          <Row label={L.signedAt}>
            <PaperTime at={h.minutes?.signedAt ?? null} />
          </Row>
        </dl>

        <div className="minutes-sides">
          <dl className="minutes-side">
            <dt className="minutes-side-title">
              <Bi label={L.handingSide} />
            </dt>
            <dd>
              <Bi label={L.unit} />: <BothNames names={h.counterpart.name} />
            </dd>
            <dd>
              <Bi label={L.officers} />: {h.cnOfficers.length > 0 ? h.cnOfficers.join('; ') : <Blank wide />}
            </dd>
          </dl>
          <dl className="minutes-side">
            <dt className="minutes-side-title">
              <Bi label={L.receivingSide} />
            </dt>
            <dd>
              <Bi label={L.unit} />:{' '}
              <Bi
                label={{
                  vi: `${L.vnUnit.vi}${h.gate.name ? ` – ${h.gate.name.vi}` : ''}`,
                  zh: `${L.vnUnit.zh}${h.gate.name ? `（${h.gate.name.zh}）` : ''}`,
                }}
              />
            </dd>
            <dd>
              <Bi label={L.officers} />: {h.vnOfficers.length > 0 ? h.vnOfficers.join('; ') : <Blank wide />}
            </dd>
          </dl>
        </div>

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
            {personIds.map((personId, i) => {
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

        <p className="minutes-closing">
          <span lang="vi">{L.closing.vi}</span>
          <br />
          <span lang="zh-Hans" className="bi-zh">
            {L.closing.zh}
          </span>
        </p>

        <div className="minutes-signatures">
          <Signatures title={L.handingRep} officers={h.cnOfficers} />
          <Signatures title={L.receivingRep} officers={h.vnOfficers} />
        </div>

        <p className="minutes-record">
          <Bi label={L.record} />: {h.id}
        </p>
      </article>
    </>
  );
}
