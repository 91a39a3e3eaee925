import { publicViewer } from '../../model/index.js';
import type { Authenticator } from './authenticator.js';
import { registerSessionRoute, sessionInfoOf } from './session-route.js';

/** No sign-in configured: everyone is the public role, who sees suppressed figures and changes nothing. */
export const publicAccess: Authenticator = {
  mode: 'public',
  register: async (app) => registerSessionRoute(app, async () => sessionInfoOf('public', publicViewer)),
  viewerOf: async () => publicViewer,
  provesOrigin: () => false,
  close: async () => undefined,
};
