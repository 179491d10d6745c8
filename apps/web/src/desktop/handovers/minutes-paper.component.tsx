import type { ReactNode } from 'react';
import type { BorderTime, Names } from '../../api/api.views';
import { formatDualTime } from '../../time/dual-time.format';
import { MINUTES_LABELS as L, type Bilingual } from './minutes.labels';

// The pieces the printed minutes are drawn with: bilingual labels, blanks to fill in by hand, times on both clocks.

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
export function Bi({ label, stacked = false }: { readonly label: Bilingual; readonly stacked?: boolean }) {
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
export const Blank = ({ wide = false }: { readonly wide?: boolean }) => (
  <span className={wide ? 'blank blank-wide' : 'blank'} aria-hidden="true" />
);

/** A fact of the form: its bilingual label, then what the record says. */
export function Row({ label, children }: { readonly label: Bilingual; readonly children: ReactNode }) {
  return (
    <div className="minutes-row">
      <dt>
        <Bi label={label} />
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

/** An instant on both clocks, or a blank for each when the record has none yet. */
export function PaperTime({ at }: { readonly at: BorderTime | null }) {
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

/** A register name in Vietnamese and Chinese, or a blank. */
export const BothNames = ({ names }: { readonly names: Names | null }) =>
  names ? <Bi label={{ vi: names.vi, zh: names.zh }} /> : <Blank wide />;

/** One side's signature blocks: a name, rank and signature line for each of its officers. */
export function Signatures({ title, officers }: { readonly title: Bilingual; readonly officers: readonly string[] }) {
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
