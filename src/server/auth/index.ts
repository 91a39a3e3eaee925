export type { Authenticator, AuthServices } from './authenticator.js';
export { type DemoProvider, startDemoProvider } from './demo-provider.js';
export { fixedViewerAccess } from './fixed-viewer.js';
export { publicAccess } from './public-access.js';
export { type SignInAccessOptions, signInAccess } from './sign-in-access.js';
export { readSignInSettings } from './sign-in-settings.js';
