import type {
  ModeComparison,
  ProcurementCalendar,
  RegisterEntry,
  Scorecard,
} from '../../../../src/model/index.js';
import { useApi } from '../../api/useApi.js';

export const useRegister = () => useApi<RegisterEntry[]>('/api/steering/producers');

export const useScorecard = (code: string | null, period: string | null) =>
  useApi<Scorecard>(
    code === null
      ? null
      : `/api/steering/producers/${encodeURIComponent(code)}/scorecard${period ? `?period=${encodeURIComponent(period)}` : ''}`,
  );

export const useCalendar = () => useApi<ProcurementCalendar>('/api/steering/calendar?withinMonths=24');

export const useComparison = (serviceClass: string | null) =>
  useApi<ModeComparison>(
    serviceClass === null
      ? null
      : `/api/steering/comparison?serviceClass=${encodeURIComponent(serviceClass)}`,
  );
