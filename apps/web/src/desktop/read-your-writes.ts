/**
 * The global position of the last write made from this page. Reads of lists send it as
 * `X-Min-Position`, so a case just received or a person just registered is in the next search
 * (the api waits, bounded, until its read models have caught up).
 */
let lastWrite: string | undefined;

export function rememberWrite(position: string): void {
  if (lastWrite === undefined || BigInt(position) > BigInt(lastWrite)) lastWrite = position;
}

export const afterLastWrite = (): Record<string, string> => (lastWrite ? { 'X-Min-Position': lastWrite } : {});
