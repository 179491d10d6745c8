import type { TableNamer } from '../projection.js';

/**
 * One row per record (report, person, exchange, message, verification, handover, person handed
 * over), with the instants the periodic statistics cut on and an index on each. A yearly query
 * then aggregates a few index ranges instead of scanning the log. `position` is the last event
 * applied to the row: an older (replayed) event never moves a row back.
 */
export const STATISTICS_TABLES = [
  'stat_reports',
  'stat_persons',
  'stat_exchanges',
  'stat_messages',
  'stat_verifications',
  'stat_handovers',
  'stat_handed_over',
] as const;

export const statisticsDdl = (t: TableNamer): string[] => [
  `CREATE TABLE ${t('stat_reports')} (
     case_id text PRIMARY KEY,
     province text NOT NULL,
     channel text NOT NULL,
     received_at timestamptz NOT NULL,
     classified_at timestamptz,
     resolved_at timestamptz,
     position bigint NOT NULL
   )`,
  `CREATE INDEX ${t('stat_reports')}_received ON ${t('stat_reports')} (received_at)`,
  // sex is opened from the sealed personal data when the person is registered or corrected; it is
  // 'unknown' when the key was already shredded, and the query treats shredded subjects as unknown.
  `CREATE TABLE ${t('stat_persons')} (
     person_id text PRIMARY KEY,
     case_id text NOT NULL,
     province text,
     channel text,
     role text NOT NULL,
     age_band text NOT NULL,
     status text NOT NULL,
     sex text NOT NULL,
     registered_at timestamptz NOT NULL,
     position bigint NOT NULL
   )`,
  `CREATE INDEX ${t('stat_persons')}_registered ON ${t('stat_persons')} (registered_at)`,
  `CREATE TABLE ${t('stat_exchanges')} (
     exchange_id text PRIMARY KEY,
     counterpart text NOT NULL,
     province text,
     opened_at timestamptz NOT NULL
   )`,
  `CREATE INDEX ${t('stat_exchanges')}_opened ON ${t('stat_exchanges')} (opened_at)`,
  `CREATE TABLE ${t('stat_messages')} (
     message_id text PRIMARY KEY,
     exchange_id text NOT NULL,
     counterpart text,
     province text,
     direction text NOT NULL,
     state text NOT NULL,
     sent_at timestamptz NOT NULL,
     response_due_at timestamptz,
     is_reply boolean NOT NULL,
     acknowledged_at timestamptz,
     answered_at timestamptz,
     position bigint NOT NULL
   )`,
  `CREATE INDEX ${t('stat_messages')}_sent ON ${t('stat_messages')} (sent_at) WHERE state = 'sent'`,
  `CREATE TABLE ${t('stat_verifications')} (
     verification_id text PRIMARY KEY,
     case_id text NOT NULL,
     province text,
     direction text NOT NULL,
     counterpart text NOT NULL,
     requested_at timestamptz NOT NULL,
     outcome text NOT NULL,
     answered_late boolean NOT NULL DEFAULT false,
     position bigint NOT NULL
   )`,
  `CREATE INDEX ${t('stat_verifications')}_requested ON ${t('stat_verifications')} (requested_at)`,
  `CREATE TABLE ${t('stat_handovers')} (
     handover_id text PRIMARY KEY,
     case_id text NOT NULL,
     province text,
     gate text NOT NULL,
     counterpart text NOT NULL,
     conducted_at timestamptz,
     cancelled_at timestamptz,
     position bigint NOT NULL
   )`,
  `CREATE INDEX ${t('stat_handovers')}_conducted ON ${t('stat_handovers')} (conducted_at)`,
  `CREATE INDEX ${t('stat_handovers')}_cancelled ON ${t('stat_handovers')} (cancelled_at)`,
  `CREATE TABLE ${t('stat_handed_over')} (
     handover_id text NOT NULL,
     person_id text NOT NULL,
     province text,
     gate text NOT NULL,
     counterpart text NOT NULL,
     received_at timestamptz NOT NULL,
     PRIMARY KEY (handover_id, person_id)
   )`,
  `CREATE INDEX ${t('stat_handed_over')}_received ON ${t('stat_handed_over')} (received_at)`,
];
