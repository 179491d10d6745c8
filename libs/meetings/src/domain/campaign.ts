import {
  type Decider,
  type DomainCommand,
  type DomainEvent,
  invalid,
  isBorderProvince,
  isOneOf,
  refuse,
  required,
} from '#shared-kernel';
import { CampaignErrors as E } from './meeting.errors.js';
import { distinct } from './meeting.text.js';
import { CALENDAR_DAY, CAMPAIGN_COVERAGES, MAX_COUNTERPARTS, type CampaignCoverage } from './meeting.values.js';

/**
 * A joint crackdown campaign: a named period agreed by both sides. Its own small aggregate, not
 * configuration: campaigns are announced during the year by the two ministries or the provinces,
 * and who recorded which, when, is part of the record. The statistics give its subtotals like the
 * yearly 1 July – 30 September window. Days are Vietnam calendar days, both ends included.
 */
export type RecordCampaign = DomainCommand<
  'RecordCampaign',
  {
    campaignId: string;
    name: string;
    /** The recording province; a `national` campaign counts in every province's statistics. */
    province: string;
    coverage: string;
    /** Counterpart unit codes of the other side (checked against the register by the application). */
    counterparts: readonly string[];
    from: string;
    to: string;
  }
>;

export type CampaignRecorded = DomainEvent<
  'CampaignRecorded',
  {
    campaignId: string;
    name: string;
    province: string;
    coverage: CampaignCoverage;
    counterparts: string[];
    from: string;
    to: string;
  }
>;

export type CampaignState = { readonly status: 'none' } | ({ readonly status: 'recorded' } & CampaignRecorded['data']);

/** A real calendar day (2026-02-30 is not one). */
function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !CALENDAR_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function decideCampaign(command: RecordCampaign, state: CampaignState): CampaignRecorded[] {
  if (state.status !== 'none') return refuse(E.ALREADY_EXISTS, 'campaign already recorded');
  const d = command.data;
  const campaignId = required(d.campaignId, E.ID_REQUIRED, 'campaign id');
  const name = required(d.name, E.NAME_REQUIRED, 'name');
  if (!isBorderProvince(d.province)) return invalid(E.INVALID_PROVINCE, 'province must be a border province');
  if (!isOneOf(CAMPAIGN_COVERAGES, d.coverage)) return invalid(E.INVALID_COVERAGE, 'coverage is province or national');
  const counterparts = distinct(d.counterparts);
  if (counterparts.length === 0 || counterparts.length > MAX_COUNTERPARTS)
    return invalid(E.COUNTERPART_REQUIRED, `one to ${MAX_COUNTERPARTS} counterpart units are required`);
  if (!isDay(d.from) || !isDay(d.to)) return invalid(E.INVALID_DAY, 'from and to must be calendar days');
  if (d.to < d.from) return invalid(E.ENDS_BEFORE_START, 'a campaign cannot end before it starts');
  return [
    {
      type: 'CampaignRecorded',
      data: { campaignId, name, province: d.province, coverage: d.coverage, counterparts, from: d.from, to: d.to },
    },
  ];
}

const evolveCampaign = (state: CampaignState, event: CampaignRecorded): CampaignState =>
  state.status === 'none' ? { status: 'recorded', ...event.data } : state;

export const campaignDecider: Decider<CampaignState, RecordCampaign, CampaignRecorded> = {
  initialState: { status: 'none' },
  decide: decideCampaign,
  evolve: evolveCampaign,
};
