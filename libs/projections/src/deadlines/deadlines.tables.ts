import type { TableNamer } from '../projection.js';

/**
 * The clocks of the deadline board (docs/domain.md, Deadlines). The model
 * stores only facts: when each clock started and the due instant a user declared, if any. Limits
 * that come from configuration are applied at query time, so changing one needs no rebuild, and
 * "overdue" is never stored: it depends on `now`.
 */
export const DEADLINE_KINDS = [
  /** A verification request not yet answered or withdrawn (either direction). */
  'verification_reply',
  /** An outgoing message the counterpart has not replied to (acknowledging does not stop it). */
  'message_reply',
  /** A scheduled handover the border guard has not confirmed yet. */
  'handover_confirmation',
  /** A person received at the border without an onward transfer. */
  'onward_transfer',
  /** The 3-day initial verification after a self-report (Law 53/2024 Art. 27). */
  'initial_verification',
  /** A victim's referral the receiving service has not accepted or declined yet (issue 10). */
  'referral_answer',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Clock states: a draft message has not started its clock; `done` stopped it for good. */
export const DEADLINE_ITEM_COLUMNS = {
  item_key: 'text',
  kind: 'text',
  parent_id: 'text',
  id: 'text',
  case_id: 'text',
  direction: 'text',
  state: 'text',
  started_at: 'timestamptz',
  due_at: 'timestamptz',
  acknowledged_at: 'timestamptz',
  /** A verification request's own priority; a message's is its thread's (deadline_parents). */
  priority: 'text',
  position: 'bigint',
} as const;

export const deadlinesDdl = (t: TableNamer): string[] => [
  `CREATE TABLE ${t('deadline_cases')} (
     case_id text PRIMARY KEY,
     province text NOT NULL,
     channel text NOT NULL
   )`,
  `CREATE TABLE ${t('deadline_parents')} (
     id text PRIMARY KEY,
     case_id text,
     priority text,
     position bigint
   )`,
  `CREATE TABLE ${t('deadline_items')} (
     item_key text PRIMARY KEY,
     kind text NOT NULL,
     parent_id text NOT NULL,
     id text NOT NULL,
     case_id text,
     direction text,
     state text NOT NULL,
     started_at timestamptz NOT NULL,
     due_at timestamptz,
     acknowledged_at timestamptz,
     priority text,
     position bigint NOT NULL
   )`,
  `CREATE INDEX ${t('deadline_items')}_open ON ${t('deadline_items')} (case_id) WHERE state = 'open'`,
  `CREATE INDEX ${t('deadline_items')}_parent ON ${t('deadline_items')} (parent_id)`,
];
