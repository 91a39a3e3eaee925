import type { Viewer } from '../../model/index.js';
import type { Authenticator } from './authenticator.js';
import { registerSessionRoute, sessionInfoOf } from './session-route.js';

/**
 * Every request is `viewer`: for the loopback server a report is printed from, which must show the pages
 * exactly as the person who asked for the report may see them, and is reachable only while it prints.
 */
export const fixedViewerAccess = (viewer: Viewer): Authenticator => ({
  mode: 'public',
  register: async (app) => registerSessionRoute(app, async () => sessionInfoOf('public', viewer)),
  viewerOf: async () => viewer,
  provesOrigin: () => false,
  close: async () => undefined,
});
