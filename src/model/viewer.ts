import { z } from 'zod';

/**
 * Who is looking. Analysts work with the unsuppressed figures; everyone else sees figures that have
 * passed disclosure control, and a producer sees only its own units and events.
 */
export const Role = z.enum(['analyst', 'manager', 'planner', 'steering', 'producer', 'public']);
export type Role = z.infer<typeof Role>;

export const Viewer = z.object({
  role: Role,
  /** Set for the producer role: the producer whose data this viewer may see. */
  producerCode: z.string().optional(),
});
export type Viewer = z.infer<typeof Viewer>;

/** Only analysts see counts below the disclosure threshold. */
export const seesUnsuppressed = (viewer: Viewer): boolean => viewer.role === 'analyst';

/** The safe default when nothing says who is asking. */
export const publicViewer: Viewer = { role: 'public' };
