import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const defaultStaffingPath = fileURLToPath(
  new URL('../../config/forecast-staffing.json', import.meta.url),
);

const Staffing = z.object({
  assumptions: z.array(z.string()).optional(),
  default: z.number().positive(),
  volumePerFte: z.record(z.string(), z.number().positive()),
});

/** Volume per full-time equivalent by service class, from config/forecast-staffing.json. */
export const loadVolumePerFte = (path = defaultStaffingPath): ((serviceClass: string) => number) => {
  const staffing = Staffing.parse(JSON.parse(readFileSync(path, 'utf8')));
  return (serviceClass) => staffing.volumePerFte[serviceClass] ?? staffing.default;
};
