import { useQuery } from '@tanstack/react-query';
import { answer, api } from '../api/api.client';
import type { BorderGate, CounterpartUnit } from '../api/api.views';

// The desktop reads the reference register through its own query cache (not ../api/reference.data,
// whose chunk the gate app shares and whose size counts against the gate's budget).
const DAY = 24 * 60 * 60 * 1000;

export const useGates = () =>
  useQuery({
    queryKey: ['reference', 'gates'],
    staleTime: DAY,
    queryFn: () => answer<BorderGate[]>(api.GET('/api/v1/reference/gates')),
  });

export const useCounterparts = () =>
  useQuery({
    queryKey: ['reference', 'counterparts'],
    staleTime: DAY,
    queryFn: () => answer<CounterpartUnit[]>(api.GET('/api/v1/reference/counterparts')),
  });
