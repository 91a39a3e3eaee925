import type { Page } from 'playwright-core';

/** How many pixels of each colour ("r,g,b") an image has. */
export type ColourCounts = Record<string, number>;

/**
 * Counts the colours of a PNG screenshot, decoding it in the page itself so that no image library is
 * needed. A screenshot, unlike reading the WebGL canvas back, shows what the compositor really drew.
 */
export const colourCounts = (page: Page, png: Buffer): Promise<ColourCounts> =>
  page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas to decode the screenshot');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const counts: Record<string, number> = {};
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }, png.toString('base64'));

const channels = (hex: string): [number, number, number] => {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
};

/** Pixels within `tolerance` of a colour on every channel (rendering rounds colours a little). */
export const pixelsNear = (counts: ColourCounts, hex: string, tolerance = 3): number => {
  const [r, g, b] = channels(hex);
  let total = 0;
  for (const [key, count] of Object.entries(counts)) {
    const [pr = -1, pg = -1, pb = -1] = key.split(',').map(Number);
    if (Math.abs(pr - r) <= tolerance && Math.abs(pg - g) <= tolerance && Math.abs(pb - b) <= tolerance) {
      total += count;
    }
  }
  return total;
};
