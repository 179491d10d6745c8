import { streamIdOf } from '#shared-kernel';

export const PERSON_CATEGORY = 'person';
export const personStreamId = (personId: string): string => streamIdOf(PERSON_CATEGORY, personId);
