import type { ReportFigures } from './report.events.js';

/** One figure that reads differently now from what was submitted. */
export interface FigureDifference {
  /** Dotted path of the figure in the statistics (`reports.classified`, `crackdown.persons.total`). */
  readonly metric: string;
  readonly submitted: unknown;
  readonly now: unknown;
}

export interface ReportDifferences {
  readonly figures: readonly FigureDifference[];
  readonly unclassified: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly unresolved: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly changed: boolean;
}

/** When the figures were compiled: that they were compiled again is no difference. */
const IGNORED = new Set(['generatedAt']);

function leaves(node: unknown, path: string[], out: Map<string, unknown>): Map<string, unknown> {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) if (!(path.length === 0 && IGNORED.has(k))) leaves(v, [...path, k], out);
  } else out.set(path.join('.'), Array.isArray(node) ? JSON.stringify(node) : node);
  return out;
}

function listDiff(before: readonly string[], after: readonly string[]) {
  const was = new Set(before);
  const is = new Set(after);
  return { added: after.filter((id) => !was.has(id)), removed: before.filter((id) => !is.has(id)) };
}

/**
 * The submitted figures against the same figures compiled now: a correction of the record after
 * submission (a case classified late, a date put right) shows here, figure by figure, and never
 * changes what was submitted.
 */
export function compareFigures(submitted: ReportFigures, now: ReportFigures): ReportDifferences {
  const a = leaves(submitted.statistics, [], new Map());
  // A part the compilation gained after the report was sent (the meetings, issue 11) was never
  // submitted: it is not a correction of the record, so only the parts sent are compared.
  const sent = new Set(Object.keys(submitted.statistics));
  const b = new Map(
    [...leaves(now.statistics, [], new Map())].filter(([metric]) => sent.has(metric.split('.')[0] ?? '')),
  );
  const figures: FigureDifference[] = [];
  for (const metric of new Set([...a.keys(), ...b.keys()])) {
    const before = a.has(metric) ? a.get(metric) : null;
    const after = b.has(metric) ? b.get(metric) : null;
    if (before !== after) figures.push({ metric, submitted: before, now: after });
  }
  const unclassified = listDiff(submitted.pending.unclassified, now.pending.unclassified);
  const unresolved = listDiff(submitted.pending.unresolved, now.pending.unresolved);
  const changed =
    figures.length > 0 || [unclassified, unresolved].some((d) => d.added.length > 0 || d.removed.length > 0);
  return { figures, unclassified, unresolved, changed };
}
