import { z } from 'zod';
import { Age, Code, IsoDate, Sex } from './common.js';
import { Channel, EventKind } from './service-class.js';

/**
 * One service event (a visit, an episode or a care day) as a producer's system reports it. The
 * client key is a pseudonym that arrives already hashed; identity codes are refused at import.
 */
export const ServiceEvent = z.object({
  sourceId: z.string().trim().min(1).max(128),
  date: IsoDate,
  municipalityCode: Code,
  gridCellCode: Code.optional(),
  age: Age,
  sex: Sex,
  serviceClass: Code,
  unitCode: Code.optional(),
  producerCode: Code.optional(),
  channel: Channel,
  kind: EventKind,
  quantity: z.number().positive().max(100_000),
  costEuros: z.number().min(0).max(10_000_000),
  clientKey: z.string().trim().min(8).max(128).optional(),
  /** When the client first contacted the service about this need: the start of the wait (hoitoonpääsy). */
  firstContactDate: IsoDate.optional(),
});
export type ServiceEvent = z.infer<typeof ServiceEvent>;
