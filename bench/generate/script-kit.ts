import type { ZonedInstant } from '#shared-kernel';

/** One event of a generated action: which stream, and the domain event as a command handler emits it. */
export interface ScriptEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
}

/**
 * One user action: the events one HTTP write appends atomically (e.g. PersonRegistered with
 * PersonLinked). `build` gets the service's "now"; it is async because registering a person
 * seals the personal data with the person's own key first, as the real handler does.
 */
export interface Action {
  readonly events: number;
  build(now: Date): Promise<ScriptEvent[]> | ScriptEvent[];
}

export type Seal = (subjectId: string, value: unknown) => Promise<string>;

export const vn = (at: Date, minutesBefore = 0): ZonedInstant => ({
  at: new Date(at.getTime() - minutesBefore * 60_000).toISOString(),
  offset: '+07:00',
  zone: 'Asia/Ho_Chi_Minh',
});
export const cn = (at: Date, minutesBefore = 0): ZonedInstant => ({
  ...vn(at, minutesBefore),
  offset: '+08:00',
  zone: 'Asia/Shanghai',
});
export const plus = (z: ZonedInstant, days: number): ZonedInstant => ({
  ...z,
  at: new Date(Date.parse(z.at) + days * 86_400_000).toISOString(),
});

export const one = (streamId: string, type: string, data: (now: Date) => unknown): Action => ({
  events: 1,
  build: (now) => [{ streamId, type, data: data(now) }],
});

export const COUNTERPARTS = ['CN-GX-PSD', 'CN-YN-PSD', 'CN-BIS-HEKOU', 'CN-BIS-PINGXIANG', 'CN-BIS-DONGXING'];
export const GATES = ['HUU_NGHI', 'TAN_THANH', 'LAO_CAI', 'MONG_CAI', 'KIM_THANH'];
