import type { TravelUse } from '../../../../src/model/index.js';
import { travelTimeSourceOf } from '../../../../src/model/index.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { useFormats } from './format.js';
import { networkMessages } from './messages.js';

/**
 * Where a result's travel times came from: the road network by name and version, and the cells and
 * units whose trips were straight-line estimates, so that those are never taken for road times.
 */
export const useTravelNote = () => {
  const text = usePageMessages(networkMessages).results;
  const format = useFormats();
  return (use: TravelUse): string => {
    const km = format.decimal(use.maxSnapMetres / 1000);
    if (use.network === null) return text.travelStraight;
    const name = text.networkName(use.network.name, String(use.network.revision));
    const kind = travelTimeSourceOf(use);
    if (kind === 'straightLine') return text.travelAllStraight(name, km);
    const road = `${text.travelRoad} ${name}`;
    return kind === 'roadNetwork'
      ? road
      : `${road}; ${text.travelFallback(format.whole(use.straightLineOrigins), format.whole(use.straightLineDestinations), km)}`;
  };
};
