import 'maplibre-gl/dist/maplibre-gl.css';
import {
  type LngLatBoundsLike,
  Map as MapLibreMap,
  type MapMouseEvent,
  NavigationControl,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { type RefObject, useEffect, useRef, useState } from 'react';

// Once bundled, MapLibre cannot find its worker beside its own file; Vite emits the worker and gives its URL.
setWorkerUrl(workerUrl);

/** Mainland Finland, for a store that has no geometry yet. */
const finland = { center: [25.5, 64.5] as [number, number], zoom: 4 };

export interface MapLibreOptions {
  /**
   * The whole style, drawn from the county's own GeoJSON with no tiles, glyphs or sprites from
   * elsewhere, so that the map works offline. A new style object makes a new map: callers memoise it.
   */
  style: StyleSpecification;
  /** What the map opens on; mainland Finland when nothing has geometry yet. */
  bounds: LngLatBoundsLike | undefined;
  padding: number;
  /** MapLibre's own texts (its title, zoom buttons, popup close), read when the map is made. */
  locale: Record<string, string>;
  /** The id of the text that tells how to use the map and where its content is as text. */
  describedBy: string;
  /** Layers whose features answer a click: the pointer shows it over them. */
  interactiveLayers: readonly string[];
  onClick(event: MapMouseEvent, map: MapLibreMap): void;
  /** The pointer away from those layers ('' for MapLibre's own). */
  restingCursor?(): string;
}

/**
 * Makes a MapLibre map in the container the way every map of the app is made: the county's own style,
 * no rotation, zoom buttons, texts in the page's language, the canvas described for screen readers and
 * resized with its container (MapLibre's trackResize), and removed when the component goes. The map is
 * handed out once its style has loaded (feature state, sources and popups need it); `failed` says the
 * browser has no WebGL, where the page's tables still carry everything.
 */
export const useMapLibre = (
  containerRef: RefObject<HTMLElement | null>,
  options: MapLibreOptions,
): { map: MapLibreMap | null; failed: boolean } => {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [failed, setFailed] = useState(false);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const { style, describedBy } = options;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { bounds, padding, locale, interactiveLayers } = latest.current;
    let created: MapLibreMap;
    try {
      created = new MapLibreMap({
        container,
        style,
        ...(bounds ? { bounds, fitBoundsOptions: { padding } } : finland),
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        trackResize: true,
        locale,
      });
    } catch {
      setFailed(true);
      return;
    }
    created.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    created.keyboard.disableRotation();
    created.touchZoomRotate.disableRotation();
    created.getCanvas().setAttribute('aria-describedby', describedBy);
    created.on('click', (event) => latest.current.onClick(event, created));
    for (const layer of interactiveLayers) {
      created.on('mouseenter', layer, () => {
        created.getCanvas().style.cursor = 'pointer';
      });
      created.on('mouseleave', layer, () => {
        created.getCanvas().style.cursor = latest.current.restingCursor?.() ?? '';
      });
    }
    created.once('load', () => setMap(created));
    return () => {
      setMap(null);
      created.remove();
    };
  }, [containerRef, style, describedBy]);

  return { map, failed };
};
