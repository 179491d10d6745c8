/** A joint campaign as GET /campaigns lists it (libs/projections meetings.query.ts CampaignEntry). */
export interface CampaignItem {
  readonly campaignId: string;
  readonly name: string;
  readonly province: string;
  readonly coverage: 'province' | 'national';
  readonly counterparts: readonly string[];
  /** Vietnam calendar days, both included. */
  readonly from: string;
  readonly to: string;
}

export const CAMPAIGN_COVERAGES = ['province', 'national'] as const;

/** The instant a Vietnam calendar day begins (00:00 in Hà Nội), as the api's windows cut it. */
export const dayStart = (day: string): string => new Date(`${day}T00:00:00+07:00`).toISOString();

/** The instant after a Vietnam calendar day ends: the next day's 00:00 in Hà Nội. */
export const dayEnd = (day: string): string => new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000).toISOString();
