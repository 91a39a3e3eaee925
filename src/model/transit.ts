import { z } from 'zod';
import { RejectReason } from './reject-reason.js';

/** How a resident travels to a unit: by car, by public transport with walking, on foot, by bicycle. */
export const TravelMode = z.enum(['car', 'transit', 'walk', 'bike']);
export type TravelMode = z.infer<typeof TravelMode>;

/**
 * Which public-transport times a request wants: departures every minute of a window on one service
 * day, summarised by a percentile (75: the time within which three departures in four arrive). The
 * default window is 7:00–9:00 on the first Tuesday (else the first weekday) the feed runs on.
 */
export const TransitChoice = z
  .strictObject({
    /** YYYY-MM-DD; default the first Tuesday the feed runs on, else its first weekday. */
    date: z.iso.date().optional(),
    fromMinutes: z
      .int()
      .min(0)
      .max(47 * 60)
      .default(7 * 60),
    toMinutes: z
      .int()
      .min(1)
      .max(48 * 60)
      .default(9 * 60),
    percentile: z.int().min(1).max(99).default(75),
  })
  .refine((w) => w.toMinutes > w.fromMinutes, { message: 'the window ends before it starts' });
export type TransitChoice = z.infer<typeof TransitChoice>;

/** The public-transport times a result used: the feed, the day, the window and the percentile. */
export const TransitUse = z.object({
  feed: z.string(),
  date: z.string(),
  fromMinutes: z.number(),
  toMinutes: z.number(),
  percentile: z.number(),
  /** Origins with no stop within the walking limit: they reach a unit only by walking all the way. */
  originsWithoutStop: z.int().min(0),
});
export type TransitUse = z.infer<typeof TransitUse>;

/** The files of a GTFS feed that are read; others in the zip are listed as not read. */
export const GtfsFileName = z.enum([
  'stops.txt',
  'routes.txt',
  'trips.txt',
  'stop_times.txt',
  'calendar.txt',
  'calendar_dates.txt',
  'frequencies.txt',
]);
export type GtfsFileName = z.infer<typeof GtfsFileName>;

/** One rejected row of a feed: its file, its physical line (the header is line 1), the column and why. */
export const GtfsReject = z.object({
  file: GtfsFileName,
  line: z.int().min(2),
  column: z.string().optional(),
  reason: RejectReason,
});
export type GtfsReject = z.infer<typeof GtfsReject>;

/** Rows read from one file of the feed: rowsIn = accepted + rejected. */
export const GtfsFileCount = z.object({
  file: GtfsFileName,
  rowsIn: z.int().min(0),
  accepted: z.int().min(0),
  rejected: z.int().min(0),
});
export type GtfsFileCount = z.infer<typeof GtfsFileCount>;

export const GtfsImportSummary = z.object({
  counts: z.array(GtfsFileCount),
  rejects: z.array(GtfsReject),
  /** Files in the zip that the import does not read (agency.txt, shapes.txt, fares …). */
  notRead: z.array(z.string()),
  /** First and last service date any calendar covers, YYYY-MM-DD; null when none does. */
  serviceFrom: z.string().nullable(),
  serviceTo: z.string().nullable(),
});
export type GtfsImportSummary = z.infer<typeof GtfsImportSummary>;

/** A departure window on one service day, in seconds after midnight, departures every `stepSeconds`. */
export const DepartureWindow = z
  .object({
    /** YYYY-MM-DD. */
    date: z.iso.date(),
    fromSeconds: z
      .int()
      .min(0)
      .max(48 * 3600),
    toSeconds: z
      .int()
      .min(0)
      .max(48 * 3600),
    stepSeconds: z.int().min(1).max(3600).default(60),
  })
  .refine((w) => w.toSeconds >= w.fromSeconds, { message: 'the window ends before it starts' });
export type DepartureWindow = z.infer<typeof DepartureWindow>;

/** Walking and transfer limits of public-transport routing (walking speed is the road speeds' walking profile). */
export const TransitSettings = z.object({
  /** Longest walk to the first stop or from the last one. */
  maxAccessMinutes: z.number().positive().max(60).default(15),
  /** Longest walk between two stops when changing. */
  maxTransferMinutes: z.number().positive().max(30).default(5),
  /** Most vehicles boarded on one journey. */
  maxRides: z.int().min(1).max(10).default(4),
  /** Journeys longer than this count as not reachable. */
  maxTripMinutes: z.number().positive().max(600).default(180),
  /** The percentile reported beside the median, as r5 does (e.g. 75 or 90). */
  percentile: z.int().min(1).max(99).default(75),
});
export type TransitSettings = z.infer<typeof TransitSettings>;
