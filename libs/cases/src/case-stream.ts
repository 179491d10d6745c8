import { streamIdOf } from '#shared-kernel';

export const CASE_CATEGORY = 'case';
export const caseStreamId = (caseId: string): string => streamIdOf(CASE_CATEGORY, caseId);
