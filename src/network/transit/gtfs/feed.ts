/** A GTFS feed as read: what routing needs, with stops in EPSG:3067 metres. */
export interface GtfsStops {
  id: string[];
  name: string[];
  x: Float64Array;
  y: Float64Array;
}

export interface GtfsTrip {
  id: string;
  routeId: string;
  serviceId: string;
  /** Stop indexes in stop_sequence order, with arrival and departure in seconds after the service day's noon − 12 h (times past 24:00 stay past). */
  stops: Uint32Array;
  arrivals: Int32Array;
  departures: Int32Array;
}

export interface GtfsService {
  /** Monday … Sunday from calendar.txt, or null when only calendar_dates.txt names the service. */
  weekdays: boolean[] | null;
  /** YYYYMMDD, inclusive; null without a calendar.txt row. */
  start: string | null;
  end: string | null;
  added: Set<string>;
  removed: Set<string>;
}

export interface GtfsRoute {
  type: number;
  shortName: string;
}

export interface GtfsFeed {
  stops: GtfsStops;
  routes: Map<string, GtfsRoute>;
  trips: GtfsTrip[];
  services: Map<string, GtfsService>;
}

/** YYYYMMDD of an ISO date (YYYY-MM-DD). */
export const compactDate = (isoDate: string): string => isoDate.replaceAll('-', '');

/** Whether a service runs on a date (YYYYMMDD): calendar_dates.txt exceptions first, then calendar.txt. */
export const runsOn = (service: GtfsService, date: string): boolean => {
  if (service.removed.has(date)) return false;
  if (service.added.has(date)) return true;
  if (!service.weekdays || !service.start || !service.end) return false;
  if (date < service.start || date > service.end) return false;
  const day = new Date(Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8))).getUTCDay();
  return service.weekdays[(day + 6) % 7] === true;
};
