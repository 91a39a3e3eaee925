import { z } from 'zod';

/** Codes are short identifiers such as municipality "091", service class "T11" or a grid id "1kmN6672E0385". */
export const Code = z.string().trim().min(1).max(64);

export const Sex = z.enum(['male', 'female']);
export type Sex = z.infer<typeof Sex>;

/** Single-year age; 100 stands for "100 and over", as in Statistics Finland's tables. */
export const Age = z.int().min(0).max(100);

export const Year = z.int().min(1900).max(2100);

export const IsoDate = z.iso.date();

/** Coordinates in ETRS-TM35FIN (EPSG:3067), metres. The bounds cover Finland with a margin. */
export const EastingMetres = z.number().min(50_000).max(800_000);
export const NorthingMetres = z.number().min(6_600_000).max(7_800_000);

/** Where a stored record came from, so that every figure can be traced back to a file and a line. */
export const Provenance = z.object({
  importId: z.int().positive(),
  sourceFile: z.string(),
  line: z.int().positive(),
});
export type Provenance = z.infer<typeof Provenance>;
