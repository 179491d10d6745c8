import { answer, api } from './api.client';
import type { BorderGate, CounterpartUnit } from './api.views';
import { useRead, type Read } from './use-read';

// The register changes by release, not by the minute, and is not personal data: asked once per
// page load and shared by every screen. A failure is not kept: the next screen asks again.
const asked = new Map<string, Promise<unknown>>();

function once<T>(path: string, load: () => Promise<T>): Promise<T> {
  let pending = asked.get(path) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    asked.set(path, pending);
    pending.catch(() => asked.delete(path));
  }
  return pending;
}

export const useGates = (): Read<BorderGate[]> =>
  useRead('reference/gates', () => once('gates', () => answer<BorderGate[]>(api.GET('/api/v1/reference/gates'))));

export const useCounterparts = (): Read<CounterpartUnit[]> =>
  useRead('reference/counterparts', () =>
    once('counterparts', () => answer<CounterpartUnit[]>(api.GET('/api/v1/reference/counterparts'))),
  );
