import type { RecordedEvent, SqlClient } from '#event-store';
import type { TableNamer } from '../projection.js';
import { RowBatch, isNewer, type JsonRow } from '../statistics/row-batch.js';
import { DEADLINE_ITEM_COLUMNS, type DeadlineKind } from './deadlines.tables.js';

export interface Item extends JsonRow {
  item_key: string;
  kind: DeadlineKind;
  parent_id: string;
  id: string;
  case_id: string | null;
  direction: string | null;
  state: 'open' | 'draft' | 'done';
  started_at: string;
  due_at: string | null;
  acknowledged_at: string | null;
  priority: string | null;
  position: string;
}
interface CaseRow extends JsonRow {
  case_id: string;
  province: string;
  channel: string;
}
interface ParentRow extends JsonRow {
  id: string;
  case_id: string | null;
  /** An exchange's priority (null for handovers); `position` of the event that set it. */
  priority: string | null;
  position: string | null;
}

export const itemKey = (kind: DeadlineKind, parentId: string, id: string): string => `${kind}|${parentId}|${id}`;

/** The rows of one batch. */
export class Batch {
  readonly cases: RowBatch<CaseRow>;
  readonly parents: RowBatch<ParentRow>;
  readonly items: RowBatch<Item>;

  constructor(t: TableNamer) {
    this.cases = new RowBatch(t('deadline_cases'), 'case_id', { case_id: 'text', province: 'text', channel: 'text' });
    this.parents = new RowBatch(t('deadline_parents'), 'id', {
      id: 'text',
      case_id: 'text',
      priority: 'text',
      position: 'bigint',
    });
    this.items = new RowBatch(t('deadline_items'), 'item_key', DEADLINE_ITEM_COLUMNS);
  }

  /** (Re)starts a clock. Only a later event re-opens one (a new schedule after a postponement). */
  open(
    e: RecordedEvent,
    item: {
      kind: DeadlineKind;
      parentId: string;
      id: string;
      caseId: string | null;
      direction?: string | null;
      state: 'open' | 'draft';
      startedAt: string;
      dueAt: string | null;
      priority?: string | null;
    },
  ): void {
    const key = itemKey(item.kind, item.parentId, item.id);
    const existing = this.items.get(key);
    if (existing && !isNewer(existing, e.position)) return;
    this.items.put({
      item_key: key,
      kind: item.kind,
      parent_id: item.parentId,
      id: item.id,
      case_id: item.caseId ?? existing?.case_id ?? this.parents.get(item.parentId)?.case_id ?? null,
      direction: item.direction ?? null,
      state: item.state,
      started_at: item.startedAt,
      due_at: item.dueAt,
      acknowledged_at: existing?.acknowledged_at ?? null,
      priority: item.priority ?? null,
      position: e.position.toString(),
    });
  }

  /** Changes live clocks (in the given states) that this event is newer than. */
  change(
    e: RecordedEvent,
    rows: readonly (Item | undefined)[],
    states: readonly Item['state'][],
    fn: (i: Item) => void,
  ): void {
    for (const row of rows) {
      if (!row || !states.includes(row.state) || !isNewer(row, e.position)) continue;
      fn(row);
      row.position = e.position.toString();
      this.items.touch(row);
    }
  }

  item(kind: DeadlineKind, parentId: string, id: string): Item | undefined {
    return this.items.get(itemKey(kind, parentId, id));
  }

  async flush(tx: SqlClient): Promise<void> {
    await this.cases.flush(tx);
    await this.parents.flush(tx);
    await this.items.flush(tx);
  }
}

export const LIVE: readonly Item['state'][] = ['open', 'draft'];
export const stop = (i: Item): void => {
  i.state = 'done';
};
