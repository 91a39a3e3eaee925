/** The speed-limit layers of a Digiroad release (limits.ts reads them). */
export type DigiroadLimitLayer = 'DR_NOPEUSRAJOITUS' | 'DR_TALVINOPEUSRAJOITUS';

/** What the limit layers gave the links, for the import report. */
export interface DigiroadLimitReport {
  /** Per layer the release holds: rows read, joined to a link, rejected (read = accepted + rejected). */
  readonly layers: { layer: DigiroadLimitLayer; read: number; accepted: number; rejected: number }[];
  /** Links whose limit came from the speed-limit layer. */
  readonly linksWithLayerLimit: number;
  /** Links with no limit from the layer nor on the link: the county's speed for the road class holds. */
  readonly linksWithDefault: number;
  /** Links whose winter limit came from the winter speed-limit layer. */
  readonly linksWithWinterLimit: number;
}
