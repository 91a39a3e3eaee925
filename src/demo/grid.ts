import { gridCellCode } from '../model/index.js';

/** A window of Statistics Finland's 1 km grid, addressed by column and row from its south-west corner. */
export interface GridWindow {
  westKm: number;
  southKm: number;
  width: number;
  height: number;
}

export const cellIndex = (window: GridWindow, column: number, row: number): number =>
  row * window.width + column;

export const cellColumn = (window: GridWindow, index: number): number => index % window.width;

export const cellRow = (window: GridWindow, index: number): number => Math.floor(index / window.width);

/** The cell's centre in EPSG:3067 metres. */
export const cellCentre = (window: GridWindow, index: number): { x: number; y: number } => ({
  x: (window.westKm + cellColumn(window, index)) * 1000 + 500,
  y: (window.southKm + cellRow(window, index)) * 1000 + 500,
});

export const cellCode = (window: GridWindow, index: number): string =>
  gridCellCode(
    (window.westKm + cellColumn(window, index)) * 1000,
    (window.southKm + cellRow(window, index)) * 1000,
  );

/** The cell that holds a point given in EPSG:3067 metres, or −1 outside the window. */
export const cellAt = (window: GridWindow, x: number, y: number): number => {
  const column = Math.floor(x / 1000) - window.westKm;
  const row = Math.floor(y / 1000) - window.southKm;
  if (column < 0 || row < 0 || column >= window.width || row >= window.height) return -1;
  return cellIndex(window, column, row);
};

/** Distance between two points in EPSG:3067, in kilometres. */
export const distanceKm = (a: { x: number; y: number }, b: { x: number; y: number }): number =>
  Math.hypot(a.x - b.x, a.y - b.y) / 1000;
