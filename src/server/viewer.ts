import type { IncomingHttpHeaders } from 'node:http';
import { publicViewer, Role, type Viewer, viewerWithRoles } from '../model/index.js';

/**
 * Who is asking, as the sign-in proxy in front of the server tells it: `X-Soteatlas-Role` and, for a
 * producer, `X-Soteatlas-Producer`. Without them the request is treated as public, so that a missing
 * header can only ever hide figures, never reveal them.
 */
export const viewerOf = (headers: IncomingHttpHeaders): Viewer => {
  const role = Role.safeParse(headers['x-soteatlas-role']);
  if (!role.success) return publicViewer;
  if (role.data !== 'producer') return viewerWithRoles([role.data]);
  const producerCode = headers['x-soteatlas-producer'];
  // A producer who does not say which one sees nothing that belongs to anyone.
  if (typeof producerCode !== 'string' || producerCode === '') return publicViewer;
  return viewerWithRoles(['producer'], { producerCode });
};
