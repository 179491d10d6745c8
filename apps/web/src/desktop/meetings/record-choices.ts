/**
 * What the "done" form of an agreed action offers as the record that fulfils it: first the
 * records the action was agreed about, then the province's recent cases and handovers as their
 * own lists show them (no field those lists do not already show). Pure, so it is tested in Node.
 */
export const RECORD_KINDS = ['case', 'person', 'handover', 'verification', 'exchange'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface ActionLinks {
  readonly caseIds: readonly string[];
  readonly personIds: readonly string[];
  readonly handoverIds: readonly string[];
  readonly verificationIds: readonly string[];
}

/** A recent case as the case list gives it: what that list already shows. */
export interface RecentCase {
  readonly id: string;
  readonly summary: string;
  readonly receivedAt: { readonly at: string };
}

/** A handover as the handover list gives it. */
export interface RecentHandover {
  readonly id: string;
  readonly gate: string;
  readonly counterpart: string;
  readonly scheduledAt: { readonly at: string } | null;
}

export type ChoiceGroup = 'linked' | 'cases' | 'handovers';

export interface RecordChoice {
  /** `kind:id`, the value of the option. */
  readonly value: string;
  readonly kind: RecordKind;
  readonly id: string;
  readonly group: ChoiceGroup;
  /** What the person reads; the id's first characters when nothing better is known. */
  readonly text: string;
}

export interface ChoiceWords {
  readonly kind: (kind: RecordKind) => string;
  /** A day (Vietnam calendar) of an instant, as the lists show it. */
  readonly day: (at: string) => string;
  /** A gate's name in the reader's language (the register's); a code it does not list, as written. */
  readonly gate: (code: string) => string;
  /** A counterpart unit's name in the reader's language, the same way. */
  readonly counterpart: (code: string) => string;
}

const short = (id: string): string => id.slice(0, 8);

export const choiceValue = (kind: RecordKind, id: string): string => `${kind}:${id}`;

export function parseChoice(value: string): { kind: RecordKind; id: string } | null {
  const at = value.indexOf(':');
  const kind = value.slice(0, at) as RecordKind;
  if (at < 0 || !RECORD_KINDS.includes(kind)) return null;
  return { kind, id: value.slice(at + 1) };
}

export function recordChoices(
  links: ActionLinks,
  cases: readonly RecentCase[],
  handovers: readonly RecentHandover[],
  words: ChoiceWords,
): RecordChoice[] {
  const caseText = (c: RecentCase) => `${words.kind('case')} · ${words.day(c.receivedAt.at)} · ${c.summary}`;
  const handoverText = (h: RecentHandover) =>
    [
      words.kind('handover'),
      words.gate(h.gate),
      h.scheduledAt ? words.day(h.scheduledAt.at) : null,
      words.counterpart(h.counterpart),
    ]
      .filter(Boolean)
      .join(' · ');
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const handoverById = new Map(handovers.map((h) => [h.id, h]));
  const out: RecordChoice[] = [];
  const seen = new Set<string>();
  const add = (kind: RecordKind, id: string, group: ChoiceGroup, text: string) => {
    const value = choiceValue(kind, id);
    if (seen.has(value)) return;
    seen.add(value);
    out.push({ value, kind, id, group, text });
  };
  // The linked records first, described as the lists describe them when they are among the recent ones.
  for (const id of links.caseIds) {
    const known = caseById.get(id);
    add('case', id, 'linked', known ? caseText(known) : `${words.kind('case')} · ${short(id)}`);
  }
  for (const id of links.handoverIds) {
    const known = handoverById.get(id);
    add('handover', id, 'linked', known ? handoverText(known) : `${words.kind('handover')} · ${short(id)}`);
  }
  for (const id of links.verificationIds)
    add('verification', id, 'linked', `${words.kind('verification')} · ${short(id)}`);
  for (const id of links.personIds) add('person', id, 'linked', `${words.kind('person')} · ${short(id)}`);
  for (const c of cases) add('case', c.id, 'cases', caseText(c));
  for (const h of handovers) add('handover', h.id, 'handovers', handoverText(h));
  return out;
}
