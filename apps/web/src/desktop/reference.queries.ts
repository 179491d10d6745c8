import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../api/api.client';
import type { BorderGate, CounterpartUnit } from '../api/api.views';
import { nameIn } from '../shell/labels.format';

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

/**
 * A counterpart unit's name in the reader's language, from the reference register: a person reads
 * "Sở Công an Khu tự trị dân tộc Choang Quảng Tây", not CN-GX-PSD. The code stands in only while
 * the register loads or for a unit it no longer lists.
 */
export function useCounterpartName(): (code: string) => string {
  const { i18n } = useTranslation();
  const counterparts = useCounterparts();
  return (code) => {
    const unit = counterparts.data?.find((u) => u.code === code);
    return unit ? nameIn(i18n.language, unit.name) : code;
  };
}
