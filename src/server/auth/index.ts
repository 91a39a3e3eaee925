export type { Authenticator, AuthServices } from './authenticator.js';
export { fixedViewerAccess } from './fixed-viewer.js';
export { publicAccess } from './public-access.js';
