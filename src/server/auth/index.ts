export type { Authenticator } from './authenticator.js';
export { fixedViewerAccess } from './fixed-viewer.js';
export { publicAccess } from './public-access.js';
