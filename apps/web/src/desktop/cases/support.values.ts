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

export const DECLINE_REASONS = [
  'no_capacity',
  'not_eligible',
  'person_declined',
  'referred_elsewhere',
  'other',
] as const;
