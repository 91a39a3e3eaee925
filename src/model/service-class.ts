import { z } from 'zod';
import { Code } from './common.js';

export const EventKind = z.enum(['visit', 'episode', 'careDay']);
export type EventKind = z.infer<typeof EventKind>;

export const Channel = z.enum(['inPerson', 'remote', 'digital']);
export type Channel = z.infer<typeof Channel>;

/** A group of services in the spirit of THL's service-area groupings; the county may add its own. */
export const ServiceClass = z.object({
  code: Code,
  nameFi: z.string().min(1),
  nameSv: z.string().min(1),
  nameEn: z.string().min(1),
  serviceArea: z.enum(['health', 'social', 'elderly']),
  eventKind: EventKind,
  /** The age range the service is meant for, used for rates "per 1 000 residents of the relevant age". */
  ageFrom: z.int().min(0).max(100).default(0),
  ageTo: z.int().min(0).max(100).default(100),
});
export type ServiceClass = z.infer<typeof ServiceClass>;

export const ServiceClassCatalogue = z.array(ServiceClass).min(1);
