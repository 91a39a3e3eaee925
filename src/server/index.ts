export { openApiDocument } from './openapi.js';
export { apiRoutes } from './routes/index.js';
export { buildServer, type ServerOptions } from './server.js';
export { type RunningServer, type StartOptions, startServer } from './start.js';
