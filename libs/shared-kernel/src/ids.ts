import { v7 as uuidv7, validate, version } from 'uuid';

export const newId = (): string => uuidv7();

export const isUuid = (value: unknown): value is string => typeof value === 'string' && validate(value);

export const isUuidV7 = (value: string): boolean => validate(value) && version(value) === 7;

/** Stream ids are `<category>-<uuid>`; the category never contains a dash. */
export const streamIdOf = (category: string, id: string): string => `${category}-${id}`;

export function parseStreamId(streamId: string): { category: string; id: string } {
  const dash = streamId.indexOf('-');
  return { category: streamId.slice(0, dash), id: streamId.slice(dash + 1) };
}
