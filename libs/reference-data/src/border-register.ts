import { COUNTERPARTS, GATES, MARKER_CODE, type BorderGate, type CounterpartUnit } from './border-register.data.js';

/** Look-ups the application does before deciding: unknown codes are refused at the edge. */
export const findCounterpart = (code: string): CounterpartUnit | undefined => COUNTERPARTS.find((c) => c.code === code);

export const findGate = (code: string): BorderGate | undefined => GATES.find((g) => g.code === code);

/** A gate of the register, or a numbered boundary marker. */
export const isKnownHandoverPlace = (code: string): boolean => findGate(code) !== undefined || MARKER_CODE.test(code);
