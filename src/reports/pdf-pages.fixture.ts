import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A page rendered in shades of grey, one byte a pixel (0 black, 255 white). */
export interface GreyPage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Reads a binary PGM (P5) image with 8-bit samples, as pdftoppm -gray writes it. */
const readPgm = (file: Buffer): GreyPage => {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 64).toString('latin1'));
  if (!header?.[1] || !header[2] || header[3] !== '255') throw new Error('not an 8-bit binary PGM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const start = header[0].length;
  return { width, height, pixels: file.subarray(start, start + width * height) };
};

const withPdfFile = async <T>(pdf: Buffer, use: (dir: string, path: string) => Promise<T>): Promise<T> => {
  const dir = await mkdtemp(join(tmpdir(), 'soteatlas-pdf-'));
  try {
    const path = join(dir, 'report.pdf');
    await writeFile(path, pdf);
    return await use(dir, path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/**
 * Every page of a PDF as the paper would show it, drawn by poppler's pdftoppm (Debian's poppler-utils) at
 * a low resolution: enough to tell ink from paper, cheap enough for every test run.
 */
export const renderPdfPages = (pdf: Buffer, dotsPerInch = 40): Promise<GreyPage[]> =>
  withPdfFile(pdf, async (dir, path) => {
    await run('pdftoppm', ['-r', String(dotsPerInch), '-gray', path, join(dir, 'page')]);
    const names = (await readdir(dir)).filter((name) => name.endsWith('.pgm')).sort();
    return Promise.all(names.map(async (name) => readPgm(await readFile(join(dir, name)))));
  });

/** The share of a page's area that carries ink: pixels clearly darker than white paper. */
export const inkShare = (page: GreyPage, paperAtLeast = 235): number => {
  let ink = 0;
  for (const value of page.pixels) if (value < paperAtLeast) ink++;
  return ink / (page.width * page.height);
};

/** Each page's text, in reading order, as pdftotext finds it. */
export const pdfPageTexts = (pdf: Buffer): Promise<string[]> =>
  withPdfFile(pdf, async (_dir, path) => {
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], {
      maxBuffer: 32 * 1024 * 1024,
    });
    // pdftotext ends every page with a form feed, the last one too.
    return stdout.split('\f').slice(0, -1);
  });

/** The first pages as PNG images named page-1.png, page-2.png…, for a person to look at. */
export const savePdfPages = (pdf: Buffer, { outDir, pages, dotsPerInch = 60 }: SaveOptions) =>
  withPdfFile(pdf, async (_dir, path) => {
    for (let n = 1; n <= pages; n++) {
      const page = ['-f', String(n), '-l', String(n), '-singlefile'];
      await run('pdftoppm', ['-r', String(dotsPerInch), '-png', ...page, path, join(outDir, `page-${n}`)]);
    }
  });

interface SaveOptions {
  outDir: string;
  pages: number;
  dotsPerInch?: number;
}
