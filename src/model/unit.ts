import { z } from 'zod';
import { Code, EastingMetres, IsoDate, NorthingMetres } from './common.js';
import { ServiceLanguage } from './language.js';
import { Channel } from './service-class.js';

export const CapacityUnit = z.enum(['visits', 'places']);

/** A service unit (toimipiste). Locations are stored in EPSG:3067 and served in WGS84 too. */
export const Unit = z.object({
  code: Code,
  name: z.string().trim().min(1),
  serviceClasses: z.array(Code).min(1),
  producerCode: Code,
  municipalityCode: Code,
  x: EastingMetres,
  y: NorthingMetres,
  capacityPerYear: z.number().min(0),
  capacityUnit: CapacityUnit,
  validFrom: IsoDate,
  validTo: IsoDate.optional(),
  channels: z.array(Channel).min(1),
  /** The languages the unit serves in; absent when the unit register does not say. */
  languages: z.array(ServiceLanguage).min(1).optional(),
});
export type Unit = z.infer<typeof Unit>;
