export {
  type Authenticator,
  type DemoProvider,
  fixedViewerAccess,
  publicAccess,
  readSignInSettings,
  signInAccess,
  startDemoProvider,
} from './auth/index.js';
export { countyOf } from './county.js';
export { freePort, onFreePort } from './free-port.js';
export { indicatorSourceOf } from './indicator-source.js';
export { buildServer, type ServerOptions } from './server.js';
export { type RunningServer, type StartOptions, startServer } from './start.js';
