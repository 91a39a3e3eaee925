import type { TravelUse } from '../../../../src/model/index.js';
import { travelTimeSourceOf } from '../../../../src/model/index.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { useFormats } from './format.js';
import { networkMessages } from './messages.js';

/**
 * Where a result's travel times came from: the road network by name and version, and the cells and
 * units whose trips were straight-line estimates, so that those are never taken for road times, and
 * the cells on islands: without a road connection (no time), or reached only by ferry.
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
    const islands = [
      use.unreachableOrigins + use.unreachableDestinations > 0
        ? text.travelUnreachable(
            format.whole(use.unreachableOrigins),
            format.whole(use.unreachableDestinations),
          )
        : '',
      use.ferryOnlyOrigins > 0 ? text.travelFerryOnly(format.whole(use.ferryOnlyOrigins)) : '',
    ].filter((part) => part !== '');
    const note =
      kind === 'roadNetwork'
        ? road
        : `${road}; ${text.travelFallback(format.whole(use.straightLineOrigins), format.whole(use.straightLineDestinations), km)}`;
    return [note, ...islands].join('; ');
  };
};
