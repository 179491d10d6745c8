/** The vocabularies of support and referrals (libs/persons person.support.values.ts), for the forms. */
export const SUPPORT_KINDS = [
  'accommodation',
  'food',
  'medical_care',
  'psychological_care',
  'legal_aid',
  'travel_home',
  'interpreter',
] as const;

export const REFERRAL_SERVICES = [
  'social_protection_centre',
  'health_facility',
  'legal_aid_centre',
  'womens_union',
  'family',
] as const;

export const REFERRAL_EXEMPTIONS = ['urgent_child_protection', 'medical_emergency', 'legal_order'] as const;

export const SCREENING_GROUPS = ['online_scam_compound_returnee', 'labour_migrant_returnee', 'other'] as const;

/** CTDC / HTCDS exploitation types, plus forced criminality (see person.support.values.ts). */
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

export const INDICATOR_RESULTS = ['indicators_present', 'no_indicators', 'inconclusive'] as const;

export const DECLINE_REASONS = [
  'no_capacity',
  'not_eligible',
  'person_declined',
  'referred_elsewhere',
  'other',
] as const;
