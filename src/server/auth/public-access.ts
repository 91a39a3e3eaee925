import { publicViewer } from '../../model/index.js';
import type { Authenticator } from './authenticator.js';

/** No sign-in configured: everyone is the public role, who sees suppressed figures and changes nothing. */
export const publicAccess: Authenticator = {
  mode: 'public',
  register: async () => undefined,
  viewerOf: async () => publicViewer,
  provesOrigin: () => false,
  close: async () => undefined,
};
