/**
 * Support and referrals for a victim (Law 53/2024, Ch. IV: essential support while presumed or
 * identified; the provincial plans count it). Every value here is a code: what would identify the
 * person (a relative's name, notes about their health) lives only in the sealed note.
 */

/** Essential support a liaison office arranges or records (Law 53/2024 Art. 37–38 headings). */
export const SUPPORT_KINDS = [
  'accommodation',
  'food',
  'medical_care',
  'psychological_care',
  'legal_aid',
  'travel_home',
  'interpreter',
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/**
 * Services a person can be referred to. `family` is a return to relatives: their names are personal
 * data, so a family referral carries no receiving unit in clear, only in the sealed note.
 */
export const REFERRAL_SERVICES = [
  'social_protection_centre',
  'health_facility',
  'legal_aid_centre',
  'womens_union',
  'family',
] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

/**
 * When a referral may go ahead without the person's consent for `referral_to_services`: a child
 * in danger, a medical emergency, or a court or procuracy order. Anything else needs consent.
 */
export const REFERRAL_EXEMPTIONS = ['urgent_child_protection', 'medical_emergency', 'legal_order'] as const;
export type ReferralExemption = (typeof REFERRAL_EXEMPTIONS)[number];

/** Why a receiving service said no: codes only, so the answer says nothing about the person. */
export const REFERRAL_DECLINE_REASONS = [
  'no_capacity',
  'not_eligible',
  'person_declined',
  'referred_elsewhere',
  'other',
] as const;
export type ReferralDeclineReason = (typeof REFERRAL_DECLINE_REASONS)[number];

/** Where a referral stands: made → accepted → completed, or made → declined. */
export type ReferralState = 'made' | 'accepted' | 'declined' | 'completed';

/** Groups the provincial plans screen on return (the Lào Cai plan names online-scam compounds). */
export const SCREENING_GROUPS = ['online_scam_compound_returnee', 'labour_migrant_returnee', 'other'] as const;
export type ScreeningGroup = (typeof SCREENING_GROUPS)[number];

/**
 * Types of exploitation, after the CTDC / HTCDS exploitation flags (isSexualExploit,
 * isForcedLabour, isForcedMarriage, isForcedMilitary, isOrganRemoval, isSlaveryAndPractices,
 * isOtherExploit) in snake_case, plus forced criminality, which the scam compounds are about and
 * which HTCDS lists under forced labour's "criminal activity".
 */
export const EXPLOITATION_TYPES = [
  'sexual_exploitation',
  'forced_labour',
  'forced_criminality',
  'forced_marriage',
  'forced_military',
  'organ_removal',
  'slavery_and_practices',
  'other',
] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

export const INDICATOR_RESULTS = ['indicators_present', 'no_indicators', 'inconclusive'] as const;
export type IndicatorResult = (typeof INDICATOR_RESULTS)[number];

/** Roles support is for: victims (presumed or identified) and children travelling with them. */
export const SUPPORTED_ROLES = ['presumed_victim', 'victim', 'accompanying_minor'] as const;

/** Longest provider or receiving unit name kept in clear: a unit's name, not a sentence. */
export const UNIT_NAME_MAX = 120;
