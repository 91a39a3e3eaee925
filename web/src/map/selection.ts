export type MapItemKind = 'municipality' | 'unit';

/** The item whose details are shown. One chosen in a table also moves the map to it. */
export interface MapSelection {
  kind: MapItemKind;
  code: string;
  fromTable: boolean;
  /** Where it was clicked, so that a municipality's popup opens there rather than at its box's centre. */
  at?: [number, number];
}

export interface MapItemDescription {
  title: string;
  detail: string;
}
