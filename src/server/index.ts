export { countyOf } from './county.js';
export { buildServer, type ServerOptions } from './server.js';
export { type RunningServer, type StartOptions, startServer } from './start.js';
